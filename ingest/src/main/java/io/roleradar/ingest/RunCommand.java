package io.roleradar.ingest;

import io.roleradar.cli.DurationConverter;
import io.roleradar.cli.Durations;
import io.roleradar.cli.ExitCodes;
import io.roleradar.cli.KafkaOptions;
import io.roleradar.cli.PartitionsOption;
import io.roleradar.cli.RawTopicOption;
import io.roleradar.cli.StopSignals;
import io.roleradar.ingest.fetch.HttpSettings;
import io.roleradar.ingest.parse.CsvColumns;
import io.roleradar.ingest.source.SourceSpec;
import io.roleradar.kafka.KafkaReachability.KafkaUnreachableException;
import io.roleradar.metrics.MetricsEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ingest run}: turns the flags (each falling back to its environment variable through
 * picocli's {@code ${env:...}} defaults) and the config file into {@link IngestSettings}
 * ({@code --source} flags and the config file's sources are combined), checks that Kafka answers,
 * and hands them to an {@link IngestService}, which runs until done or stopped. SIGTERM and SIGINT
 * ask the service to stop; a run that had finished keeps its exit code.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Reads postings from sources and publishes each new or changed one to the raw topic.",
                "SRC is a board (greenhouse:BOARD, lever:SITE, ashby:BOARD), an http(s) URL (API response, job page "
                        + "or board page), or a file or folder (Ashby/Greenhouse/Lever JSON, HTML, CSV, JSON Lines)."},
        footer = {"Exit codes: 0 done; 1 failed or nothing to read; 2 invalid command line, configuration or missing "
                + "source file; 3 Kafka unreachable; 4 some sources could not be read (the rest was published); "
                + "130 interrupted (SIGINT); 143 terminated (SIGTERM)."})
public final class RunCommand implements Callable<Integer> {
    private static final String NO_KAFKA_WAY = "--output FILE to write JSON Lines instead";

