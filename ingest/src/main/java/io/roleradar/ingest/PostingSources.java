package io.roleradar.ingest;

import io.roleradar.ingest.fetch.HttpFetcher;
import io.roleradar.ingest.fetch.HttpSettings;
import io.roleradar.ingest.identity.RunDeduplicator;
import io.roleradar.ingest.parse.CsvColumns;
import io.roleradar.ingest.parse.DocumentParser;
import io.roleradar.ingest.parse.Extraction;
import io.roleradar.ingest.parse.ParseResult;
import io.roleradar.ingest.parse.Parsed;
import io.roleradar.ingest.parse.Rejected;
import io.roleradar.ingest.source.Document;
import io.roleradar.ingest.source.SourceReader;
import io.roleradar.ingest.source.SourceSpec;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The library entry point of ingest: reads sources (board short forms, URLs, files, folders) into
 * normalised raw postings with the same parsers, normalisation and in-run dedup as
 * {@code ingest run --output}. Used by the launcher's {@code brief} and {@code evaluate}; it
 * touches no broker and keeps no state between calls.
 *
 * <pre>{@code
 * ReadResult r = PostingSources.withDefaults().read(List.of("ashby:cohere", "jobs.csv"));
 * }</pre>
 */
public final class PostingSources {
    /** Told after each document read (a folder holds many), for progress reports on long runs. */
    public interface Progress {
        void progress(int sourcesDone, int sources, int documents, int found, int rejected);
    }

    private final DocumentParser parser;
    private final SourceReader reader;
    private final IngestMetrics metrics;
    private final int maxLinks;

    /**
     * @param http     how to fetch URLs
     * @param columns  how CSV columns map to fields
     * @param maxLinks most job links followed from one board listing page
     * @param metrics  where counts and fetch latencies go
     */
    public PostingSources(HttpSettings http, CsvColumns columns, int maxLinks, IngestMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.parser = new DocumentParser(Objects.requireNonNull(columns, "columns"));
        this.reader = new SourceReader(new HttpFetcher(http, metrics::fetch), http.maxBytes(), Clock.systemUTC());
        if (maxLinks < 0) {
            throw new IllegalArgumentException("--max-links must not be negative, got " + maxLinks);
        }
        this.maxLinks = maxLinks;
    }

    /** Polite HTTP defaults, the Glassdoor-friendly CSV column names, up to 100 links per board page. */
    public static PostingSources withDefaults() {
        return new PostingSources(HttpSettings.defaults(), CsvColumns.defaults(), 100, IngestMetrics.none());
    }

    /**
     * Reads the sources in order. Bad input never throws: it comes back in {@link ReadResult#rejected()}.
     * If the thread is interrupted the postings read so far are returned and the interrupt flag is kept.
     *
     * @throws IllegalArgumentException when a source cannot be a source at all (blank, or a URL that is not http/https)
     */
    public ReadResult read(List<String> sources) {
        List<SourceSpec> specs = sources.stream().map(SourceSpec::parse).toList();
        return read(specs, null, () -> false);
    }

    /** As {@link #read(List)}, reporting progress and stopping early when {@code stop} says so. */
    public ReadResult read(List<SourceSpec> specs, Progress progress, BooleanSupplier stop) {
        RunDeduplicator dedup = new RunDeduplicator();
        List<Rejected> rejected = new ArrayList<>();
        int[] found = {0};
        int done = 0;
        int documents = 0;
        try {
            for (SourceSpec spec : specs) {
                if (stop.getAsBoolean()) {
                    break;
                }
                String origin = spec.url() != null ? "url" : "file";
                List<Document> docs = new ArrayList<>();
                reader.read(spec, new SourceReader.Sink() {
                    @Override
                    public void document(Document doc) {
                        docs.add(doc);
                    }

                    @Override
                    public void failed(Rejected r) {
                        reject(rejected, r, origin);
                    }
                });
                for (Document doc : docs) {
                    readDocument(doc, dedup, rejected, found, origin, stop);
                    documents++;
                    if (progress != null) {
                        progress.progress(done, specs.size(), documents, found[0], rejected.size());
                    }
                }
                done++;
                if (progress != null) {
                    progress.progress(done, specs.size(), documents, found[0], rejected.size());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ReadResult(dedup.postings(), rejected, dedup.duplicates(), dedup.contentKeys());
    }

    private void readDocument(Document doc, RunDeduplicator dedup, List<Rejected> rejected, int[] found, String origin,
                              BooleanSupplier stop) throws InterruptedException {
        Extraction extraction = take(parser.parse(doc), dedup, rejected, found, origin);
        if (extraction.jobLinks().isEmpty()) {
            return;
        }
        if (doc.url() == null) {
            reject(rejected, new Rejected(doc.name(), "links-not-followed", "a board listing page with "
                    + extraction.jobLinks().size() + " job links; links are followed only when the board is read "
                    + "over http(s): give its URL as the source"), origin);
            return;
        }
        int followed = 0;
        for (URI link : extraction.jobLinks()) {
            if (followed++ >= maxLinks || stop.getAsBoolean()) {
                break;
            }
            List<Document> pages = new ArrayList<>();
            reader.fetch(link, null, true, new SourceReader.Sink() {
                @Override
                public void document(Document page) {
                    pages.add(page);
                }

                @Override
                public void failed(Rejected r) {
                    reject(rejected, r, "url");
                }
            });
            for (Document page : pages) {
                take(parser.parse(page), dedup, rejected, found, "url");
            }
        }
    }

    /** Counts and merges the postings of one document, keeps its rejects; returns the extraction. */
    private Extraction take(Extraction extraction, RunDeduplicator dedup, List<Rejected> rejected, int[] found, String origin) {
        for (ParseResult result : extraction.results()) {
            if (result instanceof Parsed parsed) {
                found[0]++;
                metrics.found(parsed.posting().source());
                if (!dedup.add(parsed.posting())) {
                    metrics.duplicate(parsed.posting().source());
                }
            } else {
                reject(rejected, (Rejected) result, origin);
            }
        }
        return extraction;
    }

    private void reject(List<Rejected> rejected, Rejected r, String origin) {
        rejected.add(r);
        metrics.rejected(origin, r.kind());
    }
}
