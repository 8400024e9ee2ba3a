package io.roleradar.reporter.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A report folder that changes only when its run succeeds: every file is written into a temporary
 * sibling folder ({@code .NAME.HEX.tmp} beside {@code NAME}, so on the same file system), and
 * {@link #publish()} moves them over the target's files one by one, each move atomic. A run that
 * fails or is stopped before publishing {@link #close() closes} without publishing: the temporary
 * folder is deleted and the earlier reports are as they were. Folders and files are created with
 * the usual modes (0755 and 0644 under the default umask), never the owner-only modes of
 * {@code Files.createTempDirectory}.
 */
public final class ReportFolder implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private boolean published;

    private ReportFolder(Path target) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        Path parent = this.target.getParent();
        Files.createDirectories(parent);
        this.staging = Files.createDirectory(parent.resolve("." + this.target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp"));
    }

    /** Opens a temporary folder beside {@code target} (which need not exist yet). */
    public static ReportFolder stage(Path target) throws IOException {
        return new ReportFolder(target);
    }

    /**
     * Checks, before a run reads anything, that {@code target} can be a report folder: a folder or
     * nothing yet, with no file where a folder above it must be. Found only when the files are
     * staged, such a mistake would cost the whole read first and come out as a bare exception.
     *
     * @param flag how the command line names the folder, for the message
     * @throws IllegalArgumentException naming the file in the way
     */
    public static void checkTarget(Path target, String flag) {
        Path dir = target.toAbsolutePath().normalize();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) {
                return;
            }
            if (Files.exists(p)) {
                throw new IllegalArgumentException(flag + " " + target + " cannot be a folder: " + p
                        + " is a file; name a folder (new or not) for the reports");
            }
        }
    }

    /** Where the run writes its files. */
    public Path staging() {
        return staging;
    }

    /** The folder the reports end up in. */
    public Path target() {
        return target;
    }

    /** Moves every staged file into the target folder (created if missing); returns the files' new paths. */
    public List<Path> publish() throws IOException {
        Files.createDirectories(target);
        List<Path> moved = new ArrayList<>();
        for (Path file : list(staging)) {
            Path to = target.resolve(file.getFileName().toString());
            try {
                Files.move(file, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(file, to, StandardCopyOption.REPLACE_EXISTING);
            }
            moved.add(to);
        }
        published = true;
        Files.deleteIfExists(staging);
        return moved;
    }

    /** Without {@link #publish()}: deletes the temporary folder and what is in it. */
    @Override
    public void close() throws IOException {
        if (published || !Files.exists(staging)) {
            return;
        }
        for (Path file : list(staging)) {
            Files.deleteIfExists(file);
        }
        Files.deleteIfExists(staging);
    }

    private static List<Path> list(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(files::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        files.sort(null);
        return files;
    }
}