    @Option(names = {"-s", "--source"}, paramLabel = "SRC", split = ",", defaultValue = "${env:ROLERADAR_INGEST_SOURCES}",
            description = "A source; repeatable, or comma-separated. Env: ROLERADAR_INGEST_SOURCES.")
    List<String> sources = new ArrayList<>();

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "${env:ROLERADAR_INGEST_CONFIG}",
            description = "YAML file with 'sources:' (and optional 'every:', 'csvColumns:'). Env: ROLERADAR_INGEST_CONFIG.")
    Path config;

    @Option(names = "--every", paramLabel = "DURATION", defaultValue = "${env:ROLERADAR_INGEST_EVERY}",
            description = "Run on this schedule until stopped (6h, 30m, PT6H). Env: ROLERADAR_INGEST_EVERY. "
                    + "Default: run once.")
    String every;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "${env:ROLERADAR_INGEST_OUTPUT}",
            description = "Write the postings as JSON Lines to FILE ('-' for stdout) instead of Kafka; the file "
                    + "is replaced only when the run succeeds. Env: ROLERADAR_INGEST_OUTPUT.")
    String output;

    @Option(names = "--rejects", paramLabel = "FILE", defaultValue = "${env:ROLERADAR_INGEST_REJECTS}",
            description = "Append every reject (source, kind, reason, time) as a JSON line to FILE. "
                    + "Env: ROLERADAR_INGEST_REJECTS.")
    Path rejects;

    @Option(names = "--state-dir", paramLabel = "DIR",
            defaultValue = "${env:ROLERADAR_INGEST_STATE_DIR:-${sys:user.home}/.roleradar/ingest-state}",
            description = "Where the state of what was published is kept (RocksDB, a folder per topic); a missing "
                    + "or stale store is rebuilt from the raw topic. Env: ROLERADAR_INGEST_STATE_DIR. "
                    + "Default: ~/.roleradar/ingest-state")
    Path stateDir;

    @Option(names = "--transactional-id", paramLabel = "ID",
            defaultValue = "${env:ROLERADAR_INGEST_TRANSACTIONAL_ID:-roleradar-ingest}",
            description = "Kafka transactional id; one per ingest deployment. Env: ROLERADAR_INGEST_TRANSACTIONAL_ID. "
                    + "Default: ${DEFAULT-VALUE}")
    String transactionalId;

    // The fields in the help come from CsvColumns.FIELDS (as completion candidates), so it lists every one.
    // Strings, not a Map: a value without '=' then gets our one-line message, not picocli's.
    @Option(names = "--csv-column", paramLabel = "FIELD=COLUMN", split = ";",
            defaultValue = "${env:ROLERADAR_INGEST_CSV_COLUMNS}", completionCandidates = CsvFields.class,
            description = "Read FIELD (${COMPLETION-CANDIDATES}) from the CSV column COLUMN; repeatable. "
                    + "Env: ROLERADAR_INGEST_CSV_COLUMNS (FIELD=COLUMN;...).")
    List<String> csvColumns = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "${env:ROLERADAR_INGEST_TIMEOUT:-30s}",
            converter = DurationConverter.class,
            description = "Time allowed for one HTTP answer. Env: ROLERADAR_INGEST_TIMEOUT. Default: ${DEFAULT-VALUE}")
    Duration timeout;

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "${env:ROLERADAR_INGEST_MAX_BYTES:-20971520}",
            description = "Largest HTTP answer or local page/JSON document read, in bytes (JSON Lines and CSV "
                    + "files are read a record at a time, without a cap). "
                    + "Env: ROLERADAR_INGEST_MAX_BYTES. Default: ${DEFAULT-VALUE}")
    long maxBytes;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "${env:ROLERADAR_INGEST_MAX_ATTEMPTS:-3}",
            description = "Tries per URL on 429, 5xx, refused or broken connections and answers cut short. "
                    + "Env: ROLERADAR_INGEST_MAX_ATTEMPTS. Default: ${DEFAULT-VALUE}")
    int maxAttempts;

    @Option(names = "--min-interval", paramLabel = "DURATION", defaultValue = "${env:ROLERADAR_INGEST_MIN_INTERVAL:-1s}",
            converter = DurationConverter.class,
            description = "Least time between two requests to one host. Env: ROLERADAR_INGEST_MIN_INTERVAL. "
                    + "Default: ${DEFAULT-VALUE}")
    Duration minInterval;

    @Option(names = "--max-links", paramLabel = "N", defaultValue = "${env:ROLERADAR_INGEST_MAX_LINKS:-100}",
            description = "Most job pages followed from one board listing page. Env: ROLERADAR_INGEST_MAX_LINKS. "
                    + "Default: ${DEFAULT-VALUE}")
    int maxLinks;

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    // Ingest writes the raw topic only, and creates it when missing: no other topic's flags.
    @Mixin
    RawTopicOption rawTopic = new RawTopicOption();

    @Mixin
    PartitionsOption partitions = new PartitionsOption();

    @Mixin
    SourceOptions sourceOptions = new SourceOptions();

    /** Tells a value on the command line from one picocli took from the option's environment variable. */
    @Spec
    CommandSpec spec;

    /** The environment the Kafka client settings come from ({@code KAFKA_*}; for tests). */
    Map<String, String> env = System.getenv();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    /** Set by tests to stop a run; SIGTERM and SIGINT set it in production. */
    final IngestService.Stop stop = new IngestService.Stop();

    @Override
    public Integer call() {
        IngestSettings s;
        try {
            s = settings();
        } catch (IllegalArgumentException e) {
            stderr.println("roleradar ingest run: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (StopSignals signals = StopSignals.install()) {
            if (s.output() == null) {
                try {
                    kafka.requireReachable(env);
                } catch (KafkaUnreachableException e) {
                    stderr.println(e.userMessage("ingest run", NO_KAFKA_WAY));
                    return ExitCodes.KAFKA_UNAVAILABLE;
                }
            }
            signals.whileRunning(stop::request);
            try (MetricsEndpoint endpoint = MetricsEndpoint.start("ingest", kafka.metricsPort())) {
                IngestService service = new IngestService(s, new IngestMetrics(endpoint.registry()), stdout, stderr, stop);
                int code = service.run();
                return signals.exitCode(code, service.finished());
            } catch (UncheckedIOException e) {
                stderr.println("roleradar ingest run: " + e.getMessage());
                return ExitCodes.FAILED;
            }
        }
    }

    /** The fields --csv-column takes, for its help. */
    static final class CsvFields implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return CsvColumns.FIELDS.iterator();
        }
    }

    /** Whether the option was given on the command line rather than taken from its environment variable. */
    private boolean onCommandLine(String option) {
        return spec == null || spec.commandLine().getParseResult() == null
                || spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    IngestSettings settings() {
        IngestConfig file = config == null ? null : IngestConfig.load(config);
        List<String> all = new ArrayList<>(sources.stream().filter(t -> !t.isBlank()).map(String::trim).toList());
        if (file != null) {
            all.addAll(file.sources());
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no sources: give --source SRC (repeatable) or --config FILE, "
                    + "or set ROLERADAR_INGEST_SOURCES");
        }
        List<SourceSpec> specs = all.stream().map(t -> SourceSpec.parse(t, file == null ? null : file.companyOf(t))).toList();
        String everyText = every != null ? every : file == null ? null : file.every();
        // A wrong schedule names where it was written: the flag, its variable or the config file.
        String everyName = every != null ? onCommandLine("--every") ? "--every" : "ROLERADAR_INGEST_EVERY"
                : "config file " + config + ": every:";
        Duration period = everyText == null || everyText.isBlank() ? null : Durations.parse(everyText, everyName);
        if (period != null && period.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(everyName + " must be at least 1s, got " + everyText);
        }
        CsvColumns columns = CsvColumns.defaults();
        Map<String, String> named = new LinkedHashMap<>(file == null ? Map.of() : file.csvColumns());
        for (String pair : csvColumns) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                String from = onCommandLine("--csv-column") ? "--csv-column" : "ROLERADAR_INGEST_CSV_COLUMNS";
                throw new IllegalArgumentException(from + " '" + pair + "': give FIELD=COLUMN, the CSV column to read a "
                        + "field from, e.g. --csv-column \"title=Job Title\" (FIELD one of " + String.join(", ", CsvColumns.FIELDS)
                        + ")");
            }
            named.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        for (Map.Entry<String, String> e : named.entrySet()) {
            columns = columns.with(e.getKey().trim(), e.getValue().trim());
        }
        for (SourceSpec spec : specs) {
            if (spec.path() != null && !Files.exists(spec.path())) {
                throw new IllegalArgumentException("no such file or folder: " + spec.path()
                        + " (a source is a board such as greenhouse:anthropic, an http(s) URL, or a file or folder)");
            }
        }
        if (maxLinks < 0) {
            throw new IllegalArgumentException("--max-links must not be negative, got " + maxLinks);
        }
        HttpSettings http = HttpSettings.defaults().withReadTimeout(timeout)
                .withMaxBytes(maxBytes).withMaxAttempts(maxAttempts)
                .withMinInterval(minInterval);
        String out = output == null || output.isBlank() ? null : output;
        return new IngestSettings(specs, period, out, rejects, columns, http, maxLinks,
                out == null ? kafka.settings(env) : null, rawTopic.name(), partitions.count(), transactionalId,
                stateDir, sourceOptions.settings(this::onCommandLine));
    }
}
