package io.roleradar.app;

import io.roleradar.broker.EmbeddedKafkaBroker;
import io.roleradar.cli.DurationConverter;
import io.roleradar.cli.ExitCodes;
import io.roleradar.cli.KafkaOptions;
import io.roleradar.cli.LogLevel;
import io.roleradar.cli.StopSignals;
import io.roleradar.kafka.KafkaReachability;
import io.roleradar.kafka.KafkaReachability.KafkaUnreachableException;
import io.roleradar.kafka.KafkaSettings;
import io.roleradar.kafka.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code roleradar demo}: the whole pipeline once, on a real broker, over the sample postings the
 * project ships. Starts the embedded KRaft broker unless {@code KAFKA_BOOTSTRAP_SERVERS} names one,
 * then runs ingest, the classifier (until caught up) and the reporter as the services run in
 * production, each a {@code roleradar} command of its own ({@link DemoStep}), and stops the broker.
 *
 * <p>On any broker the demo keeps to topics and a group of its own ({@link DemoKafka}), and its
 * steps do not see the {@code ROLERADAR_*} settings of the user's real runs: the demo shows the
 * samples, and leaves the user's postings alone.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the whole pipeline once over the shipped sample postings.",
                // One element per paragraph: picocli wraps each to the terminal's width.
                "Ingest, classifier and reporter run on a real Kafka broker: an embedded KRaft broker it starts "
                        + "and stops, unless --bootstrap-server or KAFKA_BOOTSTRAP_SERVERS names one. Writes the CSV "
                        + "and HTML reports.",
                "On any broker the demo uses topics of its own, roleradar-demo.raw, roleradar-demo.tagged and "
                        + "roleradar-demo.dlq, emptied at each run, and the classifier group roleradar-demo-classifier: "
                        + "your postings.* topics are left alone and the report holds the samples only.",
                "Each step runs as a child process that sees your KAFKA_* settings but none of your ROLERADAR_* "
                        + "ones except ROLERADAR_TAXONOMY (and ROLERADAR_JAVA_OPTS, as JVM options): the log level "
                        + "and Kafka timeout are the demo's own."},
        footer = {"", "Exit codes: 0 done; 1 failed; 2 invalid command line or no samples; 3 Kafka unreachable; "
                + "130 interrupted (SIGINT); 143 terminated (SIGTERM). A step that fails gives the demo its own "
                + "code (4: some samples could not be read)."})
