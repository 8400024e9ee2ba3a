package io.roleradar.reporter;

import io.roleradar.cli.Durations;
import io.roleradar.cli.ExitCodes;
import io.roleradar.cli.KafkaOptions;
import io.roleradar.cli.LogLevel;
import io.roleradar.cli.StopSignals;
import io.roleradar.cli.TaggedTopicOption;
import io.roleradar.cli.TopicNameConverter;
import io.roleradar.cli.YesNoConverter;
import io.roleradar.kafka.ExactlyOnceLoop;
import io.roleradar.kafka.InstanceIds;
import io.roleradar.kafka.KafkaReachability;
import io.roleradar.kafka.KafkaSettings;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.kafka.Topics;
import io.roleradar.metrics.MetricsEndpoint;
import io.roleradar.reporter.follow.Projector;
import io.roleradar.reporter.follow.ProjectorConfig;
import io.roleradar.reporter.follow.ReportWriter;
import io.roleradar.reporter.output.ReportFolder;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code reporter follow}: the report kept current as postings arrive. Two roles, in one process or
 * apart: projectors (any number, one consumer group) decode the tagged topic once per record into
 * the compact facts topic, exactly once; one report writer per report keeps a persistent store
 * current from the facts topic and writes the report every {@code --every} (or once, when caught
 * up, with {@code --once}) by the same fold and writers as {@code reporter run}.
 */
@Command(name = "follow", mixinStandardHelpOptions = true, versionProvider = ReporterMain.Version.class,
        usageHelpAutoWidth = true,
        description = {"Keeps the market reports current as tagged postings arrive.", "",
                "Projector role: in consumer group --group, reads postings.tagged (read_committed) and writes each "
                        + "posting's report facts to --topic-facts, exactly once (Kafka transactions); run several "
                        + "to share the partitions. Report role: keeps a RocksDB store in --state-dir current from "
                        + "the facts topic (it resumes where it stopped) and writes the same reports as 'reporter run' "
                        + "into --out-dir every --every, or once when caught up with --once.", ""},
        footer = {"", "Exit codes: 0 done (--once), 1 failed or nothing to report (--once), 2 usage or configuration "
                + "error, 3 Kafka unreachable, 130 interrupted (SIGINT), 143 terminated (SIGTERM)."})
