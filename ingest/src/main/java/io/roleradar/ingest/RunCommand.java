package io.roleradar.ingest;

import io.roleradar.cli.Durations;
import io.roleradar.cli.ExitCodes;
import io.roleradar.cli.KafkaOptions;
import io.roleradar.ingest.fetch.HttpSettings;
import io.roleradar.ingest.parse.CsvColumns;
import io.roleradar.ingest.source.SourceSpec;
import io.roleradar.metrics.MetricsEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ingest run}: turns the flags, the environment and the config file into
 * {@link IngestSettings} (flags beat the environment; {@code --source} flags and the config file's
 * sources are combined), and hands them to an {@link IngestService}, which runs until done or
 * stopped. A stop (SIGTERM, Ctrl-C) waits for the service to abort or commit its run.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reads postings from the sources and publishes each new or changed one once to postings.raw.",
                "SRC is a board (greenhouse:BOARD, lever:SITE, ashby:BOARD), an http(s) URL (API response, job page "
                        + "or board page), or a file or folder (Ashby/Greenhouse/Lever JSON, HTML, CSV, JSON Lines).",
                "Exit codes: 0 done, 1 nothing could be read, 2 invalid configuration, 3 Kafka unreachable, 4 some sources "
                        + "could not be read (the rest was published), 130 stopped."})
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
            description = "Where the state of what was published is kept (RocksDB, one folder per topic); the raw topic "
                    + "stays the source of truth: a missing or stale store is rebuilt from it. "
                    + "Env: ROLERADAR_INGEST_STATE_DIR. Default: ~/.roleradar/ingest-state")
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
            description = "Largest HTTP answer read, in bytes (local files have no limit: they are read a record at a time). "
                    + "Env: ROLERADAR_INGEST_MAX_BYTES. Default: 20971520")
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

    @Mixin
    SourceOptions sourceOptions = new SourceOptions();

    Map<String, String> env = System.getenv();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    /** Set by tests to stop a scheduled run; the shutdown hook sets it in production. */
    final IngestService.Stop stop = new IngestService.Stop();

    @Override
    public Integer call() {
        IngestSettings s;
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
            return new IngestService(s, new IngestMetrics(endpoint.registry()), stdout, stderr, stop).run();
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

    IngestSettings settings() {
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
        IngestConfig config = file;
        List<SourceSpec> specs = all.stream().map(t -> SourceSpec.parse(t, config == null ? null : config.companyOf(t))).toList();
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
        String out = flagOrEnv(output, "ROLERADAR_INGEST_OUTPUT");
        String txId = transactionalId != null ? transactionalId
                : env.getOrDefault("ROLERADAR_INGEST_TRANSACTIONAL_ID", "roleradar-ingest");
        // The Kafka flags are checked now, so a typo is a usage error rather than a failed run.
        String dir = flagOrEnv(stateDir == null ? null : stateDir.toString(), "ROLERADAR_INGEST_STATE_DIR");
        String rejectsFile = flagOrEnv(rejects == null ? null : rejects.toString(), "ROLERADAR_INGEST_REJECTS");
        return new IngestSettings(specs, period, out, rejectsFile == null ? null : Path.of(rejectsFile), columns, http,
                links == null ? 100 : links.intValue(), out == null ? kafka.settings(env) : null, kafka.topics(env),
                kafka.partitions(env), txId, dir == null ? IngestSettings.defaultStateDir() : Path.of(dir),
                sourceOptions.settings(env));
    }

    /** The flag's value, else the environment variable's; null when neither is set (or only blank). */
    private String flagOrEnv(String flag, String name) {
        String v = flag != null ? flag : env.get(name);
        return v == null || v.isBlank() ? null : v;
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
}
