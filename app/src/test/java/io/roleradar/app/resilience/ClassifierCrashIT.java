package io.roleradar.app.resilience;

import io.roleradar.app.RoleradarMain;
import io.roleradar.classifier.ClassifierMain;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.kafka.Topics;
import io.roleradar.testkit.TestKafka;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once under crashes: the classifier runs as its own process over 20,000 raw postings and
 * is killed with SIGKILL at random moments while it tags (at least five times), restarted each
 * time with the same instance id, and finally drained. Whatever transaction each kill cut in
 * half, the read_committed view of the tagged topic holds every posting exactly once, nothing is
 * dead-lettered, and the reporter counts 20,000 postings.
 */
class ClassifierCrashIT {
    private static final int POSTINGS = 20_000;
    private static final int KILLS = 6;

    @Test
    @Timeout(240)
    void everyPostingIsTaggedExactlyOnceAcrossRepeatedKillNine(@TempDir Path work) throws Exception {
        String servers = TestKafka.bootstrapServers();
        Topics topics = new Topics(TestKafka.unique("crash.raw"), TestKafka.unique("crash.tagged"),
                TestKafka.unique("crash.dlq"));
        TopicAdmin.ensureTopics(TestKafka.settings(), topics, 3);
        TopicProbe probe = new TopicProbe(servers);
        String prefix = TestKafka.unique("crash");
        probe.produceRaw(topics.raw(), GeneratedPostings.of(prefix), POSTINGS);

        String group = TestKafka.unique("crash-group");
        String instance = "crash-instance";
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", servers, "--topic-raw", topics.raw(),
                "--topic-tagged", topics.tagged(), "--topic-dlq", topics.deadLetter(), "--group", group,
                "--instance-id", instance,
                // Static membership: the restarted instance takes the dead one's place in the group at once
                // instead of waiting out its session timeout (45 s by default).
                "-X", "group.instance.id=" + instance,
                // Smaller batches mean more transactions per second, so kills land inside open transactions.
                "-X", "max.poll.records=100"));
        Path log = work.resolve("classifier.log");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Long> committedAtKill = new ArrayList<>();

        try (CommittedCounter counter = new CommittedCounter(probe, topics.tagged(), 3)) {
            for (int k = 0; k < KILLS; k++) {
                Process p = ChildJvm.start(ClassifierMain.class.getName(), "256m", log, args);
                try {
                    long before = counter.count();
                    // Kill somewhere between the first new commit and ~2,500 postings later.
                    long killAt = before + 1 + random.nextInt(2_500);
                    awaitCount(counter, killAt, p, log);
                    if (counter.count() >= POSTINGS) {
                        break;
                    }
                    committedAtKill.add(counter.count());
                } finally {
                    p.destroyForcibly();
                    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                }
            }
            assertThat(committedAtKill).as("kills while tagging (seed %d), committed at each kill; log: %s", seed,
                    ChildJvm.tail(log, 3000)).hasSizeGreaterThanOrEqualTo(5).allMatch(c -> c < POSTINGS);

            List<String> drainArgs = new ArrayList<>(args);
            drainArgs.add("--drain");
            Process drain = ChildJvm.start(ClassifierMain.class.getName(), "256m", log, drainArgs);
            assertThat(drain.waitFor(120, TimeUnit.SECONDS)).as("drain finishes; log: %s", ChildJvm.tail(log, 3000))
                    .isTrue();
            assertThat(drain.exitValue()).as(ChildJvm.tail(log, 3000)).isZero();
        }
        System.out.printf("ClassifierCrashIT: seed %d, %d kills with %s postings committed at each%n", seed,
                committedAtKill.size(), committedAtKill);

        Map<String, Integer> perId = probe.committedKeyCounts(topics.tagged());
        Set<String> expected = IntStream.range(0, POSTINGS).mapToObj(n -> prefix + ":" + n).collect(Collectors.toSet());
        assertThat(perId.keySet()).isEqualTo(expected);
        assertThat(perId.entrySet().stream().filter(e -> e.getValue() != 1).map(Map.Entry::getKey).toList())
                .as("ids tagged more than once").isEmpty();
        assertThat(probe.readCommitted(topics.deadLetter())).as("dead letters").isEmpty();

        Path reports = work.resolve("reports");
        assertThat(RoleradarMain.execute("reporter", "run", "--out", reports.toString(), "--bootstrap-servers", servers,
                "--topic-tagged", topics.tagged())).isZero();
        Reports.Counts counts = Reports.counts(reports);
        assertThat(counts.records()).isEqualTo(POSTINGS);
        assertThat(counts.distinctPostings()).isEqualTo(POSTINGS);
        assertThat(counts.replacedByLaterRecord()).isZero();
        assertThat(Reports.postingIds(reports)).hasSize(POSTINGS).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static void awaitCount(CommittedCounter counter, long target, Process p, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (counter.count() < Math.min(target, POSTINGS)) {
            assertThat(p.isAlive()).as("the classifier runs: %s", ChildJvm.tail(log, 3000)).isTrue();
            assertThat(System.nanoTime()).as("the classifier makes progress within 60 s: %s", ChildJvm.tail(log, 3000))
                    .isLessThan(deadline);
            Thread.sleep(5); // polling the counter with a deadline
        }
    }

    /** Counts the committed records of a topic as they appear, from a background read_committed consumer. */
    static final class CommittedCounter implements AutoCloseable {
        private final AtomicLong count = new AtomicLong();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread;

        CommittedCounter(TopicProbe probe, String topic, int partitions) {
            KafkaConsumer<byte[], byte[]> consumer = probe.consumer();
            List<TopicPartition> tps = IntStream.range(0, partitions).mapToObj(i -> new TopicPartition(topic, i)).toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            thread = new Thread(() -> {
                try (consumer) {
                    while (!stop.get()) {
                        count.addAndGet(consumer.poll(Duration.ofMillis(20)).count());
                    }
                }
            }, "committed-counter");
            thread.setDaemon(true);
            thread.start();
        }

        long count() {
            return count.get();
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.join(10_000);
        }
    }
}
