package io.roleradar.ingest;

import io.roleradar.ingest.fetch.HttpFetcher;
import io.roleradar.ingest.fetch.HttpSettings;
import io.roleradar.ingest.identity.ContentKey;
import io.roleradar.ingest.identity.RunDeduplicator;
import io.roleradar.ingest.parse.CsvColumns;
import io.roleradar.ingest.parse.CsvParser;
import io.roleradar.ingest.parse.DocumentParser;
import io.roleradar.ingest.parse.Extraction;
import io.roleradar.ingest.parse.JsonLinesParser;
import io.roleradar.ingest.parse.ParseResult;
import io.roleradar.ingest.parse.Parsed;
import io.roleradar.ingest.parse.Rejected;
import io.roleradar.ingest.source.Document;
import io.roleradar.ingest.source.LocalFile;
import io.roleradar.ingest.source.SourceReader;
import io.roleradar.ingest.source.SourceSettings;
import io.roleradar.ingest.source.SourceSpec;
import io.roleradar.model.RawPosting;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The library entry point of ingest: reads sources (board short forms, URLs, files, folders) into
 * normalised raw postings with the same parsers, normalisation and in-run dedup as
 * {@code ingest run --output}. Used by the launcher's {@code brief} and {@code evaluate}; it
 * touches no broker and keeps no state between calls.
 *
 * <p>Sources on different hosts are fetched at the same time (up to {@code --fetch-threads} hosts),
 * each host's sources one after another, so a host sees one request at a time, no faster than its
 * interval and its {@code Retry-After}, and a run takes about the busiest host's share rather than
 * the sum. The results are merged in the order the sources were given, so the first occurrence of a
 * duplicate, and with it the id that is kept, does not depend on which host answered first. Local
 * JSON Lines and CSV files are read one record at a time on the calling thread.
 *
 * <pre>{@code
 * ReadResult r = PostingSources.withDefaults().read(List.of("ashby:cohere", "jobs.csv"));
 * }</pre>
 */
public final class PostingSources {
    /**
     * Told what has been read so far: after each document of a local source, after each source, and
     * every second while waiting for a host or reading a long file.
     */
    public interface Progress {
        void progress(int sourcesDone, int sources, int documents, int found, int rejected);
    }

    /**
     * Takes the unique postings as they are read, so a run's postings need not fit in memory: they
     * are merged (see {@link RunDeduplicator}) in a buffer handed on at the end of each source once
     * it holds more than the buffer's size, and within a local file as soon as it does.
     */
    public interface PostingSink {
        /**
         * @param contentKey its {@link ContentKey}
         * @param board      the whole board whose listing it came from ({@code ashby:cohere}), or null
         *                   (a page, a CSV row, a JSON line, a Workday job)
         * @throws InterruptedException to end the read early, as a stop does: what was read so far is returned
         */
        void posting(RawPosting posting, long contentKey, String board) throws InterruptedException;
    }

    /** How often a streamed file reports progress, in records. */
    private static final int PROGRESS_EVERY_RECORDS = 10_000;
    private final DocumentParser parser;
    private final CsvParser csv;
    private final SourceReader reader;
    private final IngestMetrics metrics;
    private final int maxLinks;
    private final SourceSettings settings;

