package io.roleradar.reporter.bench;

import io.roleradar.broker.EmbeddedKafkaBroker;
import io.roleradar.kafka.KafkaSettings;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.kafka.Topics;
import io.roleradar.reporter.ReporterMain;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code reporter follow} saves: N synthetic postings on an embedded broker (3 partitions),
 * then in this JVM a batch {@code reporter run}, a first {@code reporter follow --once} (one
 * projector decoding everything, then the writer filling its store and folding it), M more postings,
 * a second {@code follow --once} (the projector and the writer only see the M) and a batch run
 * again. Wall time and this JVM's CPU per step (the broker runs in it too, so CPU includes its
 * share). {@code java -cp TEST_CLASSPATH io.roleradar.reporter.bench.FollowBenchmark} with
 * {@code -Dbench.postings=100000 -Dbench.more=1000}.
 */
public final class FollowBenchmark {
    private FollowBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int postings = Integer.getInteger("bench.postings", 100_000);
        int more = Integer.getInteger("bench.more", 1_000);
        Path work = Files.createTempDirectory("follow-bench-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null, "1g")) {
            String servers = broker.bootstrapServers();
            KafkaSettings settings = KafkaSettings.fromEnv(Map.of()).withBootstrapServers(servers);
            Topics topics = new Topics("fb.raw", "fb.tagged", "fb.dlq");
            TopicAdmin.ensureTopics(settings, topics, 3);
            SyntheticPostings generator = new SyntheticPostings(42, 3000);
            SyntheticTopic.produce(settings, topics.tagged(), generator, 0, postings);
            String[] kafka = {"--bootstrap-server", servers, "--topic-tagged", topics.tagged()};
            String[] follow = {"follow", "--once", "--instance-id", "bench", "--state-dir", work.resolve("state").toString(),
                    "--out-dir", work.resolve("follow").toString()};
            Path batch = work.resolve("batch");
            Path followed = work.resolve("follow");
            String[] run = concat(new String[] {"run", "--out-dir", batch.toString()}, kafka);
            step("batch run, " + postings + " postings (cold JVM)", () -> ReporterMain.execute(run));
            step("batch run, " + postings + " postings (warm)", () -> ReporterMain.execute(run));
            step("follow --once, first (projects and stores all)", () -> ReporterMain.execute(concat(follow, kafka)));
            int total = postings;
            for (int round = 1; round <= 2; round++) {
                SyntheticTopic.produce(settings, topics.tagged(), generator, total, more);
                total += more;
                step("follow --once, after " + more + " more (" + total + ")", () -> ReporterMain.execute(concat(follow, kafka)));
                step("batch run, " + total + " postings", () -> ReporterMain.execute(run));
            }
            boolean equal = true;
            for (String csv : io.roleradar.reporter.output.CsvReports.FILES) {
                equal &= Files.readString(batch.resolve(csv)).equals(Files.readString(followed.resolve(csv)));
            }
            System.out.println("BENCH every CSV of the last follow report equals the last batch run's: " + equal);
        }
    }

    private interface Step {
        int run() throws Exception;
    }

    private static void step(String name, Step step) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        int code = step.run();
        System.out.printf(Locale.ROOT, "BENCH %-50s exit %d  wall %6.1f s  JVM CPU %6.1f s%n", name, code,
                (System.nanoTime() - wall) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
