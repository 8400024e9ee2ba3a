package io.roleradar.reporter;

import io.roleradar.cli.Durations;
import io.roleradar.cli.ExitCodes;
import io.roleradar.cli.KafkaOptions;
import io.roleradar.cli.LogLevel;
import io.roleradar.cli.StopSignals;
import io.roleradar.cli.TaggedTopicOption;
import io.roleradar.cli.YesNoConverter;
import io.roleradar.kafka.KafkaReachability;
import io.roleradar.metrics.MetricsEndpoint;
import io.roleradar.model.Domain;
import io.roleradar.model.Quadrant;
import io.roleradar.model.Round;
import io.roleradar.reporter.aggregate.MarketReport;
import io.roleradar.reporter.input.KafkaUnavailableException;
import io.roleradar.reporter.input.Progress;
import io.roleradar.reporter.input.TopicSnapshotReader;
import io.roleradar.reporter.output.ReportFolder;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * {@code reporter run}: one report (or one every {@code --every}) from a consistent snapshot of the
 * tagged topic or from a JSON Lines file, written into {@code --out-dir} only when the whole run
 * succeeds. The summary and progress go to standard error. SIGINT stops it with 130, SIGTERM with
 * 143, leaving earlier reports as they were; a run already moving its files into place finishes.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = ReporterMain.Version.class,
        usageHelpAutoWidth = true,
        description = {"Writes the market reports from a snapshot of postings.tagged or a file.", "",
                "Reads postings.tagged from the beginning up to the end offsets seen at start "
                        + "(read_committed), or --input FILE; keeps the latest tags per posting id; writes the "
                        + "CSV reports, report.html and manifest.json into --out-dir, all or nothing.", ""},
        footer = {"", "Exit codes: 0 done, 1 failed or nothing to read, 2 usage or configuration error, "
                + "3 Kafka unreachable, 130 interrupted (SIGINT), 143 terminated (SIGTERM)."})
public final class RunCommand implements java.util.concurrent.Callable<Integer> {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    /** How long a stop waits for a run that is writing or moving its files to finish or clean up. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    static final String COMMAND = "reporter run";
    private static final String NO_KAFKA_HINT = "--input tagged.jsonl to report from a file";

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", hidden = true,
            description = "Deprecated spelling of --out-dir.")
    String out;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", defaultValue = "${env:ROLERADAR_REPORT_INPUT}",
            description = "Read tagged postings from this JSON Lines file ('-' for stdin), as "
                    + "'roleradar classify' writes it, instead of Kafka. Env: ROLERADAR_REPORT_INPUT.")
    String input;

    @Option(names = "--every", paramLabel = "DURATION", defaultValue = "${env:ROLERADAR_REPORT_EVERY}",
            description = "Run again every DURATION (30s, 15m, 6h, 1d) until stopped. Env: ROLERADAR_REPORT_EVERY.")
    String every;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "${env:ROLERADAR_REPORT_STATE_DIR}",
            description = "Keep the postings' facts in a RocksDB store in DIR while the report is made (a store "
                    + "found there is replaced; default: a new temporary folder). Deleted after the run unless "
                    + "--keep-state. Env: ROLERADAR_REPORT_STATE_DIR.")
    String stateDir;

    // Arity 0 with a fallback of true: picocli would turn a flag off when its variable made the default true.
    @Option(names = "--keep-state", defaultValue = "${env:ROLERADAR_REPORT_KEEP_STATE:-false}", arity = "0",
            fallbackValue = "true", converter = YesNoConverter.class,
            description = "Leave the facts store in place after the run. Env: ROLERADAR_REPORT_KEEP_STATE=true.")
    boolean keepState;

    @Option(names = "--source", paramLabel = "NAME", hidden = true,
            description = "Deprecated spelling of --only-source.")
    String source;

    @Mixin
    ReportOptions scope = new ReportOptions();

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    // It reads the tagged topic only, and creates none: no other topic's flags, no --partitions.
    @Mixin
    TaggedTopicOption taggedTopic = new TaggedTopicOption();

    /** The environment the Kafka client settings come from ({@code KAFKA_*}; for tests). */
    Map<String, String> env = System.getenv();

    private final AtomicReference<TopicSnapshotReader> currentReader = new AtomicReference<>();
    private final AtomicReference<RunGate> currentGate = new AtomicReference<>();
    private final CompletableFuture<Integer> stopRequested = new CompletableFuture<>();

    private ReporterMetrics metrics;

