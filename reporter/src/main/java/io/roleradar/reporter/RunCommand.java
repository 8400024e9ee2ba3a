package io.roleradar.reporter;

import io.roleradar.cli.ExitCodes;
import io.roleradar.metrics.MetricsEndpoint;
import io.roleradar.cli.KafkaOptions;
import io.roleradar.model.Domain;
import io.roleradar.model.Quadrant;
import io.roleradar.model.Round;
import io.roleradar.reporter.aggregate.MarketReport;
import io.roleradar.reporter.input.KafkaUnavailableException;
import io.roleradar.reporter.input.Progress;
import io.roleradar.reporter.input.TopicSnapshotReader;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * {@code reporter run}: one report (or one every {@code --every}) from a consistent snapshot of the
 * tagged topic or from a JSON Lines file, written into {@code --out}. Prints where the reports are
 * and a short summary; progress goes to standard error on long reads.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = ReporterMain.Version.class,
        description = {"Reads postings.tagged from the beginning up to the end offsets seen at start "
                + "(read_committed), keeps the latest tags per posting id, and writes the CSV reports, "
                + "report.html and manifest.json into --out. With --input it reads a file instead.", ""},
        footer = {"", "Exit codes: 0 done, 1 failed, 2 usage or configuration error, 3 Kafka unreachable, 130 interrupted."})
public final class RunCommand implements java.util.concurrent.Callable<Integer> {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Folder for the reports (created if missing). Env: ROLERADAR_REPORT_DIR. Default: reports")
    String out;

    @Option(names = "--input", paramLabel = "FILE",
            description = "Read tagged postings from this JSON Lines file (as 'roleradar classify' writes it; "
                    + "'-' for stdin) instead of Kafka. Env: ROLERADAR_REPORT_INPUT.")
    String input;

    @Option(names = "--every", paramLabel = "DURATION",
            description = "Run again every DURATION (30s, 15m, 6h, 1d or PT15M) until stopped. Env: ROLERADAR_REPORT_EVERY.")
    String every;

    @Option(names = "--since", paramLabel = "DATE",
            description = "Only postings dated on or after DATE (YYYY-MM-DD; postedAt, else fetchedAt). Env: ROLERADAR_REPORT_SINCE.")
    String since;

    @Option(names = "--until", paramLabel = "DATE",
            description = "Only postings dated on or before DATE (YYYY-MM-DD). Env: ROLERADAR_REPORT_UNTIL.")
    String until;

    @Option(names = "--company", paramLabel = "NAME",
            description = "Only postings of this company (case-insensitive). Env: ROLERADAR_REPORT_COMPANY.")
    String company;

    @Option(names = "--source", paramLabel = "NAME",
            description = "Only postings from this source, e.g. greenhouse:anthropic, or every board of a kind, "
                    + "e.g. greenhouse. Env: ROLERADAR_REPORT_SOURCE.")
    String source;

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    private final AtomicReference<TopicSnapshotReader> current = new AtomicReference<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile boolean stopping;

    private ReporterMetrics metrics;

    @Override
    public Integer call() {
        Map<String, String> env = System.getenv();
        RunSettings settings;
        try {
            settings = RunSettings.of(env, out, input, every, since, until, company, source);
            kafka.topics(env); // checks topic names early
        } catch (IllegalArgumentException e) {
            System.err.println("reporter run: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            requestStop();
            try {
                // Let the run close its consumer and finish writing a file, briefly.
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "reporter-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (MetricsEndpoint endpoint = MetricsEndpoint.start("reporter", kafka.metricsPort(env))) {
            metrics = new ReporterMetrics(endpoint.registry());
            if (settings.every() == null) {
                return once(settings, env);
            }
            return scheduled(settings, env);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is shutting down already: the hook is running.
            }
        }
    }

    /** Stops the run or the schedule from another thread, as a signal does. */
    void requestStop() {
        stopping = true;
        stop.countDown();
        TopicSnapshotReader reader = current.get();
        if (reader != null) {
            reader.stop();
        }
    }

    private int scheduled(RunSettings settings, Map<String, String> env) {
        System.out.println("reporter: writing reports to " + settings.out().toAbsolutePath() + " every " + settings.every());
        while (!stopping) {
            Instant next = Instant.now().plus(settings.every());
            int code = once(settings, env);
            if (code == ExitCodes.USAGE || code == ExitCodes.INTERRUPTED) {
                return code;
            }
            // A failed run (broker away for a while) is reported; the schedule goes on.
            try {
                long wait = Math.max(0, Duration.between(Instant.now(), next).toMillis());
                if (stop.await(wait, TimeUnit.MILLISECONDS)) {
                    return ExitCodes.INTERRUPTED;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCodes.INTERRUPTED;
            }
        }
        return ExitCodes.INTERRUPTED;
    }

    private int once(RunSettings settings, Map<String, String> env) {
        int code = report(settings, env);
        if (code != ExitCodes.OK) {
            metrics.run(code == ExitCodes.KAFKA_UNAVAILABLE ? "kafka-unavailable" : "failed");
        }
        return code;
    }

    private int report(RunSettings settings, Map<String, String> env) {
        PrintStream err = System.err;
        try {
            ReportRun.Result result;
            if (settings.input() != null) {
                result = ReportRun.fromFile(settings.input(), settings.filters(), settings.out(), progress(err));
            } else {
                String topic = kafka.topics(env).tagged();
                result = ReportRun.fromTopic(kafka.settings(env), topic, settings.filters(), settings.out(),
                        progress(err), current::set);
            }
            current.set(null);
            printSummary(System.out, result);
            metrics.finished(result);
            if (result.latest().records() > 0 && result.latest().rejected() == result.latest().records()) {
                err.println("reporter run: none of the " + result.latest().records() + " records could be read");
                return ExitCodes.FAILED;
            }
            return ExitCodes.OK;
        } catch (TopicSnapshotReader.InterruptedRead e) {
            err.println("reporter run: interrupted, " + e.getMessage() + "; no reports written");
            return ExitCodes.INTERRUPTED;
        } catch (KafkaUnavailableException e) {
            err.println("reporter run: " + e.getMessage());
            return ExitCodes.KAFKA_UNAVAILABLE;
        } catch (NoSuchFileException e) {
            err.println("reporter run: no such file: " + e.getMessage() + " (check --input)");
            return ExitCodes.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("reporter run: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (IOException | KafkaException e) {
            err.println("reporter run: failed: " + e);
            return ExitCodes.FAILED;
        }
    }

    private static Progress progress(PrintStream err) {
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
        out.printf(Locale.ROOT, "  %d records read, %d distinct postings; %d ML postings counted, %d non-ML and %d outside "
                        + "the filters left out, %d unreadable%s%n",
                r.latest().records(), r.latest().size(), m.postings(), m.nonMl(), m.filteredOut(), r.latest().rejected(),
                r.latest().rejected() == 0 ? "" : " " + r.latest().rejectedByReason());
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
        out.printf(Locale.ROOT, "  hiring process described by %d of %d ML postings (%.1f%%)%s%n", stated.describingProcess(),
                stated.postings(), 100.0 * stated.processShare(), stated.describingProcess() == 0 ? ""
                        : "; rounds stated: " + Arrays.stream(Round.values())
                        .map(rd -> rd.name() + " " + stated.stating(rd)).collect(Collectors.joining(", ")));
    }
}
