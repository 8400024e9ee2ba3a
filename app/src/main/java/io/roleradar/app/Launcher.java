package io.roleradar.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the roleradar checkout is, for the files it ships (samples, dev set). */
final class Launcher {
    private Launcher() {
    }

    /**
     * The checkout root: {@code roleradar.home} as set by the {@code ./roleradar} script, else the
     * nearest folder upwards from the working directory that holds {@code samples/}, else the
     * working directory.
     */
    static Path home() {
        String configured = System.getProperty("roleradar.home", System.getenv("ROLERADAR_HOME"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("samples")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return Path.of("").toAbsolutePath();
    }
}