public final class DemoCommand implements Callable<Integer> {
    private static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";

    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "${env:ROLERADAR_SAMPLES}",
            description = "Folder of sample postings. Env: ROLERADAR_SAMPLES. Default: samples/ of the roleradar checkout")
    Path samples;

    // Not ROLERADAR_REPORT_DIR: that is where the user's real reports go, which the sample report
    // would replace.
    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Where the reports go. Default: ${DEFAULT-VALUE}")
    Path out;

    /** The spelling before --out-dir; kept for one release. */
    @Option(names = "--out", paramLabel = "DIR", hidden = true)
    Path deprecatedOut;

    // No ${env:...} default: the message of an unreachable broker names where its address came from.
    @Option(names = {"--bootstrap-server", "--bootstrap-servers"}, paramLabel = "HOST:PORT",
            description = "Use this broker instead of starting one. Env: KAFKA_BOOTSTRAP_SERVERS")
    String bootstrapServers;

    @Option(names = "--kafka-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = KafkaOptions.TIMEOUT_DEFAULT_VALUE,
            description = "How long to wait for that broker to answer before giving up (exit 3). "
                    + "Env: " + KafkaOptions.TIMEOUT_ENV + ". Default: " + KafkaOptions.DEFAULT_TIMEOUT)
    Duration kafkaTimeout;

    /** The environment the broker's address and the steps' environment come from (for tests). */
    Map<String, String> env = System.getenv();
    /** The thread a stop signal interrupts: the demo's, while it waits for the broker; null while a step runs. */
    private volatile Thread interruptible;

    @Override
    public Integer call() throws IOException {
        // Progress and the summary go to stderr: the demo writes its data (the reports) to files.
        PrintStream console = LogLevel.current().shows(LogLevel.INFO) ? System.err : new PrintStream(OutputStream.nullOutputStream());
        if (deprecatedOut != null) {
            System.err.println("roleradar demo: --out is deprecated, use --out-dir; it will be removed in the next release");
            out = deprecatedOut;
        }
        Path sampleDir = samples != null ? samples : Launcher.home().resolve("samples");
        Path sources = sampleDir.resolve("sources.yml");
        if (!Files.isRegularFile(sources)) {
            System.err.println("roleradar demo: no " + sources + " listing the sample postings; pass --samples DIR "
                    + "with a sources.yml (see samples/README.md)");
            return ExitCodes.USAGE;
        }
        // SIGINT and SIGTERM: a running step stops on its own signal (a Ctrl-C in a terminal reaches
        // it too) or finishes, as its own run is short; the demo then starts no other step, cleans up
        // and exits with the signal's code. Waiting for the broker is cut short instead.
        try (StopSignals signals = StopSignals.install()) {
            signals.whileRunning(() -> {
                Thread waiting = interruptible;
                if (waiting != null) {
                    waiting.interrupt();
                }
            });
            return pipeline(signals, console, sources, kafkaTimeout);
        }
    }

    private int pipeline(StopSignals signals, PrintStream console, Path sources, Duration timeout) throws IOException {
        Instant started = Instant.now();
        EmbeddedKafkaBroker broker = null;
        // Ingest's state store of the demo's topic, which each run makes anew: kept in
        // ~/.roleradar/ingest-state, it would only clutter the folder of the user's real runs.
        try (ScratchFolder ingestState = ScratchFolder.create("roleradar-demo-ingest-state")) {
            interruptible = Thread.currentThread();
            String servers = brokerAddress();
            if (servers == null) {
                console.println("[demo] starting an embedded Kafka broker (KRaft, single node) ...");
                broker = EmbeddedKafkaBroker.start(0, null);
                servers = broker.bootstrapServers();
                console.println("[demo] broker ready at " + servers);
            } else {
                console.println("[demo] using the Kafka broker at " + servers + ", on topics of the demo's own ("
                        + DemoKafka.PREFIX + ".*), emptied for this run");
                KafkaReachability.check(KafkaSettings.fromEnv(env).withBootstrapServers(servers), timeout);
            }
            DemoKafka.prepare(KafkaSettings.fromEnv(env).withBootstrapServers(servers));
            interruptible = null;
            Topics topics = DemoKafka.TOPICS;
            List<String> common = commonArguments(servers, timeout, LogLevel.current());

            step(signals, console, "ingest: reading the sources of " + sources + " into " + topics.raw(),
                    ingestArguments(sources, ingestState.path(), common));
            step(signals, console, "classifier: tagging " + topics.raw() + " into " + topics.tagged()
                    + " until caught up", classifierArguments(common));
            step(signals, console, "reporter: reading " + topics.tagged() + " and writing reports to " + out,
                    reporterArguments(out, common));

            summarise(System.err, out, Duration.between(started, Instant.now()));
            return ExitCodes.OK;
        } catch (KafkaUnreachableException e) {
            System.err.println("roleradar demo: " + e.getMessage() + "; start that broker, or "
                    + (hasText(bootstrapServers) ? "leave out --bootstrap-server" : "unset " + BOOTSTRAP_ENV)
                    + " and the demo starts a broker of its own");
            return signals.exitCode(ExitCodes.KAFKA_UNAVAILABLE, false);
        } catch (StepFailed | IllegalStateException e) {
            // A step that failed or was stopped, a broker that would not start, topics that could not be
            // prepared; the last two, when a signal cut them short, say only that.
            boolean cutShort = signals.received() != 0 && !(e instanceof StepFailed);
            System.err.println("roleradar demo: " + (cutShort ? "stopped" : e.getMessage()));
            return signals.exitCode(e instanceof StepFailed failed ? failed.exitCode : ExitCodes.FAILED, false);
        } finally {
            interruptible = null;
            // A signal's interrupt must not cut the broker's clean stop short.
            Thread.interrupted();
            if (broker != null) {
                console.println("[demo] stopping the embedded broker");
                broker.close();
            }
        }
    }

    /**
     * What every step is told: the broker, and the demo's Kafka timeout and log level (its flags or
     * their variables, which the steps do not see).
     */
    static List<String> commonArguments(String servers, Duration kafkaTimeout, LogLevel level) {
        return List.of("--bootstrap-servers", servers, "--kafka-timeout", kafkaTimeout.toString(),
                "--log-level", level.name().toLowerCase(Locale.ROOT));
    }

    /**
     * The demo's 'ingest run': the samples into the demo's raw topic, with a state folder and a
     * transactional id of its own (the default one would fence the user's running ingest).
     */
    static List<String> ingestArguments(Path sources, Path stateDir, List<String> common) {
        return with(common, "ingest", "run", "--config", sources.toString(), "--state-dir", stateDir.toString(),
                "--topic-raw", DemoKafka.TOPICS.raw(), "--transactional-id", DemoKafka.INGEST_TRANSACTIONAL_ID);
    }

    /** The demo's 'classifier run': its own topics and group, until caught up. */
    static List<String> classifierArguments(List<String> common) {
        Topics topics = DemoKafka.TOPICS;
        return with(common, "classifier", "run", "--drain", "--topic-raw", topics.raw(), "--topic-tagged",
                topics.tagged(), "--topic-dlq", topics.deadLetter(), "--group", DemoKafka.CLASSIFIER_GROUP);
    }

    /** The demo's 'reporter run': the demo's tagged topic into the report folder. */
    static List<String> reporterArguments(Path out, List<String> common) {
        return with(common, "reporter", "run", "--out-dir", out.toString(), "--topic-tagged",
                DemoKafka.TOPICS.tagged());
    }

    private static List<String> with(List<String> common, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(common);
        return all;
    }

    /**
     * The broker to use, from the flag, else {@value #BOOTSTRAP_ENV}; null to start one. An empty
     * flag ({@code --bootstrap-server ''}) starts one whatever the environment says.
     */
    private String brokerAddress() {
        if (bootstrapServers != null) {
            return hasText(bootstrapServers) ? bootstrapServers.strip() : null;
        }
        String fromEnv = env.get(BOOTSTRAP_ENV);
        return hasText(fromEnv) ? fromEnv.strip() : null;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    private void step(StopSignals signals, PrintStream console, String what, List<String> args) {
        String name = what.substring(0, what.indexOf(':'));
        if (signals.received() != 0) {
            throw new StepFailed("stopped before the " + name + " step", signals.received());
        }
        console.println("[demo] " + what);
        int code;
        try {
            code = DemoStep.run(args, env, Launcher.home());
        } catch (IOException e) {
            throw new StepFailed("cannot start the " + name + " step: " + e.getMessage(), ExitCodes.FAILED);
        }
        if (code != ExitCodes.OK) {
            throw new StepFailed(name + " exited with code " + code, code);
        }
    }

    private static void summarise(PrintStream console, Path out, Duration took) throws IOException {
        console.println();
        console.println("[demo] done in " + took.toSeconds() + " s. Reports in " + out.toAbsolutePath() + ":");
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".csv")) {
                    long rows = Math.max(0, Files.readAllLines(file, StandardCharsets.UTF_8).size() - 1);
                    console.printf("  %-20s %6d rows%n", name, rows);
                } else {
                    console.printf("  %-20s%n", name);
                }
            }
        }
        Path quadrants = out.resolve("quadrants.csv");
        if (Files.exists(quadrants)) {
            console.println();
            console.println("Postings per quadrant (quadrants.csv):");
            Files.readAllLines(quadrants, StandardCharsets.UTF_8).forEach(line -> console.println("  " + line));
        }
        Path html = out.resolve("report.html");
        if (Files.exists(html)) {
            console.println();
            console.println("Open " + html.toAbsolutePath().toUri() + " in a browser for the charts.");
        }
    }

    /** A pipeline step that did not finish; carries the exit code to return. */
    private static final class StepFailed extends RuntimeException {
        private final int exitCode;

        StepFailed(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }
    }
}
