package io.roleradar.reporter.input;

import io.roleradar.reporter.aggregate.LatestPostings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a JSON Lines file of tagged postings, as {@code roleradar classify} writes it, into the
 * latest postings: one value per line, blank lines skipped, a later line for the same id wins.
 * An unreadable line is counted with its line number and the run goes on.
 */
public final class JsonLinesReader {
    private static final int PROGRESS_EVERY = 100_000;

    private JsonLinesReader() {
    }

    /** Reads {@code path} ({@code -} for standard input). */
    public static Source.JsonLinesFile read(String path, LatestPostings sink, Progress progress) throws IOException {
        String name = "-".equals(path) ? "stdin" : Path.of(path).getFileName().toString();
        try (Reader raw = "-".equals(path)
                ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8);
             BufferedReader reader = new BufferedReader(raw, 1 << 16)) {
            long lineNo = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                sink.accept(line.getBytes(StandardCharsets.UTF_8), name + ":" + lineNo);
                if (lineNo % PROGRESS_EVERY == 0) {
                    progress.update(lineNo, -1);
                }
            }
            return new Source.JsonLinesFile(path, lineNo);
        }
    }
}
