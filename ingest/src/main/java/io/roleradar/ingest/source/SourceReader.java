package io.roleradar.ingest.source;

import io.roleradar.ingest.fetch.FetchOutcome;
import io.roleradar.ingest.fetch.HttpFetcher;
import io.roleradar.ingest.parse.Rejected;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns a {@link SourceSpec} into documents: reads a file, every file of a folder (sorted, hidden
 * files skipped), or fetches a URL. A local file of records (JSON Lines, CSV) is handed over as a
 * {@link LocalFile} to be read one record at a time, so such files have no size limit; any other
 * file (an HTML page, a JSON board response) is read whole, and so is held to the same size cap as
 * a network answer: a hostile or mistaken 1 GB page must not take the heap. Failures are reported
 * as {@link Rejected} values, never thrown.
 */
public final class SourceReader {
    /** Receives each document, streamed file or failure as it is read. */
    public interface Sink {
        void document(Document doc);

        void failed(Rejected rejected);

        /** A local JSON Lines or CSV file, to be read record by record. */
        void stream(LocalFile file);
    }

    /** How much of a local file is looked at to tell its format and charset. */
    private static final int SNIFF_BYTES = 64 * 1024;
    private final HttpFetcher fetcher;
    private final Clock clock;
    private final Charset charset;

    /**
     * @param charset the charset of local files that have no byte-order mark; null for UTF-8
     */
    public SourceReader(HttpFetcher fetcher, Clock clock, Charset charset) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.charset = charset;
    }

    public void read(SourceSpec spec, Sink sink) throws InterruptedException {
        if (spec.url() != null) {
            fetch(spec.url(), spec.board(), spec.company(), !spec.api(), sink);
        } else {
            readPath(spec.path(), spec.company(), sink);
        }
    }

    /** Fetches one URL: a job page when {@code page} (robots.txt applies), else an API. */
    public void fetch(URI url, String board, String company, boolean page, Sink sink) throws InterruptedException {
        FetchOutcome outcome = fetcher.get(url, page);
        if (outcome instanceof FetchOutcome.Fetched f) {
            sink.document(new Document(url.toString(), f.uri(), null, board, f.body(), f.contentType(), clock.instant(),
                    company));
        } else {
            FetchOutcome.Failed failed = (FetchOutcome.Failed) outcome;
            sink.failed(new Rejected(url.toString(), failed.kind(), failed.reason()));
        }
    }

    private void readPath(Path path, String company, Sink sink) {
        if (!Files.exists(path)) {
            sink.failed(new Rejected(path.toString(), Rejected.UNREADABLE, "no such file or folder"));
            return;
        }
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).filter(p -> !hidden(path.relativize(p))).sorted().toList();
            } catch (IOException e) {
                sink.failed(new Rejected(path.toString(), Rejected.UNREADABLE, "cannot list folder: " + e.getMessage()));
                return;
            }
            for (Path file : files) {
                readFile(file, company, sink);
            }
        } else {
            readFile(path, company, sink);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private void readFile(Path file, String company, Sink sink) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(SNIFF_BYTES);
            }
            TextStart start = TextStart.of(head, charset);
            LocalFile.Format format = start.recordFormat();
            if (format != null) {
                sink.stream(new LocalFile(file, stem, format, start.bomLength(), start.charset(), clock.instant(), company));
                return;
            }
            long size = Files.size(file);
            if (size > fetcher.maxBytes()) {
                sink.failed(new Rejected(file.toString(), Rejected.TOO_LARGE, "a " + size + "-byte document is over the "
                        + "size cap of " + fetcher.maxBytes() + " bytes for files read whole (--max-bytes; JSON Lines "
                        + "and CSV files are read a record at a time, without a cap)"));
                return;
            }
            byte[] body = Files.readAllBytes(file);
            // A charset named by the user or a byte-order mark reaches the decoder as a declared one.
            String declared = start.charset().equals(StandardCharsets.UTF_8) ? null
                    : "text/plain; charset=" + (start.bomLength() > 0 ? "UTF-16" : start.charset().name());
            sink.document(new Document(file.toString(), null, stem, null, body, declared, clock.instant(), company));
        } catch (IOException | OutOfMemoryError e) {
            sink.failed(new Rejected(file.toString(), Rejected.UNREADABLE, "cannot read: " + e.getMessage()));
        }
    }
}
