package io.roleradar.reporter.bench;

import io.roleradar.broker.EmbeddedKafkaBroker;
import io.roleradar.kafka.KafkaSettings;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.kafka.Topics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Issue 17: the reporter with its facts on disk. For each size N given (e.g. {@code 1000000,3000000}),
 * fills a topic of the embedded broker with N small generated tagged postings (descriptions of
 * 200-400 characters), then runs {@code reporter run} over it in a child JVM with {@code -Xmx512m}
 * and the production collector, under {@code /usr/bin/time -v} (wall, CPU, peak RSS), with a GC log
 * (the heap after each collection), keeping the facts store ({@code --keep-state}) to measure its
 * size and then reopening it in another child ({@link ReopenChild}: the open, and a scan of every
 * posting's facts). Run (from the repository root):
 * <pre>
 * mvn -B -q -o -pl reporter test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp reporter/target/test-classes:reporter/target/classes:$(cat /tmp/cp.txt) \
 *   io.roleradar.reporter.bench.FactsStoreBenchmark 1000000,3000000 /tmp/reporter-store-bench
 * </pre>
 */
public final class FactsStoreBenchmark {
    private static final Pattern HEAP_AFTER_GC = Pattern.compile("->(\\d+)M\\(");

    private FactsStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String[] sizes = (args.length > 0 ? args[0] : "1000000").split(",");
        Path work = Path.of(args.length > 1 ? args[1] : Files.createTempDirectory("reporter-store-bench").toString());
        Files.createDirectories(work);
        String classpath = System.getProperty("java.class.path");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null, "1g")) {
            String servers = broker.bootstrapServers();
            KafkaSettings settings = KafkaSettings.fromEnv(Map.of()).withBootstrapServers(servers);
            for (String size : sizes) {
                int n = Integer.parseInt(size.strip());
                String topic = "bench.tagged." + n;
                TopicAdmin.ensureTopics(settings, new Topics("bench.raw." + n, topic, "bench.dlq." + n), 3);
                long bytes = SyntheticTopic.produce(settings, topic, new SyntheticPostings(42, 3000, 200), 0, n);
                Path state = work.resolve("state-" + n);
                Path gcLog = work.resolve("gc-" + n + ".log");
                Path log = work.resolve("report-" + n + ".log");
                String load = load();
                List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-v", java(), "-Xmx512m",
                        "-XX:+UseParallelGC", "-Xlog:gc:file=" + gcLog));
                for (String option : System.getProperty("bench.jvm", "").trim().split("\\s+")) {
                    if (!option.isEmpty()) {
                        command.add(option);
                    }
                }
                command.addAll(List.of("-cp", classpath, ReportChild.class.getName(), "run", "-q",
                        "--out-dir", work.resolve("reports-" + n).toString(), "--bootstrap-servers", servers,
                        "--topic-tagged", topic, "--state-dir", state.toString(), "--keep-state"));
                // The store's largest size while the report runs, sampled every second.
                long[] peak = {0};
                Thread sampler = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            peak[0] = Math.max(peak[0], du(state));
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            return;
                        } catch (IOException | RuntimeException e) {
                            // the store's files change under the walk: try again
                        }
                    }
                }, "store-size");
                sampler.setDaemon(true);
                sampler.start();
                String out = run(log, command);
                sampler.interrupt();
                sampler.join();
                long disk = du(state);
                String reopen = run(work.resolve("reopen-" + n + ".log"), List.of("/usr/bin/time", "-v", java(),
                        "-Xmx512m", "-cp", classpath, ReopenChild.class.getName(), state.toString()));
                System.out.printf(Locale.ROOT, "RESULT postings=%d value_bytes=%.0f B/posting load_before=%s load_after=%s%n",
                        n, (double) bytes / n, load, load());
                System.out.printf(Locale.ROOT, "RESULT report: wall %s, cpu %.1f s (user %s + sys %s), peak RSS %d MB, "
                                + "heap after GC max %d MB (after a full GC max %d MB), cpu per posting %.1f us%n",
                        field(out, "Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\): (\\S+)"),
                        cpuSeconds(out), field(out, "User time \\(seconds\\): (\\S+)"),
                        field(out, "System time \\(seconds\\): (\\S+)"), rssMb(out), maxHeapAfterGc(gcLog, "Pause"),
                        maxHeapAfterGc(gcLog, "Pause Full"),
                        cpuSeconds(out) * 1e6 / n);
                System.out.printf(Locale.ROOT, "RESULT store: at most %.0f MB during the run (%.0f MB per million "
                                + "postings), %.0f MB kept at the end (%.0f MB per million)%n", peak[0] / 1e6,
                        peak[0] / 1e6 / (n / 1e6), disk / 1e6, disk / 1e6 / (n / 1e6));
                System.out.println("RESULT " + field(out, "(thread cpu ms: .*)"));
                System.out.printf(Locale.ROOT, "RESULT reopen: %s, wall %s, peak RSS %d MB%n",
                        reopen.lines().filter(l -> l.startsWith("open_ms=")).findFirst().orElse("?"),
                        field(reopen, "Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\): (\\S+)"), rssMb(reopen));
                deleteTree(state);
            }
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String run(Path log, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(3, TimeUnit.HOURS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log + ":\n"
                    + Files.readString(log));
        }
        return Files.readString(log);
    }

    private static String field(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? m.group(1) : "?";
    }

    private static double cpuSeconds(String out) {
        return Double.parseDouble(field(out, "User time \\(seconds\\): (\\S+)"))
                + Double.parseDouble(field(out, "System time \\(seconds\\): (\\S+)"));
    }

    private static long rssMb(String out) {
        return Long.parseLong(field(out, "Maximum resident set size \\(kbytes\\): (\\d+)")) / 1024;
    }

    /** The largest heap after a collection of the kind ({@code Pause}: any; {@code Pause Full}: what is really kept). */
    private static int maxHeapAfterGc(Path gcLog, String kind) throws IOException {
        int max = 0;
        for (String line : Files.readAllLines(gcLog)) {
            // The first full collection, at start-up, is for class metadata; it says nothing of the facts.
            if (!line.contains(kind) || line.contains("Metadata GC Threshold")) {
                continue;
            }
            Matcher m = HEAP_AFTER_GC.matcher(line);
            if (m.find()) {
                max = Math.max(max, Integer.parseInt(m.group(1)));
            }
        }
        return max;
    }

    private static long du(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
