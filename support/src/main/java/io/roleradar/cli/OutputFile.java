package io.roleradar.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An output file that appears only when its run succeeds: written under a temporary name in the
 * same folder and moved over the target by {@link #commit()}; {@link #close()} without a commit
 * deletes it, so a failed or interrupted run leaves the earlier file as it was. The file gets the
 * usual mode (0644 under the default umask), not the 0600 of {@code Files.createTempFile}.
 * {@link #appendingTo} is the same for a file that keeps a record across runs (a rejects file): its
 * commit adds to the earlier file instead of replacing it.
 */
public final class OutputFile implements AutoCloseable {
    private final Path target;
    private final Path temporary;
    private final OutputStream stream;
    private final boolean append;
    private boolean committed;

    private OutputFile(Path target, boolean append) throws IOException {
        this.target = target.toAbsolutePath();
        this.append = append;
        Path dir = this.target.getParent();
        Files.createDirectories(dir);
        this.temporary = dir.resolve("." + this.target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        this.stream = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Opens a temporary file beside {@code target}. */
    public static OutputFile open(Path target) throws IOException {
        return new OutputFile(target, false);
    }

    /**
     * Opens a temporary file beside {@code target} whose {@link #commit()} appends what was written
     * to the target (created when missing), so a failed or interrupted run adds nothing to it.
     */
    public static OutputFile appendingTo(Path target) throws IOException {
        return new OutputFile(target, true);
    }

    /** Where to write; closed by {@link #commit()} or {@link #close()}. */
    public OutputStream stream() {
        return stream;
    }

    /** Closes the stream and moves the file into place, replacing any earlier one (or appends it to that one). */
    public void commit() throws IOException {
        stream.close();
        if (append) {
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                Files.copy(temporary, out);
            }
            Files.delete(temporary);
            committed = true;
            return;
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Without a commit: discards what was written and leaves the target untouched. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        try {
            stream.close();
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
