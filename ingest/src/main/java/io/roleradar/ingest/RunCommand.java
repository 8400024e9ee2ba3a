package io.roleradar.ingest;

import io.roleradar.cli.Durations;
import io.roleradar.cli.ExitCodes;
import io.roleradar.cli.KafkaOptions;
import io.roleradar.ingest.fetch.HttpSettings;
import io.roleradar.ingest.identity.PublishedState;
import io.roleradar.ingest.identity.StateCheckpoint;
import io.roleradar.ingest.identity.TopicStateLoader;
import io.roleradar.ingest.identity.WrittenOffsets;
import io.roleradar.ingest.parse.CsvColumns;
import io.roleradar.ingest.publish.JsonLinesWriter;
import io.roleradar.ingest.publish.KafkaPublisher;
import io.roleradar.ingest.source.SourceSpec;
import io.roleradar.kafka.KafkaSettings;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.kafka.Topics;
import io.roleradar.metrics.MetricsEndpoint;
import io.roleradar.model.RawPosting;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ingest run}: reads the sources, merges duplicates, and publishes every new or changed
 * posting to {@code postings.raw} in one Kafka transaction per run (or writes them to a JSON Lines
 * file with {@code --output}). Once, or with {@code --every} on a schedule until stopped; a stop
 * during a run aborts its transaction, so nothing is half-published.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reads postings from the sources and publishes each new or changed one once to postings.raw.",
                "SRC is a board (greenhouse:BOARD, lever:SITE, ashby:BOARD), an http(s) URL (API response, job page "
                        + "or board page), or a file or folder (Ashby/Greenhouse/Lever JSON, HTML, CSV, JSON Lines).",
                "Exit codes: 0 done, 1 nothing could be read, 2 invalid configuration, 3 Kafka unreachable, 130 stopped."})
