package io.roleradar.reporter.bench;

import io.roleradar.broker.EmbeddedKafkaBroker;
import io.roleradar.kafka.KafkaSettings;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.kafka.Topics;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reporter benchmark: starts the embedded broker, produces N realistic tagged postings
 * (default 1,000,000), then in the same session times a bare consume of the topic (the baseline,
 * {@link BareConsume}) and {@code reporter run} over it, each in its own JVM with {@code -Xmx512m}.
 * The figure is the report's wall time (goal: under 60 s for 1,000,000 postings); the bare consume
 * and the ratio of the two say how much of it the read alone takes. Lives in the test tree so the
 * runtime jar carries neither the broker nor this harness. Run (from the repository root):
 * <pre>mvn -B -q -pl reporter test-compile exec:exec [-Dbench.postings=1000000 -Dbench.rounds=2]</pre>
 */
public final class ReporterBenchmark {
    /** The JVM options the reporter runs with in production (see the launcher, {@code roleradar}). */
    static final String PRODUCTION_JVM_OPTIONS = "-XX:+UseParallelGC";
    private static final Pattern HEAP_AFTER_GC = Pattern.compile("->(\\d+)M\\(");

    private ReporterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int postings = Integer.getInteger("bench.postings", 1_000_000);
        int rounds = Integer.getInteger("bench.rounds", 2);
        String heap = System.getProperty("bench.heap", "512m");
        // -Dbench.jfr=DIR records each child with JFR (profile settings), to see where the time goes.
        String jfr = System.getProperty("bench.jfr", "");
        if (!jfr.isEmpty()) {
            Files.createDirectories(Path.of(jfr)); // JFR does not create the folder, and fails the child without it
        }
        Path work = Files.createTempDirectory("reporter-bench-");
        String classpath = classpath();
        System.out.printf(Locale.ROOT, "reporter benchmark: %,d postings, %d rounds, child heap -Xmx%s, child JVM options \"%s\", %d cores%n",
                postings, rounds, heap, System.getProperty("bench.jvm", PRODUCTION_JVM_OPTIONS).trim(),
                Runtime.getRuntime().availableProcessors());
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null, "1g")) {
            String servers = broker.bootstrapServers();
            KafkaSettings settings = KafkaSettings.fromEnv(Map.of()).withBootstrapServers(servers);
            Topics topics = new Topics("bench.raw", "bench.tagged", "bench.dlq");
            TopicAdmin.ensureTopics(settings, topics, 3);
            long bytes = SyntheticTopic.produce(settings, topics.tagged(), new SyntheticPostings(42, 3000), 0, postings);

            List<Long> bare = new ArrayList<>();
            List<Long> report = new ArrayList<>();
            List<Long> bareCpu = new ArrayList<>();
            List<Long> reportCpu = new ArrayList<>();
            int maxHeapAfterGc = 0;
            for (int round = 1; round <= rounds; round++) {
                long t0 = System.nanoTime();
                String out = runJava(classpath, heap, work.resolve("bare-" + round + ".log"),
                        recording(jfr, "bare-" + round), BareConsume.class.getName(), servers, topics.tagged());
                long bareMs = (System.nanoTime() - t0) / 1_000_000;
                bare.add(bareMs);
                bareCpu.add(cpuMillis(out));
                Path gcLog = work.resolve("gc-" + round + ".log");
                t0 = System.nanoTime();
                String reportOut = runJava(classpath, heap, work.resolve("report-" + round + ".log"),
                        "-Xlog:gc:file=" + gcLog, recording(jfr, "report-" + round), ReportChild.class.getName(), "run", "--out-dir", work.resolve("reports-" + round).toString(),
                        "--bootstrap-servers", servers, "--topic-tagged", topics.tagged());
                long reportMs = (System.nanoTime() - t0) / 1_000_000;
                report.add(reportMs);
                reportCpu.add(cpuMillis(reportOut));
                maxHeapAfterGc = Math.max(maxHeapAfterGc, maxHeapAfterGc(gcLog));
                System.out.printf(Locale.ROOT, "round %d: bare consume %,d ms (cpu %,d ms), report %,d ms (cpu %,d ms), "
                                + "ratio %.2f (cpu %.2f), load average %s%n", round, bareMs, bareCpu.get(round - 1),
                        reportMs, reportCpu.get(round - 1), (double) bareMs / reportMs,
                        (double) bareCpu.get(round - 1) / reportCpu.get(round - 1), loadAverage());
                System.out.println("  bare   " + threadLine(out));
                System.out.println("  report " + threadLine(reportOut));
            }
            long bestBare = bare.stream().mapToLong(Long::longValue).min().orElseThrow();
            long bestReport = report.stream().mapToLong(Long::longValue).min().orElseThrow();
            System.out.printf(Locale.ROOT, "%nRESULT postings=%d value_bytes=%d (%.0f MB, %.0f B/posting)%n", postings, bytes,
                    bytes / 1e6, (double) bytes / postings);
            System.out.printf(Locale.ROOT, "RESULT bare consume best %,d ms = %,.0f postings/s%n", bestBare, postings * 1000.0 / bestBare);
            System.out.printf(Locale.ROOT, "RESULT report best %,d ms = %,.0f postings/s, max heap after GC %d MB of %s%n",
                    bestReport, postings * 1000.0 / bestReport, maxHeapAfterGc, heap);
            System.out.printf(Locale.ROOT, "RESULT ratio report/bare (throughput) = %.2f%n", (double) bestBare / bestReport);
            long minBareCpu = bareCpu.stream().mapToLong(Long::longValue).min().orElseThrow();
            long minReportCpu = reportCpu.stream().mapToLong(Long::longValue).min().orElseThrow();
            System.out.printf(Locale.ROOT, "RESULT cpu per posting: bare %.1f us, report %.1f us; ratio bare/report cpu = %.2f%n",
                    minBareCpu * 1000.0 / postings, minReportCpu * 1000.0 / postings, (double) minBareCpu / minReportCpu);
            System.out.println("RESULT reports of the last round: " + work.resolve("reports-" + rounds));
        }
        // The broker deleted its temporary log (gigabytes); the reports and logs stay for a look.
    }

    /** Runs a JVM on the benchmark's class path and returns its standard output; fails on a non-zero exit. */
    private static String runJava(String classpath, String heap, Path log, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", classpath));
        // JVM options for both children alike: by default the reporter's production collector (the
        // launcher and docker-compose.yml give it -XX:+UseParallelGC), so only the code differs
        // between the two; -Dbench.jvm=... tries other flags (e.g. -XX:+UseG1GC).
        for (String option : System.getProperty("bench.jvm", PRODUCTION_JVM_OPTIONS).trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log + ":\n" + Files.readString(log));
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 2), lines.size()));
    }

    /** The JVM option that records a child with JFR into {@code dir}; without a dir, one that only names the child. */
    private static String recording(String dir, String name) {
        if (dir.isBlank()) {
            return "-Dbench.child=" + name;
        }
        return "-XX:StartFlightRecording=settings=profile,filename=" + Path.of(dir, name + ".jfr").toAbsolutePath();
    }

    /** The per-thread CPU line a child printed ({@link ThreadCpu}), or nothing. */
    private static String threadLine(String out) {
        return out.lines().filter(l -> l.startsWith("thread cpu ms:")).findFirst().orElse("");
    }

    /** The {@code cpu_ms=} line a child printed last. */
    private static long cpuMillis(String out) {
        Matcher m = Pattern.compile("cpu_ms=(\\d+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no cpu_ms line in: " + out);
        }
        return Long.parseLong(m.group(1));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static int maxHeapAfterGc(Path gcLog) throws IOException {
        int max = 0;
        for (String line : Files.readAllLines(gcLog)) {
            // Only collections that move objects say what is live after them: G1's Remark and
            // Cleanup pauses print the heap as it stands, garbage included.
            if (!line.contains("Pause Young") && !line.contains("Pause Full")) {
                continue;
            }
            Matcher m = HEAP_AFTER_GC.matcher(line);
            if (m.find()) {
                max = Math.max(max, Integer.parseInt(m.group(1)));
            }
        }
        return max;
    }

    /** The class path this harness runs on (exec:java uses a class loader, not java.class.path). */
    private static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader cl = ReporterBenchmark.class.getClassLoader(); cl != null; cl = cl.getParent()) {
            if (cl instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    entries.add(new File(url.getPath()).getPath());
                }
            }
        }
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isBlank() && !e.contains("plexus-classworlds")) {
                entries.add(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
