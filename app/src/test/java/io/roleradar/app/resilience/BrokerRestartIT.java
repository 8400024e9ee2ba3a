package io.roleradar.app.resilience;

import io.roleradar.broker.EmbeddedKafkaBroker;
import io.roleradar.classifier.ClassifierMain;
import io.roleradar.ingest.IngestMain;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.kafka.KafkaSettings;
import io.roleradar.kafka.Topics;
import io.roleradar.model.PostingJson;
import io.roleradar.testkit.TestKafka;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker goes down (SIGKILL) and comes back on the same port and data while ingest publishes
 * and while the classifier tags; both run as their own processes and are left alone: no restart,
 * no manual step. Each posting still ends up in {@code postings.raw} and {@code postings.tagged}
 * exactly once. Runs on a broker of its own, since it kills it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerRestartIT {
    private static final int POSTINGS = 10_000;
    private EmbeddedKafkaBroker broker;

    @BeforeAll
    void startOwnBroker() {
        broker = EmbeddedKafkaBroker.start(0, null);
    }

    @AfterAll
    void stopOwnBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Timeout(240)
    void ingestPublishesEveryPostingOnceWhenTheBrokerIsKilledAndRestartedMidRun(@TempDir Path work) throws Exception {
        Topics topics = topics("restart-ingest");
        String prefix = TestKafka.unique("ingest-restart");
        Path source = work.resolve("postings.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(source)) {
            for (int n = 0; n < POSTINGS; n++) {
                out.write(PostingJson.writeLine(GeneratedPostings.posting(prefix, n)));
                out.write('\n');
            }
        }
        Path log = work.resolve("ingest.log");
        Process ingest = ChildJvm.start(IngestMain.class.getName(), "256m", log, List.of("run", "--source",
                source.toString(), "--bootstrap-servers", broker.bootstrapServers(), "--topic-raw", topics.raw(),
                "--transactional-id",
                TestKafka.unique("ingest-tx")));
        try {
            // Kill the broker once the run's transaction has records on the log but is not committed.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            long written;
            try (KafkaConsumer<byte[], byte[]> uncommitted = uncommittedConsumer()) {
                List<TopicPartition> tps = IntStream.range(0, 3).mapToObj(i -> new TopicPartition(topics.raw(), i)).toList();
                while ((written = uncommitted.endOffsets(tps).values().stream().mapToLong(Long::longValue).sum()) == 0) {
                    assertThat(ingest.isAlive()).as("ingest runs: %s", ChildJvm.tail(log, 3000)).isTrue();
                    assertThat(System.nanoTime()).as("ingest starts publishing within 90 s").isLessThan(deadline);
                    Thread.sleep(5); // polling the log end with a deadline
                }
            }
            broker.kill();
            System.out.println("BrokerRestartIT: broker killed with " + written + " records of ingest's open transaction "
                    + "on the log; ingest alive: " + ingest.isAlive());
            broker.restart();
            assertThat(ingest.waitFor(180, TimeUnit.SECONDS)).as("ingest finishes; log: %s", ChildJvm.tail(log, 4000))
                    .isTrue();
            assertThat(ingest.exitValue()).as("ingest exit code; log: %s", ChildJvm.tail(log, 4000)).isZero();
        } finally {
            ingest.destroyForcibly();
            ingest.waitFor(30, TimeUnit.SECONDS);
        }
        Map<String, Integer> perId = new TopicProbe(broker.bootstrapServers()).committedKeyCounts(topics.raw());
        assertThat(perId.keySet()).isEqualTo(ids(prefix));
        assertThat(perId.values()).containsOnly(1);
    }

    @Test
    @Timeout(240)
    void theClassifierTagsEveryPostingOnceWhenTheBrokerIsKilledAndRestartedMidStream(@TempDir Path work)
            throws Exception {
        Topics topics = topics("restart-classify");
        String prefix = TestKafka.unique("classify-restart");
        TopicProbe probe = new TopicProbe(broker.bootstrapServers());
        probe.produceRaw(topics.raw(), GeneratedPostings.of(prefix), POSTINGS);
        Path log = work.resolve("classifier.log");
        Process classifier = ChildJvm.start(ClassifierMain.class.getName(), "256m", log, List.of("--bootstrap-servers",
                broker.bootstrapServers(), "--topic-raw", topics.raw(), "--topic-tagged", topics.tagged(), "--topic-dlq",
                topics.deadLetter(), "--group", TestKafka.unique("restart-group"), "--instance-id", "restart-1",
                "--drain"));
        long atKill;
        try {
            try (ClassifierCrashIT.CommittedCounter counter = new ClassifierCrashIT.CommittedCounter(probe, topics.tagged(), 3)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (counter.count() < 2_000) {
                    assertThat(classifier.isAlive()).as("the classifier runs: %s", ChildJvm.tail(log, 3000)).isTrue();
                    assertThat(System.nanoTime()).as("the classifier tags within 90 s").isLessThan(deadline);
                    Thread.sleep(5); // polling the counter with a deadline
                }
                atKill = counter.count();
            }
            assertThat(atKill).as("the broker dies mid-stream").isLessThan(POSTINGS);
            broker.kill();
            System.out.println("BrokerRestartIT: broker killed with " + atKill + " postings tagged");
            broker.restart();
            assertThat(classifier.waitFor(180, TimeUnit.SECONDS)).as("the classifier drains; log: %s",
                    ChildJvm.tail(log, 4000)).isTrue();
            assertThat(classifier.exitValue()).as("classifier exit code; log: %s", ChildJvm.tail(log, 4000)).isZero();
        } finally {
            classifier.destroyForcibly();
            classifier.waitFor(30, TimeUnit.SECONDS);
        }
        Map<String, Integer> perId = probe.committedKeyCounts(topics.tagged());
        assertThat(perId.keySet()).isEqualTo(ids(prefix));
        assertThat(perId.entrySet().stream().filter(e -> e.getValue() != 1).map(Map.Entry::getKey).toList())
                .as("ids tagged more than once").isEmpty();
    }

    private Topics topics(String name) {
        Topics topics = new Topics(TestKafka.unique(name + ".raw"), TestKafka.unique(name + ".tagged"),
                TestKafka.unique(name + ".dlq"));
        TopicAdmin.ensureTopics(KafkaSettings.fromEnv(Map.of()).withBootstrapServers(broker.bootstrapServers()), topics, 3);
        return topics;
    }

    private KafkaConsumer<byte[], byte[]> uncommittedConsumer() {
        return new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
                "isolation.level", "read_uncommitted"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static Set<String> ids(String prefix) {
        return IntStream.range(0, POSTINGS).mapToObj(n -> prefix + ":" + n).collect(Collectors.toSet());
    }
}
