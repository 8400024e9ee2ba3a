package io.roleradar.reporter.input;

import io.roleradar.reporter.aggregate.LatestPostings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Reads a JSON Lines file of tagged postings, as {@code roleradar classify} writes it, into the
 * latest postings: one value per line, blank lines skipped, a later line for the same id wins.
 * Lines are decoded on worker threads and applied in file order (see {@link DecodePipeline}).
 * An unreadable line is counted with its line number and the run goes on.
 */
public final class JsonLinesReader {
    private static final int PROGRESS_EVERY = 100_000;
    private static final int BATCH = 500;

    private JsonLinesReader() {
    }

    /** A line of the file and its number (from 1). */
    private record Line(long number, byte[] bytes) {
    }

    /** Reads {@code path} ({@code -} for standard input). */
    public static Source.JsonLinesFile read(String path, LatestPostings sink, Progress progress) throws IOException {
        return read(path, sink, progress, () -> false);
    }

    /**
     * Reads {@code path} ({@code -} for standard input), checking {@code stopped} between lines so a
     * signal stops a long read promptly.
     *
     * @throws TopicSnapshotReader.InterruptedRead when stopped before the end
     */
    public static Source.JsonLinesFile read(String path, LatestPostings sink, Progress progress,
                                            BooleanSupplier stopped) throws IOException {
        String name = "-".equals(path) ? "stdin" : Path.of(path).getFileName().toString();
        try (Reader raw = "-".equals(path)
                ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8);
             BufferedReader reader = new BufferedReader(raw, 1 << 16)) {
            long lineNo = 0;
            String line;
            try (DecodePipeline<Line> pipeline = new DecodePipeline<>(sink, l -> null, Line::bytes,
                    l -> name + ":" + l.number(), TopicSnapshotReader.DECODE_THREADS, 2)) {
                List<Line> batch = new ArrayList<>(BATCH);
                while ((line = reader.readLine()) != null) {
                    lineNo++;
                    if (stopped.getAsBoolean()) {
                        throw new TopicSnapshotReader.InterruptedRead("stopped at line " + lineNo + " of " + name);
                    }
                    if (line.isBlank()) {
                        continue;
                    }
                    batch.add(new Line(lineNo, line.getBytes(StandardCharsets.UTF_8)));
                    if (batch.size() == BATCH) {
                        pipeline.submit(batch);
                        batch = new ArrayList<>(BATCH);
                    }
                    if (lineNo % PROGRESS_EVERY == 0) {
                        progress.update(lineNo, -1);
                    }
                }
                pipeline.submit(batch);
                pipeline.finish();
            }
            return new Source.JsonLinesFile(path, lineNo);
        }
    }
}
