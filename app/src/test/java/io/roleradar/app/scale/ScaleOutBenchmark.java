package io.roleradar.app.scale;

import io.roleradar.app.resilience.GeneratedPostings;
import io.roleradar.app.resilience.TopicProbe;
import io.roleradar.broker.EmbeddedKafkaBroker;
import io.roleradar.kafka.KafkaSettings;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.kafka.Topics;
import org.apache.kafka.clients.admin.Admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Throughput of the classifier service scaled out: N generated postings pre-loaded into a raw topic
 * of six partitions on an embedded broker of its own, then tagged from the beginning by 1, 2 and 3
 * instances of {@code classifier run} (each a child JVM with {@code -Xmx256m} and the JVM's default
 * collector, as the launcher runs it; one consumer group per round, a fresh tagged topic per round).
 * A round's time runs from the first instance's start until the instances' Prometheus counters say
 * every posting is committed (tagged or dead-lettered); the steady rate leaves out the JVM starts
 * and the group join (first committed posting to last). CPU is read from {@code /proc} for every
 * instance and the broker, with the load average at each round's start and end, because on a
 * shared machine the cores, not the instances, set the ceiling. A harness, not a test: see
 * BENCHMARKS.md ("Scale-out").
 *
 * <pre>
 * java -cp ... io.roleradar.app.scale.ScaleOutBenchmark [postings=200000] [workDir] [instanceCounts=1,2,3] [heap=256m]
 * </pre>
 */
public final class ScaleOutBenchmark {
    private static final int PARTITIONS = 6;

