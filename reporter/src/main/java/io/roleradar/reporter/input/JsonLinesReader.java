package io.roleradar.reporter.input;

import io.roleradar.cli.InputKind;
import io.roleradar.reporter.aggregate.LatestPostings;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
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

    /**
     * Reads {@code path} ({@code -} for standard input), checking {@code stopped} between lines so a
     * signal stops a long read promptly.
     *
     * @throws TopicSnapshotReader.InterruptedRead when stopped before the end
     */
    public static Source.JsonLinesFile read(String path, LatestPostings sink, Progress progress,
                                            BooleanSupplier stopped) throws IOException {
        boolean stdin = "-".equals(path);
        String name = stdin ? "stdin" : Path.of(path).getFileName().toString();
        if (!stdin && Files.isDirectory(Path.of(path))) {
            throw new WrongInput.Refused(WrongInput.folderMessage(path));
        }
        try (BufferedInputStream in = new BufferedInputStream(stdin ? System.in : Files.newInputStream(Path.of(path)),
                1 << 16)) {
            // The head tells a compressed or binary file before a line of it is decoded.
            in.mark(InputKind.HEAD);
            byte[] head = in.readNBytes(InputKind.HEAD);
            in.reset();
            InputKind kind = WrongInput.sniff(head, head.length);
            if (kind != null && kind.notText()) {
                throw new WrongInput.Refused(WrongInput.message(kind, path));
            }
            // A file's bad bytes are refused with the line they are on; standard input's become U+FFFD, as before.
            Reader text = stdin ? new InputStreamReader(in, StandardCharsets.UTF_8)
                    : new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder());
            return read(path, name, new BufferedReader(text, 1 << 16), sink, progress, stopped, kind);
        }
    }

    private static Source.JsonLinesFile read(String path, String name, BufferedReader reader, LatestPostings sink,
                                             Progress progress, BooleanSupplier stopped, InputKind kind)
            throws IOException {
        long lineNo = 0;
        try (DecodePipeline<Line> pipeline = new DecodePipeline<>(sink, l -> null, Line::bytes,
                l -> name + ":" + l.number())) {
            List<Line> batch = new ArrayList<>(BATCH);
            String line;
            while ((line = readLine(reader, path, lineNo + 1)) != null) {
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
        return new Source.JsonLinesFile(path, lineNo, kind);
    }

    /** The next line; bytes that are not UTF-8 past the head refuse the file, naming the line. */
    private static String readLine(BufferedReader reader, String path, long lineNo) throws IOException {
        try {
            return reader.readLine();
        } catch (CharacterCodingException e) {
            throw new WrongInput.Refused(path + " is not UTF-8 text (at line " + lineNo + "): save it as UTF-8, "
                    + "or give the file 'roleradar classify --output' wrote");
        }
    }
}