    @Override
    public Integer call() {
        RunSettings settings;
        try {
            settings = RunSettings.of(RunSettings.origins(spec),
                    deprecated("--out-dir", scope.outDir, out, "-o/--out"), input, every, scope.since, scope.until,
                    scope.company, deprecated("--only-source", scope.onlySource, source, "--source"),
                    scope.includeClosed, stateDir, keepState);
            ReportFolder.checkTarget(settings.out(), "--out-dir");
        } catch (IllegalArgumentException e) {
            System.err.println("roleradar " + COMMAND + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (StopSignals signals = StopSignals.install();
             MetricsEndpoint endpoint = MetricsEndpoint.start("reporter", kafka.metricsPort())) {
            signals.whileRunning(() -> requestStop(signals.received()));
            metrics = new ReporterMetrics(endpoint.registry());
            return settings.every() == null ? once(settings, env) : scheduled(settings, env);
        }
    }

    /** The new flag's value, else the old one's with a note on standard error, over the variable. */
    private String deprecated(String newName, String current, String old, String oldName) {
        if (old == null) {
            return current;
        }
        System.err.println("roleradar " + COMMAND + ": " + oldName + " is deprecated, use " + newName
                + "; it will be removed in the next release");
        return spec.commandLine().getParseResult().hasMatchedOption(newName) ? current : old;
    }

    /** Stops the run or the schedule with {@code exitCode} (130 for SIGINT, 143 for SIGTERM). */
    void requestStop(int exitCode) {
        int code = exitCode == 0 ? ExitCodes.INTERRUPTED : exitCode;
        RunGate gate = currentGate.get();
        if (gate != null) {
            gate.stop(code);
        }
        TopicSnapshotReader reader = currentReader.get();
        if (reader != null && gate != null && gate.stopped()) {
            reader.stop();
        }
        stopRequested.complete(code);
    }

    private int scheduled(RunSettings settings, Map<String, String> env) {
        System.err.println("roleradar " + COMMAND + ": writing reports to " + settings.out().toAbsolutePath()
                + " every " + Durations.format(settings.every()));
        while (!stopRequested.isDone()) {
            Instant next = Instant.now().plus(settings.every());
            int code = once(settings, env);
            if (code == ExitCodes.USAGE || stopRequested.isDone()) {
                return stopRequested.isDone() && code != ExitCodes.USAGE ? stopRequested.join() : code;
            }
            // A failed run (broker away for a while) is reported; the schedule goes on.
            long wait = Math.max(0, Duration.between(Instant.now(), next).toMillis());
            try {
                return stopRequested.get(wait, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // time for the next run
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCodes.INTERRUPTED;
            } catch (ExecutionException e) {
                return ExitCodes.INTERRUPTED;
            }
        }
        return stopRequested.join();
    }

    /**
     * One run on a worker thread, while this thread waits for it or for a stop: a stop during the
     * read returns at once (a read of standard input may block in the operating system, out of
     * reach); a stop while writing waits for the run to discard its temporary folder; a run
     * already moving its files into place is let finish and reports 0.
     */
    private int once(RunSettings settings, Map<String, String> env) {
        RunGate gate = new RunGate();
        currentGate.set(gate);
        if (stopRequested.isDone()) {
            return stopRequested.join();
        }
        CompletableFuture<Integer> run = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                run.complete(report(settings, env, gate));
            } catch (Throwable t) {
                run.completeExceptionally(t);
            } finally {
                gate.done();
            }
        }, "reporter-run");
        worker.setDaemon(true);
        worker.start();
        CompletableFuture.anyOf(run, stopRequested).join();
        int code;
        if (run.isDone() && !gate.stopped()) {
            code = result(run);
        } else {
            int stopCode = stopRequested.join();
            RunGate.Phase phase = gate.stop(stopCode);
            if (phase == RunGate.Phase.READING) {
                code = stopCode;
            } else {
                code = waitFor(run, stopCode);
            }
            if (code == stopCode) {
                System.err.println("roleradar " + COMMAND + ": stopped by a signal; no reports written, "
                        + "earlier ones untouched");
            }
        }
        currentGate.set(null);
        if (code != ExitCodes.OK && metrics != null) {
            metrics.run(code == ExitCodes.KAFKA_UNAVAILABLE ? "kafka-unavailable" : "failed");
        }
        return code;
    }

    private static int waitFor(CompletableFuture<Integer> run, int stopCode) {
        try {
            int code = run.get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return code == ExitCodes.OK ? code : stopCode;
        } catch (TimeoutException | ExecutionException e) {
            return stopCode;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stopCode;
        }
    }

    private static int result(CompletableFuture<Integer> run) {
        try {
            return run.join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            System.err.println("roleradar " + COMMAND + ": failed: " + cause);
            if (LogLevel.current().shows(LogLevel.DEBUG)) {
                cause.printStackTrace();
            }
            return ExitCodes.FAILED;
        }
    }