    private ScaleOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("roleradar-scale-");
        int[] counts = Arrays.stream((args.length > 2 ? args[2] : "1,2,3").split(",")).mapToInt(Integer::parseInt).toArray();
        String heap = args.length > 3 ? args[3] : "256m";
        Files.createDirectories(work);
        System.out.printf("scale-out run: %,d postings over %d partitions, instances %s at -Xmx%s, %d cores, work folder %s%n",
                n, PARTITIONS, Arrays.toString(counts), heap, Runtime.getRuntime().availableProcessors(), work);

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, work.resolve("broker"), "1g")) {
            String servers = broker.bootstrapServers();
            KafkaSettings settings = KafkaSettings.fromEnv(Map.of()).withBootstrapServers(servers);
            String raw = "scale.raw";
            TopicAdmin.ensureTopics(settings, new Topics(raw, "scale.tagged.0", "scale.dlq.0"), PARTITIONS);
            long loadStart = System.nanoTime();
            new TopicProbe(servers).produceRaw(raw, GeneratedPostings.of("scale"), n);
            System.out.printf("pre-loaded %,d raw postings in %.1f s; %s%n", n, (System.nanoTime() - loadStart) / 1e9,
                    onDisk(servers, raw, n));

            List<Round> rounds = new ArrayList<>();
            for (int r = 0; r < counts.length; r++) {
                rounds.add(round(r + 1, counts[r], n, heap, servers, settings, raw, broker.pid(), work));
            }

            System.out.println();
            System.out.println("| instances | all tagged (from first start) | postings/s | steady postings/s (first to last commit) "
                    + "| CPU: instances + broker | of the instances' CPU: JIT, GC | us CPU a posting (instances, broker) "
                    + "| cores busy | peak RSS per instance | load average start -> end |");
            System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
            for (Round r : rounds) {
                System.out.printf("| %d | %.1f s | %,.0f | %,.0f | %.1f s + %.1f s | %.1f s, %.1f s | %.0f, %.0f | %.2f | %s "
                                + "| %s -> %s |%n",
                        r.instances, r.total.toMillis() / 1000.0, n / (r.total.toMillis() / 1000.0),
                        (n - r.doneAtFirst) / (r.steady.toMillis() / 1000.0), r.instanceCpu, r.brokerCpu, r.jitCpu, r.gcCpu,
                        r.instanceCpu / n * 1e6, r.brokerCpu / n * 1e6,
                        (r.instanceCpu + r.brokerCpu) / (r.total.toMillis() / 1000.0), r.peakRss, r.loadStart, r.loadEnd);
            }
        }
    }

    private static Round round(int number, int instances, int n, String heap, String servers, KafkaSettings settings,
                               String raw, long brokerPid, Path work) throws Exception {
        Topics topics = new Topics(raw, "scale.tagged." + number, "scale.dlq." + number);
        TopicAdmin.ensureTopics(settings, topics, PARTITIONS);
        List<String> shared = List.of("--bootstrap-servers", servers, "--topic-raw", topics.raw(), "--topic-tagged",
                topics.tagged(), "--topic-dlq", topics.deadLetter(), "--partitions", String.valueOf(PARTITIONS),
                "--group", "scale-bench-" + number);
        String loadStart = ProcessUsage.loadAverage();
        double brokerBefore = ProcessUsage.of(brokerPid).cpuSeconds();
        long start = System.nanoTime();
        List<ClassifierInstance> running = new ArrayList<>();
        for (int i = 1; i <= instances; i++) {
            running.add(ClassifierInstance.start("bench-" + number + "-" + i, heap, List.of(), work.resolve("round-" + number),
                    shared));
        }
        long first = 0;
        long doneAtFirst = 0;
        long lastPrinted = 0;
        long deadline = start + Duration.ofMinutes(60).toNanos();
        while (true) {
            long done = 0;
            for (ClassifierInstance i : running) {
                if (!i.isAlive()) {
                    throw new IllegalStateException("instance " + i.id() + " exited early: " + i.tail());
                }
                done += Math.max(0, i.done());
            }
            long now = System.nanoTime();
            if (first == 0 && done > 0) {
                first = now;
                doneAtFirst = done;
            }
            if (done >= n) {
                break;
            }
            if (now > deadline) {
                throw new IllegalStateException("round " + number + " did not tag " + n + " postings within 60 minutes");
            }
            if (done - lastPrinted >= 50_000) {
                System.out.printf("round %d (%d instances): %,d tagged after %.1f s%n", number, instances, done,
                        (now - start) / 1e9);
                lastPrinted = done;
            }
            Thread.sleep(200); // polling the counters
        }
        long end = System.nanoTime();
        double instanceCpu = 0;
        double jit = 0;
        double gc = 0;
        List<String> rss = new ArrayList<>();
        for (ClassifierInstance i : running) {
            ProcessUsage usage = ProcessUsage.of(i.process().pid());
            instanceCpu += usage.cpuSeconds();
            jit += usage.jitSeconds();
            gc += usage.gcSeconds();
            rss.add(usage.peakRssKb() / 1024 + " MiB");
        }
        double brokerCpu = ProcessUsage.of(brokerPid).cpuSeconds() - brokerBefore;
        String loadEnd = ProcessUsage.loadAverage();
        for (ClassifierInstance i : running) {
            i.stop();
        }
        String taggedOnDisk = onDisk(servers, topics.tagged(), n);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
            // A million-posting run would otherwise keep every round's tagged copy on disk.
            admin.deleteTopics(List.of(topics.tagged())).all().get();
        }
        Round r = new Round(instances, Duration.ofNanos(end - start), Duration.ofNanos(end - first), doneAtFirst,
                instanceCpu, jit, gc, brokerCpu, String.join(", ", rss), loadStart, loadEnd);
        System.out.printf("round %d: %d instance(s), %,d postings in %.1f s (%,.0f/s), CPU %.1f s + broker %.1f s, "
                        + "load %s -> %s; %s%n", number, instances, n, r.total.toMillis() / 1000.0,
                n / (r.total.toMillis() / 1000.0), instanceCpu, brokerCpu, loadStart, loadEnd, taggedOnDisk);
        return r;
    }

    /**
     * The topic's size in the broker's log directory (one replica, lz4 batches as the producers
     * wrote them, before any compaction), in all and per posting.
     */
    private static String onDisk(String servers, String topic, int n) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
            long bytes = 0;
            for (var dirs : admin.describeLogDirs(List.of(1)).allDescriptions().get().values()) {
                for (var dir : dirs.values()) {
                    for (var replica : dir.replicaInfos().entrySet()) {
                        if (replica.getKey().topic().equals(topic)) {
                            bytes += replica.getValue().size();
                        }
                    }
                }
            }
            return String.format("%s on disk: %,d bytes, %,d bytes a posting", topic, bytes, bytes / n);
        }
    }

    private record Round(int instances, Duration total, Duration steady, long doneAtFirst, double instanceCpu,
                         double jitCpu, double gcCpu, double brokerCpu, String peakRss, String loadStart, String loadEnd) {
    }
}
