package io.roleradar.ingest.publish;

import io.roleradar.cli.OutputFile;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes raw postings as JSON Lines, one value per line as {@code postings.raw} would carry it, as
 * they are read. A file is written under a temporary name beside it and moved into place by
 * {@link #commit()} ({@link OutputFile}: the usual mode, and a run that fails or stops leaves the
 * earlier file as it was); {@code -} writes to standard output.
 */
public final class JsonLinesWriter implements AutoCloseable {
    private final OutputFile file;
    private final Writer out;

    private JsonLinesWriter(OutputFile file, Writer out) {
        this.file = file;
        this.out = out;
    }

    /** Opens {@code target}, a path or {@code -} for {@code stdout}. */
    public static JsonLinesWriter open(String target, PrintStream stdout) throws IOException {
        if (target.equals("-")) {
            return new JsonLinesWriter(null, new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8)));
        }
        OutputFile file = OutputFile.open(Path.of(target));
        return new JsonLinesWriter(file, new BufferedWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8)));
    }

    public void write(RawPosting posting) {
        try {
            out.write(PostingJson.writeLine(posting));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the file into place (standard output: flushes it). */
    public void commit() throws IOException {
        out.flush();
        if (file != null) {
            file.commit();
        }
    }

    /** Without a commit, the file's earlier content stays; standard output is flushed, never closed. */
    @Override
    public void close() throws IOException {
        if (file == null) {
            out.flush();
        } else {
            file.close();
        }
    }
}
