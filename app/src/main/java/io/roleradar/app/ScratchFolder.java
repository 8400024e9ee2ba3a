package io.roleradar.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A new temporary folder, deleted with everything in it on {@link #close()}: for state a command
 * needs only while it runs (the demo's ingest store), so that it leaves nothing behind and never
 * touches the state of the user's own runs.
 */
final class ScratchFolder implements AutoCloseable {
    private final Path path;

    private ScratchFolder(Path path) {
        this.path = path;
    }

    static ScratchFolder create(String prefix) {
        try {
            return new ScratchFolder(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder: " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    /** Deletes the folder; what cannot be deleted is left, named in a warning, and the command goes on. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("roleradar: could not delete the temporary folder " + path + ": " + e.getMessage());
        }
    }
}
