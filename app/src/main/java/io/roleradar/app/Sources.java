package io.roleradar.app;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** What a source argument (a file, a folder, a URL, or a board such as greenhouse:acme) names. */
final class Sources {
    private Sources() {
    }

    /**
     * True when {@code source} can only be a file or folder, and there is none: a usage error
     * (exit 2) to report before any reading starts. URLs, boards ({@code greenhouse:acme}) and
     * {@code -} are not files.
     */
    static boolean isMissingFile(String source) {
        if (source.equals("-") || source.contains("://") || source.matches("[A-Za-z][A-Za-z0-9+.-]*:[^/\\\\].*")) {
            return false;
        }
        try {
            return !Files.exists(Path.of(source));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
