package io.roleradar.ingest;

import io.roleradar.cli.Durations;
import io.roleradar.cli.ExitCodes;
import io.roleradar.cli.LogLevel;
import io.roleradar.ingest.identity.PostingStore;
import io.roleradar.ingest.identity.PublishPlan;
import io.roleradar.ingest.identity.TopicStateLoader;
import io.roleradar.ingest.publish.JsonLinesWriter;
import io.roleradar.ingest.publish.KafkaPublisher;
import io.roleradar.kafka.TopicAdmin;
import org.apache.kafka.common.KafkaException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The ingest service: reads the sources, merges duplicates, and publishes every new or changed
 * posting (and every posting gone from its board, closed) to {@code postings.raw}, or writes the
 * run's postings to a JSON Lines file. Once, or on a schedule until stopped. Postings go on as they
 * are read, so a run need not fit in memory: to Kafka in transactions of about 16 MB (a run of
 * boards is one), each recorded in the state store once committed ({@link RunPublisher}), so a stop
 * aborts only the part in flight and the next run publishes the rest; to a file written beside its
 * target and moved into place at the end, so a stop leaves the earlier file. {@link #run()} returns
 * the exit code, {@link #finished()} whether the work was done rather than stopped.
 *
 * <p>With Kafka, a run goes: bring the state store up to date from the topic (once per process);
 * read the sources; offer each posting to the run's plan of what is new, changed or closed;
 * publish the plan part by part; then close what the whole boards no longer list.
 */
public final class IngestService {
    /**
     * How much of a run's postings (characters of title and description) waits to be merged with
     * its duplicates before going on: a run of boards merges whole, a big file part by part.
     */
    static final long READ_BUFFER_CHARS = 32L << 20;
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
            ReadResult r;
            try (JsonLinesWriter out = JsonLinesWriter.open(settings.output(), stdout)) {
                r = read((posting, contentKey, board) -> out.write(posting));
                if (stop.requested()) {
                    new RunSummary(r, 0, 0, since(start)).stopped().print(stderr);
                    return ExitCodes.INTERRUPTED;
                }
                code = exitCode(r);
                if (code != ExitCodes.FAILED) {
                    out.commit();
                }
            } catch (IOException | UncheckedIOException e) {
                stderr.println("roleradar ingest run: cannot write " + settings.output() + ": " + e.getMessage());
                return ExitCodes.FAILED;
            }
            new RunSummary(r, code == ExitCodes.FAILED ? 0 : r.streamed(), 0, since(start)).print(stderr);
            if (code == ExitCodes.FAILED) {
                nothingToRead();
            }
        } while (waitForNextRun());
        return done(code);
    }

    private int toKafka() {
        try {
            TopicAdmin.ensureRawTopic(settings.kafka(), settings.rawTopic(), settings.partitions());
        } catch (IllegalStateException | KafkaException e) {
            return unreachable(e);
        }
        String topic = settings.rawTopic();
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
                RunPublisher run = new RunPublisher(store, publisher, topicId, LocalDate.now(ZoneOffset.UTC), metrics,
                        stop::requested, RunPublisher.PART_CHARS);
                ReadResult r = read(run);
                PublishPlan plan = run.plan();
                if (stop.requested() || !run.finish(r, stderr)) {
                    new RunSummary(r, plan.committedCount(), plan.unchanged(), since(start)).stopped().print(stderr);
                    return ExitCodes.INTERRUPTED;
                }
                new RunSummary(r, plan.publishedCount(), plan.unchanged(), since(start))
                        .closed(plan.closed(), plan.reopened()).print(stderr);
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
     * One run's reading of the sources, its postings handed to {@code sink} as they are read (see
     * {@link PostingSources.PostingSink}), its rejects appended to the rejects file when there is one.
     */
    private ReadResult read(PostingSources.PostingSink sink) {
        // -q (warn) leaves only warnings, errors and the summary: no progress lines.
        boolean progress = LogLevel.current().shows(LogLevel.INFO);
        ReadResult r = reader.read(settings.sources(), progress ? new ProgressReporter(stderr) : null, stop::requested,
                sink, READ_BUFFER_CHARS);
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
            stderr.println("ingest: next run in " + Durations.format(settings.every()));
        }
        return !stop.await(settings.every());
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
