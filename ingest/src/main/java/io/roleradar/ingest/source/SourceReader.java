package io.roleradar.ingest.source;

import io.roleradar.ingest.fetch.FetchOutcome;
import io.roleradar.ingest.fetch.HttpFetcher;
import io.roleradar.ingest.parse.Rejected;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns a {@link SourceSpec} into documents: reads a file, every file of a folder (sorted, hidden
 * files skipped), or fetches a URL. Files larger than the size cap are refused like oversized
 * answers. Failures are reported as {@link Rejected} values, never thrown.
 */
public final class SourceReader {
    /** Receives each document or failure as it is read. */
    public interface Sink {
        void document(Document doc);

        void failed(Rejected rejected);
    }

    private final HttpFetcher fetcher;
    private final long maxBytes;
    private final Clock clock;

    public SourceReader(HttpFetcher fetcher, long maxBytes, Clock clock) {
        this.fetcher = fetcher;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public void read(SourceSpec spec, Sink sink) throws InterruptedException {
        if (spec.url() != null) {
            fetch(spec.url(), spec.board(), !spec.api(), sink);
        } else {
            readPath(spec.path(), sink);
        }
    }

    /** Fetches one URL: a job page when {@code page} (robots.txt applies), else an API. */
    public void fetch(URI url, String board, boolean page, Sink sink) throws InterruptedException {
        FetchOutcome outcome = fetcher.get(url, page);
        if (outcome instanceof FetchOutcome.Fetched f) {
            sink.document(new Document(url.toString(), f.uri(), null, board, f.body(), f.contentType(), clock.instant()));
        } else {
            FetchOutcome.Failed failed = (FetchOutcome.Failed) outcome;
            sink.failed(new Rejected(url.toString(), failed.kind(), failed.reason()));
        }
    }

    private void readPath(Path path, Sink sink) {
        if (!Files.exists(path)) {
            sink.failed(new Rejected(path.toString(), Rejected.UNREADABLE, "no such file or folder"));
            return;
        }
        if (Files.isDirectory(path)) {
            List<Path> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> !hidden(path.relativize(p)))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                sink.failed(new Rejected(path.toString(), Rejected.UNREADABLE, "cannot list folder: " + e.getMessage()));
                return;
            }
            for (Path file : files) {
                readFile(file, sink);
            }
        } else {
            readFile(path, sink);
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

    private void readFile(Path file, Sink sink) {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                sink.failed(new Rejected(file.toString(), Rejected.TOO_LARGE, "file of " + size
                        + " bytes is over the limit of " + maxBytes + " bytes (raise --max-bytes)"));
                return;
            }
            byte[] body = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            sink.document(new Document(file.toString(), null, stem, null, body, null, clock.instant()));
        } catch (IOException e) {
            sink.failed(new Rejected(file.toString(), Rejected.UNREADABLE, "cannot read: " + e.getMessage()));
        }
    }
}
