package io.roleradar.ingest.publish;

import io.roleradar.cli.OutputFile;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes raw postings as JSON Lines, one value per line as {@code postings.raw} would carry it.
 * A file is written under a temporary name beside it and moved into place when complete
 * ({@link OutputFile}: the usual mode, and a failed write leaves the earlier file as it was);
 * {@code -} writes to standard output.
 */
public final class JsonLinesWriter {
    private JsonLinesWriter() {
    }

    public static void write(String target, List<RawPosting> postings, PrintStream stdout) throws IOException {
        if (target.equals("-")) {
            // Flushed, never closed: closing would close the process's stdout.
            Writer w = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
            lines(postings, w);
            w.flush();
            return;
        }
        try (OutputFile file = OutputFile.open(Path.of(target))) {
            Writer w = new BufferedWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8));
            lines(postings, w);
            w.flush();
            file.commit();
        }
    }

    private static void lines(List<RawPosting> postings, Writer w) throws IOException {
        for (RawPosting p : postings) {
            w.write(PostingJson.writeLine(p));
            w.write('\n');
        }
    }
}