public final class FollowCommand implements Callable<Integer> {
    static final String COMMAND = "reporter follow";
    /** The way without Kafka the one line of an unreachable broker names, beside starting one. */
    private static final String NO_KAFKA_WAY = "'roleradar reporter run --input tagged.jsonl' to report from a file";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** Which part of the work this process does. */
    enum Role { projector, report, both }

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "${env:ROLERADAR_FOLLOW_ROLE:-both}",
            description = "projector (decode postings.tagged into the facts topic; run several in one --group), "
                    + "report (keep --state-dir current and write the reports; one per report) or both. "
                    + "Env: ROLERADAR_FOLLOW_ROLE. Default: ${DEFAULT-VALUE}")
    Role role;

    @Option(names = "--group", paramLabel = "NAME", defaultValue = "${env:ROLERADAR_FOLLOW_GROUP:-roleradar-reporter-follow}",
            description = "Consumer group of the projectors. Env: ROLERADAR_FOLLOW_GROUP. Default: ${DEFAULT-VALUE}")
    String group;

    @Option(names = "--instance-id", paramLabel = "ID", defaultValue = "${env:ROLERADAR_INSTANCE_ID}",
            description = "This projector's stable id (static group membership; with the group, its transactional "
                    + "id, so a restart fences its dead predecessor): one per instance. Env: ROLERADAR_INSTANCE_ID. "
                    + "Default: from the host name")
    String instanceId;

    @Option(names = "--topic-facts", paramLabel = "TOPIC", defaultValue = "${env:ROLERADAR_TOPIC_FACTS:-" + Topics.DEFAULT_FACTS + "}",
            converter = TopicNameConverter.class,
            description = "The facts topic (created compacted, with the tagged topic's partitions). "
                    + "Env: ROLERADAR_TOPIC_FACTS. Default: ${DEFAULT-VALUE}")
    String factsTopic;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "${env:ROLERADAR_FOLLOW_STATE_DIR:-reporter-follow-state}",
            description = "The report writer's persistent RocksDB store, kept between runs (one per report writer; "
                    + "never the --state-dir of 'reporter run', which replaces what it finds). "
                    + "Env: ROLERADAR_FOLLOW_STATE_DIR. Default: ${DEFAULT-VALUE}")
    String stateDir;

    @Option(names = "--every", paramLabel = "DURATION", defaultValue = "${env:ROLERADAR_FOLLOW_EVERY:-1m}",
            description = "Write the reports every DURATION (30s, 15m, 6h, 1d). Env: ROLERADAR_FOLLOW_EVERY. "
                    + "Default: ${DEFAULT-VALUE}")
    String every;

    // arity 0 with a fallback of true: picocli would otherwise turn the flag off when the variable
    // has made its default true (ROLERADAR_FOLLOW_ONCE=true with --once).
    @Option(names = "--once", defaultValue = "${env:ROLERADAR_FOLLOW_ONCE:-false}", arity = "0", fallbackValue = "true",
            converter = YesNoConverter.class,
            description = "Catch up and stop: a projector with the end offsets seen at its start, the report writer "
                    + "with the facts topic's end (after the projector, with --role both), writing one report. "
                    + "For cron and tests. Env: ROLERADAR_FOLLOW_ONCE=true.")
    boolean once;

    @Mixin
    ReportOptions scope = new ReportOptions();

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    // It reads the tagged topic and writes the facts topic (--topic-facts, created with the tagged
    // topic's partition count): no other topic's flags, no --partitions.
    @Mixin
    TaggedTopicOption taggedTopic = new TaggedTopicOption();

    /** The environment the Kafka client settings ({@code KAFKA_*}) and the instance id come from (for tests). */
    Map<String, String> env = System.getenv();

    private final AtomicInteger stopCode = new AtomicInteger();
    private volatile Projector projector;
    private volatile ReportWriter writer;

    @Override
    public Integer call() {
        RunSettings report;
        Duration period;
        ProjectorConfig projectorConfig;
        String tagged;
        KafkaSettings settings;
        try {
            // The report's own settings (out-dir, filters, closed postings) are read as 'reporter run' reads them.
            report = RunSettings.of(RunSettings.origins(spec), scope.outDir, null, every, scope.since,
                    scope.until, scope.company, scope.onlySource, scope.includeClosed, null, false);
            period = report.every();
            tagged = taggedTopic.name();
            if (role != Role.projector) {
                ReportFolder.checkTarget(report.out(), "--out-dir");
            }
            settings = kafka.settings(env);
            projectorConfig = new ProjectorConfig(settings, tagged, factsTopic, group,
                    instanceId == null || instanceId.isBlank() ? InstanceIds.fromHost(env) : instanceId.strip(), once);
        } catch (IllegalArgumentException e) {
            System.err.println("roleradar " + COMMAND + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        PrintStream err = System.err;
        try (StopSignals signals = StopSignals.install();
             MetricsEndpoint metrics = MetricsEndpoint.start("reporter", kafka.metricsPort())) {
            signals.whileRunning(() -> requestStop(signals.received()));
            kafka.requireReachable(env);
            TopicAdmin.ensureFactsTopic(settings, tagged, factsTopic);
            Thread projecting = null;
            if (role != Role.report) {
                projector = new Projector(projectorConfig, metrics.registry());
                projecting = new Thread(projector, "reporter-follow-projector");
                projecting.start();
                err.println("roleradar " + COMMAND + ": projecting " + tagged + " into " + factsTopic + " as instance "
                        + projectorConfig.instanceId() + " of group " + group);
            }
            int code = role == Role.projector ? awaitProjector()
                    : writeReports(settings, tagged, report, period, new ReporterMetrics(metrics.registry()), err);
            if (projecting != null) {
                if (!projector.stop(STOP_GRACE)) {
                    err.println("roleradar " + COMMAND + ": the projector did not stop within " + STOP_GRACE.toSeconds() + " s");
                }
                if (code == ExitCodes.OK && projectorFailed()) {
                    code = ExitCodes.FAILED;
                }
            }
            // A --once run that did its work (drained, report written) exits 0 even if a signal came after.
            if (once && code == ExitCodes.OK) {
                return code;
            }
            return stopCode.get() != 0 ? stopCode.get() : code;
        } catch (KafkaReachability.KafkaUnreachableException e) {
            err.println(e.userMessage(COMMAND, NO_KAFKA_WAY));
            return ExitCodes.KAFKA_UNAVAILABLE;
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException | KafkaException e) {
            err.println("roleradar " + COMMAND + ": " + e.getMessage());
            if (LogLevel.current().shows(LogLevel.DEBUG)) {
                e.printStackTrace();
            }
            return stopCode.get() != 0 ? stopCode.get() : ExitCodes.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERRUPTED;
        }
    }

    /** The projector role alone: until it drains (--once), fails or is stopped. */
    private int awaitProjector() throws InterruptedException {
        while (!projector.await(Duration.ofMillis(500))) {
            if (stopCode.get() != 0) {
                return stopCode.get();
            }
        }
        return projectorFailed() ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private boolean projectorFailed() {
        Projector p = projector;
        return p != null && (p.outcome() == ExactlyOnceLoop.Outcome.FENCED || p.outcome() == ExactlyOnceLoop.Outcome.FAILED);
    }

    /** The report role: catch up, write, and again every period (or once). */
    private int writeReports(KafkaSettings settings, String tagged, RunSettings report, Duration period,
                             ReporterMetrics metrics, PrintStream err) throws InterruptedException {
        if (once && projector != null) {
            // --once with both roles: the facts are complete only once this process's projector has drained.
            int code = awaitProjector();
            if (code != ExitCodes.OK) {
                return code;
            }
        }
        try (ReportWriter w = new ReportWriter(settings, factsTopic, tagged, Path.of(stateDir))) {
            writer = w;
            if (stopCode.get() != 0) {
                return stopCode.get();
            }
            err.println("roleradar " + COMMAND + ": keeping " + Path.of(stateDir).toAbsolutePath() + " current from "
                    + factsTopic + "; reports to " + report.out().toAbsolutePath()
                    + (once ? " once caught up" : " every " + Durations.format(period)));
            while (true) {
                Instant next = Instant.now().plus(period);
                if (!w.catchUp(() -> stopCode.get() != 0 || projectorFailed())) {
                    return projectorFailed() ? ExitCodes.FAILED : stopCode.get();
                }
                int code = writeOne(w, report, metrics, err);
                if (once) {
                    return code;
                }
                // Between reports the store is kept current, so the next report starts caught up or nearly.
                while (Instant.now().isBefore(next)) {
                    if (stopCode.get() != 0) {
                        return stopCode.get();
                    }
                    if (projectorFailed()) {
                        return ExitCodes.FAILED;
                    }
                    w.pollOnce();
                }
            }
        } catch (WakeupException e) {
            return stopCode.get() != 0 ? stopCode.get() : ExitCodes.FAILED;
        } finally {
            writer = null;
        }
    }

    /** One report; a failure is reported and, on a schedule, the next one is tried. */
    private static int writeOne(ReportWriter w, RunSettings report, ReporterMetrics metrics, PrintStream err) {
        try {
            ReportRun.Result result = w.writeReport(report.options(), report.out());
            RunCommand.printSummary(err, result);
            metrics.followed(result);
            return ExitCodes.OK;
        } catch (ReportRun.NothingToReport e) {
            err.println("roleradar " + COMMAND + ": " + e.getMessage() + "; earlier reports untouched");
            metrics.run("failed");
            return ExitCodes.FAILED;
        } catch (IOException | UncheckedIOException e) {
            err.println("roleradar " + COMMAND + ": failed to write the reports: " + e + "; earlier reports untouched");
            metrics.run("failed");
            return ExitCodes.FAILED;
        }
    }

    /** Stops both roles from another thread (a signal), with {@code exitCode}. */
    void requestStop(int exitCode) {
        stopCode.compareAndSet(0, exitCode == 0 ? ExitCodes.INTERRUPTED : exitCode);
        ReportWriter w = writer;
        if (w != null) {
            w.wakeup();
        }
        Projector p = projector;
        if (p != null) {
            try {
                p.stop(Duration.ZERO);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
