package io.roleradar.ingest;

import io.roleradar.cli.ExitCodes;
import io.roleradar.cli.LogLevel;
import io.roleradar.ingest.identity.PostingStore;
import io.roleradar.ingest.identity.PublishPlan;
import io.roleradar.ingest.identity.TopicStateLoader;
import io.roleradar.ingest.identity.WrittenOffsets;
import io.roleradar.ingest.publish.JsonLinesWriter;
import io.roleradar.ingest.publish.KafkaPublisher;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.model.RawPosting;
import org.apache.kafka.common.KafkaException;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The ingest service: reads the sources, merges duplicates, and publishes every new or changed
 * posting (and every posting gone from its board, closed) to {@code postings.raw} in one Kafka
 * transaction per run, or writes the run's postings to a JSON Lines file. Once, or on a schedule
 * until stopped; a stop during a run aborts its transaction (or leaves the earlier file), so
 * nothing is half-published. {@link #run()} returns the exit code, {@link #finished()} whether the
 * work was done rather than stopped.
 *
 * <p>With Kafka, a run goes: bring the state store up to date from the topic (once per process);
 * read the sources; work out what is new, changed or closed ({@link PublishPlan}); publish it in
 * one transaction; then record it in the store with the topic positions it covers.
 */
public final class IngestService {
    private final IngestSettings settings;
    private final IngestMetrics metrics;
    private final PostingSources reader;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final Stop stop;
    private boolean finished;

    public IngestService(IngestSettings settings, IngestMetrics metrics, PrintStream stdout, PrintStream stderr, Stop stop) {
        this.settings = settings;
        this.metrics = metrics;
        this.reader = new PostingSources(settings.http(), settings.columns(), settings.maxLinks(), metrics,
                settings.sourceSettings());
        this.stdout = stdout;
        this.stderr = stderr;
        this.stop = stop;
    }

    /** Runs once, or on the schedule until stopped; the exit code of the last run. */
    public int run() {
        return settings.output() != null ? toFile() : toKafka();
    }

    /** True when the service ended because its work was done, not because a stop came. */
    public boolean finished() {
        return finished;
    }

    private int toFile() {
        int code;
        do {
            long start = System.nanoTime();
            ReadResult r = read();
            if (stop.requested()) {
                new RunSummary(r, -1, 0, since(start)).print(stderr);
                return ExitCodes.INTERRUPTED;
            }
            code = exitCode(r);
            if (code == ExitCodes.FAILED) {
                new RunSummary(r, 0, 0, since(start)).print(stderr);
                nothingToRead();
                continue;
            }
            try {
                JsonLinesWriter.write(settings.output(), r.postings(), stdout);
            } catch (IOException e) {
                stderr.println("roleradar ingest run: cannot write " + settings.output() + ": " + e.getMessage());
                return ExitCodes.FAILED;
            }
            new RunSummary(r, r.postings().size(), 0, since(start)).print(stderr);
        } while (waitForNextRun());
        return done(code);
    }

    private int toKafka() {
        try {
            TopicAdmin.ensureTopics(settings.kafka(), settings.topics(), settings.partitions());
        } catch (IllegalStateException | KafkaException e) {
            return unreachable(e);
        }
        String topic = settings.topics().raw();
        try (PostingStore store = PostingStore.open(settings.stateDir().resolve(topic.replaceAll("[^A-Za-z0-9._-]", "_")));
             KafkaPublisher publisher = new KafkaPublisher(settings.kafka(), topic, settings.transactionalId(),
                     metrics.registry())) {
            String topicId;
            try {
                // The transactional id first: it aborts what an earlier instance left open, so the
                // state read next sees only committed runs.
                publisher.init();
                topicId = TopicStateLoader.load(settings.kafka(), topic, Duration.ofMinutes(2), store);
            } catch (KafkaException | IllegalStateException e) {
                return unreachable(e);
            }
            int code;
            do {
                long start = System.nanoTime();
                ReadResult r = read();
                PublishPlan plan = plan(r, store);
                WrittenOffsets written = new WrittenOffsets();
                if (stop.requested() || !publisher.publish(plan.toPublish(), stop::requested, written)) {
                    new RunSummary(r, -1, plan.unchanged(), since(start)).print(stderr);
                    return ExitCodes.INTERRUPTED;
                }
                for (PublishPlan.ToPublish p : plan.toPublish()) {
                    metrics.published(p.posting().source());
                }
                // The store now takes in this run's records: where they directly follow what was
                // read, it covers them, and the next start does not read them again.
                try (PostingStore.Batch batch = store.batch()) {
                    plan.record(batch);
                    batch.covers(topicId, written.advance(store.positions()));
                    batch.commit();
                }
                new RunSummary(r, plan.toPublish().size(), plan.unchanged(), since(start))
                        .closed(plan.closed()).print(stderr);
                code = exitCode(r);
                if (code == ExitCodes.FAILED) {
                    nothingToRead();
                }
            } while (waitForNextRun());
            return done(code);
        } catch (KafkaException e) {
            stderr.println("roleradar ingest run: Kafka failed: " + e.getMessage());
            return ExitCodes.KAFKA_UNAVAILABLE;
        }
    }

    /**
     * What the run publishes: its new and changed postings, and the postings each whole board read
     * without failure no longer lists, closed. A board that failed, or answered with nothing where
     * it listed postings before, closes nothing, with a warning naming it.
     */
    private PublishPlan plan(ReadResult r, PostingStore store) {
        PublishPlan plan = new PublishPlan(store, LocalDate.now(ZoneOffset.UTC));
        Set<String> boards = wholeBoards(r.completePostingSources());
        for (RawPosting p : r.postings()) {
            if (!plan.offer(p, r.contentKey(p), boards.contains(p.source()) ? p.source() : null)) {
                metrics.unchanged(p.source());
            }
        }
        for (String board : boards) {
            int open = plan.boardsListed().contains(board) ? 0 : store.openOn(board).size();
            if (plan.boardsListed().contains(board)) {
                plan.closeUnlisted(board);
            } else if (open > 0) {
                stderr.println("ingest: warning: board " + board + " answered with no postings where " + open
                        + " were open; none of them closed");
            }
        }
        for (SourceRead s : r.sources()) {
            for (String board : s.complete() ? Set.<String>of() : wholeBoards(s.postingSources())) {
                stderr.println("ingest: warning: board " + board + " could not be read whole (" + s.failure()
                        + "); none of its postings closed");
            }
        }
        return plan;
    }

    /**
     * The whole boards among posting sources: an ATS board API (or a saved answer of one) lists
     * every open posting of the board. A Workday job detail, a page, a CSV or JSON Lines does not.
     */
    private static Set<String> wholeBoards(Set<String> postingSources) {
        Set<String> boards = new TreeSet<>();
        for (String s : postingSources) {
            if (s.matches("(greenhouse|lever|ashby):.+")) {
                boards.add(s);
            }
        }
        return boards;
    }

    /** One run's reading of the sources, its rejects appended to the rejects file when there is one. */
    private ReadResult read() {
        // -q (warn) leaves only warnings, errors and the summary: no progress lines.
        boolean progress = LogLevel.current().shows(LogLevel.INFO);
        ReadResult r = reader.read(settings.sources(), progress ? new ProgressReporter(stderr) : null, stop::requested);
        if (settings.rejects() != null && !r.rejected().isEmpty()) {
            try {
                RejectsFile.append(settings.rejects(), r.rejected(), Instant.now());
            } catch (IOException e) {
                stderr.println("roleradar ingest run: cannot write the rejects to " + settings.rejects() + ": " + e.getMessage());
            }
        }
        return r;
    }

    /**
     * A run's exit code: 1 when nothing at all was read (no posting: an empty or unreadable input,
     * and any earlier output is left as it was), 4 when some sources could not be read, else 0.
     */
    private static int exitCode(ReadResult r) {
        if (r.found() == 0) {
            return ExitCodes.FAILED;
        }
        return r.failedSources() > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
    }

    /**
     * The code of the last run. A run once that got here did its work, whatever signal came after
     * it; a schedule ends only when stopped, between runs.
     */
    private int done(int code) {
        finished = settings.every() == null || !stop.requested();
        return finished ? code : ExitCodes.OK;
    }

    private void nothingToRead() {
        stderr.println("roleradar ingest run: nothing to read: no source gave a posting"
                + (settings.output() != null && !settings.output().equals("-") ? "; " + settings.output()
                + " left as it was" : ""));
    }

    /** Sleeps until the next scheduled run; false when there is none (run once) or a stop came. */
    private boolean waitForNextRun() {
        if (settings.every() == null || stop.requested()) {
            return false;
        }
        if (LogLevel.current().shows(LogLevel.INFO)) {
            stderr.println("ingest: next run in " + human(settings.every()));
        }
        return !stop.await(settings.every());
    }

    /** A duration as people write it: 6h, 30m, 1d, 90s, 500ms. */
    static String human(Duration d) {
        long ms = d.toMillis();
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1000L};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (ms % units[i] == 0) {
                return ms / units[i] + names[i];
            }
        }
        return ms + "ms";
    }

    private int unreachable(RuntimeException e) {
        stderr.println("roleradar ingest run: Kafka failed at " + settings.kafka().bootstrapServers() + ": "
                + e.getMessage() + "; or use --output FILE to write JSON Lines instead");
        return ExitCodes.KAFKA_UNAVAILABLE;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** The stop shared by the signal handler (or a test), the run and the scheduler. */
    public static final class Stop {
        private final CountDownLatch requested = new CountDownLatch(1);

        public void request() {
            requested.countDown();
        }

        public boolean requested() {
            return requested.getCount() == 0;
        }

        /** Waits up to {@code d}; true when a stop came meanwhile. */
        boolean await(Duration d) {
            try {
                return requested.await(d.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
    }
}
