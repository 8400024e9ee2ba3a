package io.roleradar.ingest.bench;

import io.roleradar.broker.EmbeddedKafkaBroker;
import io.roleradar.ingest.IngestMain;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A big local import into Kafka, as a user runs it, against Kafka's own {@code ProducerPerformance}
 * on the same records in the same run and on the same broker: {@code ingest run --source FILE}
 * (JSON Lines of raw postings) in a child JVM with {@code -Xmx256m} and a fresh state folder, timed
 * from start to exit (JVM start included), and ProducerPerformance with the same producer settings
 * as ingest's (acks=all, idempotent, lz4, linger 20 ms) and the file's lines as payloads. Prints the
 * load average before and after each. A harness, not a test: see BENCHMARKS.md.
 *
 * <pre>
 * java -cp ... io.roleradar.ingest.bench.KafkaImportBenchmark FILE.jsonl POSTINGS [KAFKA_TOOLS_CLASSPATH]
 * </pre>
 * The third argument adds kafka-tools (and argparse4j) to the child's class path for ProducerPerformance;
 * {@code -Dbench.jfr=DIR} records each child with JFR into DIR; {@code -Dbench.baseline=false} runs ingest alone;
 * {@code -Dbench.perfHeap=3g} gives ProducerPerformance, which holds every payload in memory, room for a big file.
 */
public final class KafkaImportBenchmark {
    private KafkaImportBenchmark() {
    }

    /** The options the launcher gives ingest (see its ingest_opts); -Dbench.ingestJvm="..." tries others. */
    private static List<String> ingestJvmOptions() {
        String production = "-XX:+UseSerialGC -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000"
                + " -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000";
        return List.of(System.getProperty("bench.ingestJvm", production).split(" +")).stream().filter(o -> !o.isBlank()).toList();
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        String tools = args.length > 2 ? args[2] : "";
        String cp = System.getProperty("java.class.path");
        Path work = Files.createTempDirectory("roleradar-import-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, work.resolve("kafka"), "1g")) {
            String servers = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
                admin.createTopics(List.of(new NewTopic("perf", 3, (short) 1))).all().get();
            }
            String load0 = load();
            long start = System.nanoTime();
            // -Dbench.baseline=false leaves ProducerPerformance out (it holds every payload of its
            // file in memory): for a run that tests ingest's memory alone.
            boolean baseline = !"false".equals(System.getProperty("bench.baseline"));
            String perf = !baseline ? "" : run(cp + File.pathSeparator + tools, work.resolve("perf.log"),
                    System.getProperty("bench.perfHeap", "512m"),
                    "org.apache.kafka.tools.ProducerPerformance", "--topic", "perf", "--num-records", String.valueOf(n),
                    "--payload-file", file.toString(), "--throughput", "-1", "--producer-props",
                    "bootstrap.servers=" + servers, "acks=all", "enable.idempotence=true", "compression.type=lz4",
                    "linger.ms=20");
            Duration perfTook = Duration.ofNanos(System.nanoTime() - start);
            String load1 = load();
            Matcher rate = Pattern.compile("([0-9.]+) records/sec").matcher(perf);
            double perfRate = 0;
            while (rate.find()) {
                perfRate = Double.parseDouble(rate.group(1));
            }

            start = System.nanoTime();
            String ingest = run(cp, work.resolve("ingest.log"), "256m", ingestJvmOptions(), IngestMain.class.getName(), "run",
                    "--source", file.toString(), "--bootstrap-servers", servers, "--topic-raw", "bench.raw",
                    "--state-dir", work.resolve("state").toString());
            Duration ingestTook = Duration.ofNanos(System.nanoTime() - start);
            String load2 = load();
            System.out.println(ingest.lines().filter(l -> l.contains("run finished") || l.contains("run aborted"))
                    .findFirst().orElse(ingest));
            System.out.printf("%n| what | time | postings/s | CPU (user + system) | CPU a posting | load average (1 min) before / after |%n"
                    + "| --- | ---: | ---: | ---: | ---: | --- |%n");
            double perfCpu = cpu(perf);
            double ingestCpu = cpu(ingest);
            if (baseline) {
                System.out.printf("| Kafka ProducerPerformance, %,d records | %.1f s | %,.0f (its own timing) | %.1f s | %.0f us | %s / %s |%n",
                        n, perfTook.toMillis() / 1000.0, perfRate, perfCpu, perfCpu * 1e6 / n, load0, load1);
            }
            System.out.printf("| ingest run --source FILE (-Xmx256m, JVM start included) | %.1f s | %,.0f | %.1f s | %.0f us | %s / %s |%n",
                    ingestTook.toMillis() / 1000.0, n / (ingestTook.toMillis() / 1000.0), ingestCpu, ingestCpu * 1e6 / n, load1, load2);
            Matcher rss = Pattern.compile("(?m)^rss ([0-9]+)$").matcher(ingest);
            if (rss.find()) {
                System.out.printf("ingest's peak resident set: %d MiB%n", Long.parseLong(rss.group(1)) >> 10);
            }
        }
    }

    private static String run(String classPath, Path log, String heap, String... command) throws Exception {
        return run(classPath, log, heap, List.of(), command);
    }

    private static String run(String classPath, Path log, String heap, List<String> jvmOptions, String... command)
            throws Exception {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/time"))) {
            // The child's CPU time (user and system seconds) in its log: on a shared machine the
            // CPU a posting costs is the figure that compares, wall-clock rates follow the load.
            cmd.addAll(List.of("/usr/bin/time", "-f", "cpu %U %S\nrss %M"));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap, "-cp", classPath));
        cmd.addAll(jvmOptions);
        if (System.getProperty("bench.jfr") != null) {
            cmd.add("-XX:StartFlightRecording=settings=profile,filename=" + Path.of(System.getProperty("bench.jfr"))
                    .resolve(log.getFileName() + ".jfr"));
        }
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int code = p.waitFor();
        String out = Files.readString(log);
        if (code != 0) {
            throw new IllegalStateException(command[0] + " exited " + code + ":\n" + out);
        }
        return out;
    }

    /** The child's user + system CPU seconds from /usr/bin/time's line, or NaN without it. */
    private static double cpu(String log) {
        Matcher m = Pattern.compile("(?m)^cpu ([0-9.]+) ([0-9.]+)$").matcher(log);
        double cpu = Double.NaN;
        while (m.find()) {
            cpu = Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2));
        }
        return cpu;
    }

    private static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
