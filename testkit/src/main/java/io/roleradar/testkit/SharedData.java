package io.roleradar.testkit;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real postings in {@code ../shared/data} beside the project. They are not shipped with the
 * project, so a test that reads them is skipped, saying why, where the folder is absent.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The shared data folder, or the test is skipped with a message when it is absent. */
    public static Path root() {
        Path root = locate();
        Assumptions.assumeTrue(root != null && Files.isDirectory(root),
                "skipped: ../shared/data (real postings, not shipped with the project) is absent");
        return root;
    }

    /** A file or folder under the shared data; the test is skipped when it is absent. */
    public static Path resolve(String relative) {
        Path path = root().resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), "skipped: ../shared/data/" + relative + " is absent");
        return path;
    }

    /**
     * The files directly in a folder of the shared data whose names end with {@code suffix},
     * sorted by name; the test is skipped when the folder is absent.
     */
    public static java.util.List<Path> files(String folder, String suffix) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = Files.list(resolve(folder))) {
            return s.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** The shared data folder when present, else null; for benchmarks and tools that do not skip. */
    public static Path locate() {
        String configured = System.getProperty("roleradar.shared.data");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured).normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate) && Files.exists(candidate.resolve("README.md"))) {
                return candidate;
            }
        }
        return null;
    }
}