    /**
     * @param http     how to fetch URLs
     * @param columns  how CSV columns map to fields
     * @param maxLinks most job links followed from one board listing page
     * @param metrics  where counts and fetch latencies go
     * @param settings API bases, how many hosts at once, the charset of local files
     */
    public PostingSources(HttpSettings http, CsvColumns columns, int maxLinks, IngestMetrics metrics, SourceSettings settings) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.parser = new DocumentParser(Objects.requireNonNull(columns, "columns"));
        this.csv = new CsvParser(columns);
        this.reader = new SourceReader(new HttpFetcher(http, metrics::fetch), Clock.systemUTC(), settings.charset());
        if (maxLinks < 0) {
            throw new IllegalArgumentException("--max-links must not be negative, got " + maxLinks);
        }
        this.maxLinks = maxLinks;
    }

    /** Polite HTTP defaults, the Glassdoor-friendly CSV column names, up to 100 links per board page. */
    public static PostingSources withDefaults() {
        return new PostingSources(HttpSettings.defaults(), CsvColumns.defaults(), 100, IngestMetrics.none(),
                SourceSettings.defaults());
    }

    /**
     * Reads the sources. Bad input never throws: it comes back in {@link ReadResult#rejected()}.
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
        return read(specs, progress, stop, new Run(specs.size(), progress, null, Long.MAX_VALUE));
    }

    /**
     * As {@link #read(List, Progress, BooleanSupplier)}, but the unique postings go to {@code sink},
     * handed on whenever more than {@code bufferChars} characters of them wait (and at the end), and
     * {@link ReadResult#postings()} stays empty.
     */
    public ReadResult read(List<SourceSpec> specs, Progress progress, BooleanSupplier stop, PostingSink sink,
                           long bufferChars) {
        return read(specs, progress, stop, new Run(specs.size(), progress, sink, bufferChars));
    }

    private ReadResult read(List<SourceSpec> specs, Progress progress, BooleanSupplier stop, Run run) {
        List<SourceSpec> resolved = specs.stream().map(s -> s.under(settings.apiBases())).toList();
        ExecutorService pool = null;
        try {
            List<CompletableFuture<Fetched>> fetched = new ArrayList<>();
            pool = startFetching(resolved, stop, run, fetched);
            for (int i = 0; i < resolved.size() && !stop.getAsBoolean(); i++) {
                SourceSpec spec = resolved.get(i);
                if (spec.url() != null) {
                    run.merge(spec, await(fetched.get(i), run, stop));
                } else {
                    readLocal(spec, run, stop);
                    run.sourcesDone.incrementAndGet();
                }
                run.tick(true);
            }
            if (!stop.getAsBoolean()) {
                run.drain();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Stopped stopped) {
            // A stop during a streamed file: what was read so far is returned, as between sources.
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            run.dedup.close();
        }
        return run.result();
    }

    /**
     * Starts one lane per host, each reading its host's sources in order, at most
     * {@code fetchThreads} lanes at once. {@code fetched} gets one future per source (null for files).
     */
    private ExecutorService startFetching(List<SourceSpec> specs, BooleanSupplier stop, Run run,
                                          List<CompletableFuture<Fetched>> fetched) {
        Map<String, List<Integer>> lanes = new LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            SourceSpec spec = specs.get(i);
            fetched.add(spec.url() == null ? null : new CompletableFuture<>());
            if (spec.url() != null) {
                lanes.computeIfAbsent(HttpFetcher.hostKey(spec.url()), h -> new ArrayList<>()).add(i);
            }
        }
        if (lanes.isEmpty()) {
            return null;
        }
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.fetchThreads(), lanes.size()), r -> {
            Thread t = new Thread(r, "ingest-fetch-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (List<Integer> lane : lanes.values()) {
            pool.execute(() -> {
                for (int i : lane) {
                    CompletableFuture<Fetched> future = fetched.get(i);
                    if (stop.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                        future.complete(Fetched.skipped());
                        continue;
                    }
                    try {
                        Fetched f = fetchSource(specs.get(i), stop);
                        run.fetchedElsewhere(f);
                        future.complete(f);
                    } catch (InterruptedException e) {
                        future.complete(Fetched.skipped());
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        // A parser bug must not hang the run: the source is reported, the others go on.
                        future.complete(Fetched.failed(new Rejected(specs.get(i).text(), Rejected.UNREADABLE,
                                "internal error while reading: " + e)));
                    }
                }
            });
        }
        return pool;
    }

    /** Waits for a fetched source, reporting progress meanwhile; a stop ends the wait (the source counts as not read). */
    private static Fetched await(CompletableFuture<Fetched> future, Run run, BooleanSupplier stop) throws InterruptedException {
        while (true) {
            try {
                return future.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException stillFetching) {
                if (stop.getAsBoolean()) {
                    return Fetched.skipped();
                }
                run.tick(false);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** A URL source fetched and parsed on a fetch thread: what it gave, and whether it came whole. */
    private Fetched fetchSource(SourceSpec spec, BooleanSupplier stop) throws InterruptedException {
        Fetched out = new Fetched();
        List<Document> docs = new ArrayList<>();
        reader.read(spec, collect(docs, out));
        for (Document doc : docs) {
            out.documents++;
            Extraction extraction = parser.parse(doc);
            out.add(extraction.results(), doc.name());
            int followed = 0;
            for (URI link : extraction.jobLinks()) {
                if (followed++ >= maxLinks || stop.getAsBoolean()) {
                    break;
                }
                List<Document> pages = new ArrayList<>();
                reader.fetch(link, null, spec.company(), true, collect(pages, out));
                for (Document page : pages) {
                    out.documents++;
                    out.add(parser.parse(page).results(), page.name());
                }
            }
        }
        return out;
    }

    private static SourceReader.Sink collect(List<Document> docs, Fetched out) {
        return new SourceReader.Sink() {
            @Override
            public void document(Document doc) {
                docs.add(doc);
            }

            @Override
            public void failed(Rejected r) {
                out.fail(r);
            }

            @Override
            public void stream(LocalFile file) {
                throw new IllegalStateException("a URL gave a local file");
            }
        };
    }

    /** A file or folder, read on this thread; its records go straight to the merge. */
    private void readLocal(SourceSpec spec, Run run, BooleanSupplier stop) throws InterruptedException {
        SourceState state = new SourceState(spec);
        reader.read(spec, new SourceReader.Sink() {
            @Override
            public void document(Document doc) {
                run.documents.incrementAndGet();
                Extraction extraction = parser.parse(doc);
                for (ParseResult r : extraction.results()) {
                    run.take(state, r, doc.name(), "file");
                }
                if (!extraction.jobLinks().isEmpty()) {
                    run.take(state, new Rejected(doc.name(), "links-not-followed", "a board listing page with "
                            + extraction.jobLinks().size() + " job links; links are followed only when the board is "
                            + "read over http(s): give its URL as the source"), doc.name(), "file");
                }
                run.tick(true);
            }

            @Override
            public void failed(Rejected r) {
                run.take(state, r, r.source(), "file");
            }

            @Override
            public void stream(LocalFile file) {
                run.documents.incrementAndGet();
                state.streamed = true;
                streamFile(file, run, state, stop);
                run.tick(true);
            }
        });
        run.end(state);
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
    }

    private void streamFile(LocalFile file, Run run, SourceState state, BooleanSupplier stop) {
        Document meta = file.meta();
        int[] records = {0};
        Consumer<ParseResult> out = r -> {
            if (++records[0] % PROGRESS_EVERY_RECORDS == 0) {
                if (stop.getAsBoolean()) {
                    throw new Stopped();
                }
                run.tick(false);
            }
            run.take(state, r, meta.name(), "file");
        };
        try (InputStream in = Files.newInputStream(file.path())) {
            if (file.format() == LocalFile.Format.JSON_LINES) {
                JsonLinesParser.parse(meta, in, out);
            } else {
                in.skipNBytes(file.skip());
                Reader text = new InputStreamReader(in, file.charset().newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
                csv.parse(meta, text, out);
            }
        } catch (IOException e) {
            run.take(state, new Rejected(meta.name(), Rejected.UNREADABLE, "cannot read: " + e.getMessage()),
                    meta.name(), "file");
        }
    }

    /** Thrown out of a streamed file's records when a stop was asked for. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** What a fetch thread made of one URL source, handed to the merge in the sources' order. */
    private static final class Fetched {
        final List<ParseResult> results = new ArrayList<>();
        /** The document each result came from, to tell a whole document's reject from a posting's. */
        final List<String> from = new ArrayList<>();
        int documents;
        int found;
        int rejected;
        String failure;
        boolean skipped;

        static Fetched skipped() {
            Fetched f = new Fetched();
            f.skipped = true;
            return f;
        }

        static Fetched failed(Rejected r) {
            Fetched f = new Fetched();
            f.fail(r);
            return f;
        }

        void add(List<ParseResult> parsed, String document) {
            for (ParseResult r : parsed) {
                results.add(r);
                from.add(document);
                if (r instanceof Parsed) {
                    found++;
                } else {
                    rejected++;
                }
            }
        }

        void fail(Rejected r) {
            results.add(r);
            from.add(r.source());
            rejected++;
        }
    }

    /** One source's account while it is merged. */
    private static final class SourceState {
        final SourceSpec spec;
        final Set<String> postingSources = new LinkedHashSet<>();
        boolean complete = true;
        /** True for a local record file read record by record, whose postings may not fit in memory. */
        boolean streamed;
        String failure;
        int postings;

        SourceState(SourceSpec spec) {
            this.spec = spec;
            if (spec.ats() != null && spec.board() != null) {
                postingSources.add(spec.ats() + ":" + spec.board());
            }
        }
    }

    /**
     * One read: the merge (kept in memory, or handed to a sink now and then), the rejects, the
     * sources' accounts and progress.
     */
    private final class Run {
        final int sources;
        final Progress progress;
        /** Where merged postings go, or null to keep them all for the result. */
        final PostingSink sink;
        final long bufferChars;
        final RunDeduplicator dedup = new RunDeduplicator();
        final List<Rejected> rejected = new ArrayList<>();
        final List<SourceRead> reads = new ArrayList<>();
        final AtomicInteger sourcesDone = new AtomicInteger();
        final AtomicInteger documents = new AtomicInteger();
        /** Postings and rejects fetched but not yet merged, so progress counts them as they arrive. */
        final AtomicInteger pendingFound = new AtomicInteger();
        final AtomicInteger pendingRejected = new AtomicInteger();
        int found;
        int handedOn;

        Run(int sources, Progress progress, PostingSink sink, long bufferChars) {
            this.sources = sources;
            this.progress = progress;
            this.sink = sink;
            this.bufferChars = bufferChars;
        }

        /** Called on a fetch thread when a source has been fetched and parsed. */
        void fetchedElsewhere(Fetched f) {
            sourcesDone.incrementAndGet();
            documents.addAndGet(f.documents);
            pendingFound.addAndGet(f.found);
            pendingRejected.addAndGet(f.rejected);
        }

        void merge(SourceSpec spec, Fetched f) throws InterruptedException {
            if (f.skipped) {
                return;
            }
            SourceState state = new SourceState(spec);
            for (int i = 0; i < f.results.size(); i++) {
                take(state, f.results.get(i), f.from.get(i), "url");
            }
            pendingFound.addAndGet(-f.found);
            pendingRejected.addAndGet(-f.rejected);
            end(state);
        }

        void end(SourceState state) {
            if (dedup.bufferedChars() > bufferChars) {
                drain();
            }
            reads.add(new SourceRead(state.spec.text(), state.postingSources, state.complete, state.postings, state.failure));
        }

        /** Counts one result, merges a posting, keeps a reject; a reject of a whole document marks its source as not read whole. */
        void take(SourceState state, ParseResult result, String document, String origin) {
            if (result instanceof Parsed parsed) {
                RawPosting p = parsed.posting();
                found++;
                state.postings++;
                if (p.source() != null && !parsed.carried()) {
                    state.postingSources.add(p.source());
                }
                metrics.found(p.source());
                // Only a board's own listing says which of its postings are open; a JSON line
                // that merely carries a board's name does not.
                String board = !parsed.carried() && SourceRead.isWholeBoard(p.source()) ? p.source() : null;
                if (!dedup.add(p, board)) {
                    metrics.duplicate(p.source());
                }
                if (state.streamed && dedup.bufferedChars() > bufferChars) {
                    drain();
                }
                return;
            }
            Rejected r = (Rejected) result;
            rejected.add(r);
            metrics.rejected(origin, r.kind());
            if (r.source().equals(document) && state.complete) {
                state.complete = false;
                state.failure = r.reason();
            }
        }

        /** Hands the merged postings waiting to the sink (none when they are kept for the result). */
        void drain() {
            if (sink == null) {
                return;
            }
            try {
                for (RunDeduplicator.Unique u : dedup.drain()) {
                    sink.posting(u.posting(), u.contentKey(), u.board());
                    handedOn++;
                }
            } catch (InterruptedException stop) {
                // The sink's way to end the read (a stop while publishing), not this thread's
                // interrupt: the flag stays clear so the caller can still close its producer.
                throw new Stopped();
            }
        }

        private long lastTick = System.nanoTime();

        void tick(boolean force) {
            long now = System.nanoTime();
            if (progress == null || (!force && now - lastTick < 1_000_000_000L)) {
                return;
            }
            lastTick = now;
            progress.progress(sourcesDone.get(), sources, documents.get(), found + pendingFound.get(),
                    rejected.size() + pendingRejected.get());
        }

        ReadResult result() {
            if (sink == null) {
                return new ReadResult(dedup.postings(), rejected, dedup.duplicates(), reads, 0);
            }
            return new ReadResult(List.of(), rejected, dedup.duplicates(), reads, handedOn);
        }
    }
}