public final class RunCommand implements Callable<Integer> {
    @Option(names = {"-s", "--source"}, paramLabel = "SRC",
            description = "A source; repeatable. Env: ROLERADAR_INGEST_SOURCES (comma-separated).")
    List<String> sources = new ArrayList<>();

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "YAML file with 'sources:' (and optional 'every:', 'csvColumns:'). Env: ROLERADAR_INGEST_CONFIG.")
    Path config;

    @Option(names = "--every", paramLabel = "DURATION",
            description = "Run on this schedule until stopped (6h, 30m, PT6H). Env: ROLERADAR_INGEST_EVERY. Default: run once.")
    String every;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the postings as JSON Lines to FILE ('-' for stdout) instead of Kafka. Env: ROLERADAR_INGEST_OUTPUT.")
    String output;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Append every reject (source, kind, reason, time) as a JSON line to FILE, so none is lost "
                    + "with the console output. Env: ROLERADAR_INGEST_REJECTS. Default: none")
    Path rejects;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Keep a checkpoint of the dedup state in DIR, so a new process reads only what was published "
                    + "since the last run instead of all of the raw topic (which stays the source of truth: a missing or "
                    + "stale checkpoint means a full read). Env: ROLERADAR_INGEST_STATE_DIR. Default: none")
    Path stateDir;

    @Option(names = "--transactional-id", paramLabel = "ID",
            description = "Kafka transactional id; one per ingest deployment. Env: ROLERADAR_INGEST_TRANSACTIONAL_ID. "
                    + "Default: roleradar-ingest")
    String transactionalId;

    @Option(names = "--csv-column", paramLabel = "FIELD=COLUMN",
            description = "Read FIELD (id, title, company, location, description, salary, postedAt, employmentType, "
                    + "department, url, remote) from the CSV column COLUMN; repeatable. Env: ROLERADAR_INGEST_CSV_COLUMNS "
                    + "(FIELD=COLUMN;...).")
    Map<String, String> csvColumns = new LinkedHashMap<>();

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Time allowed for one HTTP answer. Env: ROLERADAR_INGEST_TIMEOUT. Default: 30s")
    String timeout;

    @Option(names = "--max-bytes", paramLabel = "N",
            description = "Largest response or file read, in bytes. Env: ROLERADAR_INGEST_MAX_BYTES. Default: 20971520")
    Long maxBytes;

    @Option(names = "--max-attempts", paramLabel = "N",
            description = "Tries per URL on 429, 5xx and refused connections. Env: ROLERADAR_INGEST_MAX_ATTEMPTS. Default: 3")
    Integer maxAttempts;

    @Option(names = "--min-interval", paramLabel = "DURATION",
            description = "Least time between two requests to one host. Env: ROLERADAR_INGEST_MIN_INTERVAL. Default: 1s")
    String minInterval;

    @Option(names = "--max-links", paramLabel = "N",
            description = "Most job pages followed from one board listing page. Env: ROLERADAR_INGEST_MAX_LINKS. Default: 100")
    Integer maxLinks;

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    Map<String, String> env = System.getenv();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    /** Set by tests to stop a scheduled run; the shutdown hook sets it in production. */
    final Stop stop = new Stop();

    /** A run's settings after flags, environment and config file were combined and checked. */
    record Settings(List<SourceSpec> sources, Duration every, String output, String transactionalId,
                    CsvColumns columns, HttpSettings http, int maxLinks, Path stateDir) {
    }

    @Override
    public Integer call() {
        Settings s;
        try {
            s = settings();
        } catch (IllegalArgumentException e) {
            stderr.println("ingest: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Thread hook = new Thread(() -> {
            stop.request();
            stop.awaitFinished(Duration.ofSeconds(30));
        }, "ingest-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (MetricsEndpoint endpoint = MetricsEndpoint.start("ingest", kafka.metricsPort(env))) {
            IngestMetrics metrics = new IngestMetrics(endpoint.registry());
            PostingSources reader = new PostingSources(s.http(), s.columns(), s.maxLinks(), metrics);
            return s.output() != null ? toFile(s, reader) : toKafka(s, reader, metrics);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            stderr.println("ingest: " + e.getMessage());
            return ExitCodes.USAGE;
        } finally {
            stop.finished();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is stopping; the hook is already running.
            }
        }
    }

    private int toFile(Settings s, PostingSources reader) {
        int code = ExitCodes.OK;
        do {
            long start = System.nanoTime();
            ReadResult r = reader.read(s.sources(), new ProgressReporter(stderr), stop::requested);
            keepRejects(r);
            if (stop.requested()) {
                new RunSummary(r, -1, 0, Duration.ofNanos(System.nanoTime() - start)).print(stderr);
                return ExitCodes.INTERRUPTED;
            }
            try {
                JsonLinesWriter.write(s.output(), r.postings(), stdout);
            } catch (IOException e) {
                stderr.println("ingest: cannot write " + s.output() + ": " + e.getMessage());
                return ExitCodes.FAILED;
            }
            new RunSummary(r, r.postings().size(), 0, Duration.ofNanos(System.nanoTime() - start)).print(stderr);
            code = r.nothingRead() ? ExitCodes.FAILED : ExitCodes.OK;
        } while (waitForNextRun(s));
        return stop.requested() ? ExitCodes.OK : code;
    }

    private int toKafka(Settings s, PostingSources reader, IngestMetrics metrics) {
        KafkaSettings kafkaSettings = kafka.settings(env);
        Topics topics = kafka.topics(env);
        try {
            TopicAdmin.ensureTopics(kafkaSettings, topics, kafka.partitions(env));
        } catch (IllegalStateException | KafkaException e) {
            stderr.println("ingest: Kafka unreachable at " + kafkaSettings.bootstrapServers() + ": " + e.getMessage());
            return ExitCodes.KAFKA_UNAVAILABLE;
        }
        try (KafkaPublisher publisher = new KafkaPublisher(kafkaSettings, topics.raw(), s.transactionalId(),
                metrics.registry())) {
            PublishedState state;
            StateCheckpoint checkpoint = s.stateDir() == null ? null : new StateCheckpoint(s.stateDir(), topics.raw());
            StateCheckpoint.Saved loaded;
            try {
                publisher.init();
                loaded = TopicStateLoader.load(kafkaSettings, topics.raw(), Duration.ofMinutes(2), checkpoint);
                state = loaded.state();
            } catch (KafkaException | IllegalStateException e) {
                stderr.println("ingest: Kafka unreachable at " + kafkaSettings.bootstrapServers() + ": " + e.getMessage());
                return ExitCodes.KAFKA_UNAVAILABLE;
            }
            int code = ExitCodes.OK;
            do {
                long start = System.nanoTime();
                ReadResult r = reader.read(s.sources(), new ProgressReporter(stderr), stop::requested);
                keepRejects(r);
                List<PublishedState.ToPublish> toPublish = new ArrayList<>();
                int unchanged = 0;
                for (RawPosting p : r.postings()) {
                    PublishedState.ToPublish q = state.toPublish(p, r.contentKey(p));
                    if (q == null) {
                        unchanged++;
                        metrics.unchanged(p.source());
                    } else {
                        toPublish.add(q);
                    }
                }
                WrittenOffsets written = new WrittenOffsets();
                boolean committed = !stop.requested() && publisher.publish(toPublish, stop::requested, written);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                if (!committed) {
                    new RunSummary(r, -1, unchanged, took).print(stderr);
                    return ExitCodes.INTERRUPTED;
                }
                for (PublishedState.ToPublish p : toPublish) {
                    state.remember(p.posting().id(), p.fingerprint());
                    metrics.published(p.posting().source());
                }
                // The state now holds this run's records too: where they directly follow what was
                // read, the checkpoint covers them, and the next start does not read them again.
                loaded = loaded.advancedPast(written);
                saveCheckpoint(checkpoint, loaded);
                new RunSummary(r, toPublish.size(), unchanged, took).print(stderr);
                code = r.nothingRead() ? ExitCodes.FAILED : ExitCodes.OK;
            } while (waitForNextRun(s));
            return stop.requested() ? ExitCodes.OK : code;
        } catch (KafkaException e) {
            stderr.println("ingest: Kafka failed: " + e.getMessage());
            return ExitCodes.KAFKA_UNAVAILABLE;
        }
    }

    /**
     * Saves the state after a committed run, with the positions it covers (see
     * {@link StateCheckpoint.Saved#advancedPast}). A failure to save costs only time on the next
     * start, so it is reported, not fatal.
     */
    private void saveCheckpoint(StateCheckpoint checkpoint, StateCheckpoint.Saved loaded) {
        if (checkpoint == null) {
            return;
        }
        try {
            checkpoint.write(loaded);
        } catch (IOException e) {
            stderr.println("ingest: cannot save the dedup state to " + checkpoint.file() + " (the next start reads "
                    + "the whole topic): " + e.getMessage());
        }
    }

    /** Appends the run's rejects to the --rejects file, when one is configured. */
    private void keepRejects(ReadResult r) {
        Path file = rejects != null ? rejects
                : env.get("ROLERADAR_INGEST_REJECTS") != null && !env.get("ROLERADAR_INGEST_REJECTS").isBlank()
                ? Path.of(env.get("ROLERADAR_INGEST_REJECTS")) : null;
        if (file == null || r.rejected().isEmpty()) {
            return;
        }
        try {
            RejectsFile.append(file, r.rejected(), java.time.Instant.now());
        } catch (IOException e) {
            stderr.println("ingest: cannot write the rejects to " + file + ": " + e.getMessage());
        }
    }

    /** Sleeps until the next scheduled run; false when there is none (run once) or a stop came. */
    private boolean waitForNextRun(Settings s) {
        if (s.every() == null || stop.requested()) {
            return false;
        }
        stderr.println("ingest: next run in " + s.every());
        return !stop.await(s.every());
    }

    Settings settings() {
        IngestConfig file = null;
        Path configPath = config != null ? config : env.containsKey("ROLERADAR_INGEST_CONFIG")
                ? Path.of(env.get("ROLERADAR_INGEST_CONFIG")) : null;
        if (configPath != null) {
            file = IngestConfig.load(configPath);
        }
        List<String> all = new ArrayList<>(sources);
        if (all.isEmpty() && env.get("ROLERADAR_INGEST_SOURCES") != null) {
            for (String part : env.get("ROLERADAR_INGEST_SOURCES").split(",")) {
                if (!part.isBlank()) {
                    all.add(part.trim());
                }
            }
        }
        if (file != null) {
            all.addAll(file.sources());
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no sources: give --source SRC (repeatable) or --config FILE, "
                    + "or set ROLERADAR_INGEST_SOURCES");
        }
        List<SourceSpec> specs = all.stream().map(SourceSpec::parse).toList();
        String everyText = every != null ? every : env.getOrDefault("ROLERADAR_INGEST_EVERY", file == null ? null : file.every());
        Duration period = everyText == null || everyText.isBlank() ? null : Durations.parse(everyText, "--every");
        if (period != null && period.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("--every must be at least 1s, got " + everyText);
        }
        CsvColumns columns = CsvColumns.defaults();
        if (file != null) {
            for (Map.Entry<String, String> e : file.csvColumns().entrySet()) {
                columns = columns.with(e.getKey(), e.getValue());
            }
        }
        String envColumns = env.get("ROLERADAR_INGEST_CSV_COLUMNS");
        if (csvColumns.isEmpty() && envColumns != null) {
            for (String pair : envColumns.split(";")) {
                String[] kv = pair.split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("ROLERADAR_INGEST_CSV_COLUMNS: '" + pair + "' is not FIELD=COLUMN");
                }
                columns = columns.with(kv[0].trim(), kv[1].trim());
            }
        }
        for (Map.Entry<String, String> e : csvColumns.entrySet()) {
            columns = columns.with(e.getKey(), e.getValue());
        }
        HttpSettings http = HttpSettings.defaults();
        String t = timeout != null ? timeout : env.get("ROLERADAR_INGEST_TIMEOUT");
        if (t != null) {
            http = http.withReadTimeout(Durations.parse(t, "--timeout"));
        }
        Long bytes = maxBytes != null ? maxBytes : longEnv("ROLERADAR_INGEST_MAX_BYTES");
        if (bytes != null) {
            http = http.withMaxBytes(bytes);
        }
        Long attempts = maxAttempts != null ? Long.valueOf(maxAttempts) : longEnv("ROLERADAR_INGEST_MAX_ATTEMPTS");
        if (attempts != null) {
            http = http.withMaxAttempts(attempts.intValue());
        }
        String interval = minInterval != null ? minInterval : env.get("ROLERADAR_INGEST_MIN_INTERVAL");
        if (interval != null) {
            http = http.withMinInterval(Durations.parse(interval, "--min-interval"));
        }
        Long links = maxLinks != null ? Long.valueOf(maxLinks) : longEnv("ROLERADAR_INGEST_MAX_LINKS");
        if (links != null && links < 0) {
            throw new IllegalArgumentException("--max-links must not be negative, got " + links);
        }
        String out = output != null ? output : env.get("ROLERADAR_INGEST_OUTPUT");
        String txId = transactionalId != null ? transactionalId
                : env.getOrDefault("ROLERADAR_INGEST_TRANSACTIONAL_ID", "roleradar-ingest");
        // Validate the Kafka flags now, so a typo is a usage error rather than a failed run.
        kafka.topics(env);
        kafka.partitions(env);
        String dir = stateDir != null ? stateDir.toString() : env.get("ROLERADAR_INGEST_STATE_DIR");
        return new Settings(specs, period, out == null || out.isBlank() ? null : out, txId, columns, http,
                links == null ? 100 : links.intValue(), dir == null || dir.isBlank() ? null : Path.of(dir));
    }

    private Long longEnv(String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
        }
    }

    /** The stop signal shared by the shutdown hook, the run and the scheduler. */
    static final class Stop {
        private final CountDownLatch requested = new CountDownLatch(1);
        private final CountDownLatch finished = new CountDownLatch(1);

        void request() {
            requested.countDown();
        }

        boolean requested() {
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

        void finished() {
            finished.countDown();
        }

        void awaitFinished(Duration d) {
            try {
                finished.await(d.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
