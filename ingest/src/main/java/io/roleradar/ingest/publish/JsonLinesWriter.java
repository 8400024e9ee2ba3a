package io.roleradar.ingest.publish;

import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes raw postings as JSON Lines, one value per line as {@code postings.raw} would carry it.
 * A file is written beside its target and moved into place when complete, so a reader never sees
 * half a run; {@code -} writes to standard output.
 */
public final class JsonLinesWriter {
    private JsonLinesWriter() {
    }

    public static void write(String target, List<RawPosting> postings, PrintStream stdout) throws IOException {
        if (target.equals("-")) {
            Writer w = new java.io.OutputStreamWriter(new NonClosing(stdout), StandardCharsets.UTF_8);
            for (RawPosting p : postings) {
                w.write(PostingJson.writeLine(p));
                w.write('\n');
            }
            w.flush();
            return;
        }
        Path file = Path.of(target).toAbsolutePath();
        Path dir = file.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (RawPosting p : postings) {
                w.write(PostingJson.writeLine(p));
                w.write('\n');
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
