package io.roleradar.app;

import io.roleradar.cli.ExitCodes;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One step of the demo (ingest, classifier, reporter) run as a {@code roleradar} command in a child
 * JVM: this JVM's java and class path, the JVM options the {@code ./roleradar} launcher gives that
 * service, and an environment without the user's {@code ROLERADAR_*} settings, its output passed
 * through.
 *
 * <p>A child process rather than a call in this JVM because the steps read their settings from the
 * process environment, much of it through picocli's {@code ${env:...}} defaults, which read
 * {@code System.getenv()} and cannot be changed in a running JVM: a user's
 * {@code ROLERADAR_REPORT_COMPANY} would filter the demo's report, {@code ROLERADAR_INGEST_EVERY}
 * would make it run for ever. Those settings are meant for the user's real runs; the demo is the
 * shipped samples through the pipeline, the same for everyone. {@code KAFKA_*} variables stay: they
 * carry how to reach the user's broker (security and the like).
 */
final class DemoStep {
    /** The {@code ROLERADAR_*} variables the steps still see: what tags mean, as for every command that tags. */
    static final Set<String> HONOURED = Set.of("ROLERADAR_TAXONOMY");
    /** The launcher's JVM options, which the steps get as the launcher would give them (see {@link #jvmOptions}). */
    static final String JAVA_OPTS = "ROLERADAR_JAVA_OPTS";
    private static final String PREFIX = "ROLERADAR_";
    private static final String MAIN = RoleradarMain.class.getName();
    /** How long a step asked to stop (the demo itself was stopped) gets to abort its transaction and exit. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private DemoStep() {
    }

    /** The environment of a step: {@code env} without the {@code ROLERADAR_*} variables but {@link #HONOURED}. */
    static Map<String, String> environment(Map<String, String> env) {
        Map<String, String> kept = new LinkedHashMap<>();
        env.forEach((name, value) -> {
            if (!name.startsWith(PREFIX) || HONOURED.contains(name)) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    /**
     * The JVM options the {@code ./roleradar} script gives {@code roleradar ARGS...}: those of
     * {@value #JAVA_OPTS}, then the reporter's throughput collector, or ingest's serial collector and
     * later C2 compilation (BENCHMARKS.md), unless {@value #JAVA_OPTS} names options of the same
     * kind. The script decides the same for the commands it starts itself; DemoStepTest holds the two
     * to the same options.
     */
    static List<String> jvmOptions(List<String> args, String javaOpts) {
        String given = javaOpts == null ? "" : javaOpts.strip();
        List<String> options = new ArrayList<>(given.isEmpty() ? List.of() : Arrays.asList(given.split("\\s+")));
        String service = args.isEmpty() ? "" : args.get(0);
        boolean namesCollector = given.matches("(?s).*-XX:\\+Use.*GC.*");
        if (service.equals("reporter") && !namesCollector) {
            options.add("-XX:+UseParallelGC");
        }
        if (service.equals("ingest")) {
            if (!namesCollector) {
                options.add("-XX:+UseSerialGC");
            }
            if (!given.contains("-XX:Tier")) {
                options.addAll(List.of("-XX:Tier4InvocationThreshold=50000", "-XX:Tier4MinInvocationThreshold=6000",
                        "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=400000"));
            }
        }
        return options;
    }

    /** The command line of {@code roleradar ARGS...} in a child JVM, as the launcher would start it. */
    static List<String> command(List<String> args, Map<String, String> env, Path home) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(args, env.get(JAVA_OPTS)));
        command.add("-Droleradar.home=" + home);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN);
        command.addAll(args);
        return command;
    }

    /**
     * Runs {@code roleradar ARGS...} in a child JVM with the {@link #environment} of {@code env}
     * and returns its exit code. Its output goes where this JVM's goes; it reads no input. An
     * interrupt stops the step (SIGTERM, SIGKILL after a grace period) and returns 130.
     */
    static int run(List<String> args, Map<String, String> env, Path home) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(args, env, home))
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().clear();
        builder.environment().putAll(environment(env));
        Process process = builder.start();
        process.getOutputStream().close();
        // SIGINT and SIGTERM leave this JVM running (DemoCommand waits for the step); should it exit
        // some other way while the step runs (SIGHUP, System.exit), the step is stopped with it.
        Thread stopper = new Thread(() -> stop(process), "roleradar-demo-step-stopper");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            stop(process); // with its grace period, before the interrupt is set again
            Thread.currentThread().interrupt();
            return ExitCodes.INTERRUPTED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run: it stops the step.
            }
        }
    }

    /** SIGTERM, which the services answer by aborting what is in flight; SIGKILL after a grace period. */
    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