    private int report(RunSettings settings, Map<String, String> env, RunGate gate) {
        PrintStream err = System.err;
        String prefix = "roleradar " + COMMAND + ": ";
        try {
            ReportRun.Result result;
            if (settings.input() != null) {
                result = ReportRun.fromFile(settings.input(), settings.options(), settings.out(), progress(err), gate);
            } else {
                kafka.requireReachable(env);
                result = ReportRun.fromTopic(kafka.settings(env), taggedTopic.name(), settings.options(), settings.out(),
                        progress(err), currentReader::set, gate);
            }
            currentReader.set(null);
            printSummary(err, result);
            metrics.finished(result);
            return ExitCodes.OK;
        } catch (TopicSnapshotReader.InterruptedRead e) {
            return gate.stopped() ? gate.stopCode() : ExitCodes.INTERRUPTED;
        } catch (KafkaReachability.KafkaUnreachableException e) {
            err.println(e.userMessage(COMMAND, NO_KAFKA_HINT));
            return ExitCodes.KAFKA_UNAVAILABLE;
        } catch (KafkaUnavailableException e) {
            err.println(prefix + e.getMessage() + "; or use " + NO_KAFKA_HINT);
            return ExitCodes.KAFKA_UNAVAILABLE;
        } catch (NoSuchFileException e) {
            err.println(prefix + "no such file: " + e.getMessage() + " (check --input)");
            return ExitCodes.USAGE;
        } catch (ReportRun.WrongKindOfInput e) {
            err.println(prefix + e.getMessage() + "; earlier reports untouched");
            return ExitCodes.USAGE;
        } catch (ReportRun.NothingToReport | IllegalArgumentException e) {
            err.println(prefix + e.getMessage() + "; earlier reports untouched");
            return ExitCodes.FAILED;
        } catch (IOException | KafkaException e) {
            err.println(prefix + "failed: " + e + "; earlier reports untouched");
            return ExitCodes.FAILED;
        } finally {
            currentReader.set(null);
        }
    }

    private static Progress progress(PrintStream err) {
        if (!LogLevel.current().shows(LogLevel.INFO)) {
            return Progress.NONE; // --quiet: no progress lines
        }
        long[] last = {System.nanoTime()};
        return (done, total) -> {
            long now = System.nanoTime();
            if (now - last[0] < PROGRESS_EVERY.toNanos()) {
                return;
            }
            last[0] = now;
            if (total > 0) {
                err.printf(Locale.ROOT, "reporter: read %d of %d records (%.0f%%)%n", done, total, 100.0 * done / total);
            } else {
                err.printf(Locale.ROOT, "reporter: read %d lines%n", done);
            }
        };
    }

    static void printSummary(PrintStream out, ReportRun.Result r) {
        MarketReport m = r.report();
        out.println("reporter: wrote " + r.files().size() + " files to " + r.dir().toAbsolutePath()
                + " in " + r.took().toMillis() + " ms (report.html to look at, manifest.json for the input)");
        if (r.latest().store().kept() && !r.latest().store().persistent()) {
            out.println("reporter: the facts store is kept in " + r.latest().store().dir().toAbsolutePath()
                    + " (--keep-state)");
        }
        if (!LogLevel.current().shows(LogLevel.INFO)) {
            return; // --quiet: the one summary line
        }
        out.printf(Locale.ROOT, "  %d records read, %d distinct postings; counting %s: %d ML roles from %d ML postings "
                        + "(%d near-duplicates merged), %d closed, %d non-ML and %d outside the filters left out, "
                        + "%d unreadable%s%n",
                r.latest().records(), r.latest().size(), m.includeClosed() ? "every posting ever seen" : "open postings",
                m.postings(), m.mlPostings(), m.mergedPostings(), m.closedLeftOut(), m.nonMl(), m.filteredOut(),
                r.latest().rejected(), r.latest().rejected() == 0 ? "" : " " + r.latest().rejectedByReason());
        if (m.postings() == 0) {
            return;
        }
        out.println("  quadrants: " + Arrays.stream(Quadrant.values())
                .map(q -> q.name() + " " + m.postings(q.ordinal())).collect(Collectors.joining(", ")));
        out.println("  top domains: " + Arrays.stream(Domain.values())
                .filter(d -> m.domain(MarketReport.ALL, d) > 0)
                .sorted(Comparator.comparingLong((Domain d) -> -m.domain(MarketReport.ALL, d)))
                .limit(3).map(d -> d.name() + " " + m.domain(MarketReport.ALL, d)).collect(Collectors.joining(", ")));
        out.println("  round demand (mean weight): " + Arrays.stream(Round.values())
                .map(rd -> String.format(Locale.ROOT, "%s %.2f", rd.name(), m.roundDemand(MarketReport.ALL, rd) / m.postings()))
                .collect(Collectors.joining(", ")));
        var stated = m.statedRounds();
        out.printf(Locale.ROOT, "  hiring process described by %d of %d ML roles (%.1f%%)%s%n", stated.describingProcess(),
                stated.postings(), 100.0 * stated.processShare(), stated.describingProcess() == 0 ? ""
                        : "; rounds stated: " + Arrays.stream(Round.values())
                        .map(rd -> rd.name() + " " + stated.stating(rd)).collect(Collectors.joining(", ")));
        out.printf(Locale.ROOT, "  pay stated by %d ML roles (%d implausible ranges not counted)%n", m.statingPay(),
                m.implausiblePay());
    }
}
