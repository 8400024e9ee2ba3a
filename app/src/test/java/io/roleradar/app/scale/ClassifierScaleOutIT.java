package io.roleradar.app.scale;

import io.roleradar.app.resilience.GeneratedPostings;
import io.roleradar.app.resilience.TopicProbe;
import io.roleradar.kafka.DeadLetters;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.kafka.Topics;
import io.roleradar.testkit.CommittedRecords;
import io.roleradar.testkit.GroupOffsets;
import io.roleradar.testkit.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.roleradar.testkit.CommittedRecords.key;
import static io.roleradar.testkit.CommittedRecords.keysByPartition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out under a crash: the classifier runs as three instances (three processes of
 * {@code classifier run}, each its own instance and transactional id, one consumer group) over a
 * raw topic of six partitions. While they tag a few thousand postings, one instance is killed with
 * SIGKILL; the other two take over its partitions and finish. In the read_committed view of the
 * tagged topic every posting is then there exactly once, each partition in the raw partition's
 * order, and the dead-letter topic holds exactly the six poison records planted among them.
 */
class ClassifierScaleOutIT {
    private static final int POSTINGS = 6_000;
    private static final int PARTITIONS = 6;
    private static final List<String> INSTANCES = List.of("scale-1", "scale-2", "scale-3");
    /** The instance that is killed, once it has committed this many postings of its own. */
    private static final String VICTIM = "scale-2";
    private static final long VICTIM_PROGRESS = 300;
    private static final String POISON = "<html><body>not a posting</body></html>";

    @Test
    @Timeout(300)
    void threeInstancesTagEveryPostingExactlyOnceWhenOneIsKilledMidStream(@TempDir Path work) throws Exception {
        String servers = TestKafka.bootstrapServers();
        Topics topics = new Topics(TestKafka.unique("scale.raw"), TestKafka.unique("scale.tagged"),
                TestKafka.unique("scale.dlq"));
        TopicAdmin.ensureTopics(TestKafka.settings(), topics, PARTITIONS);
        String group = TestKafka.unique("scale-group");
        String prefix = TestKafka.unique("scale");
        List<String> shared = List.of("--bootstrap-servers", servers, "--topic-raw", topics.raw(), "--topic-tagged",
                topics.tagged(), "--topic-dlq", topics.deadLetter(), "--group", group, "--partitions",
                String.valueOf(PARTITIONS),
                // Small batches: many transactions a second, so the kill lands in or near an open one.
                "-X", "max.poll.records=100",
                // Each instance is a static member (group.instance.id = its instance id), which the group
                // keeps until its session times out (45 s by default): the least the broker allows, so the
                // survivors are given the dead instance's partitions within seconds.
                "-X", "session.timeout.ms=6000", "-X", "heartbeat.interval.ms=1000",
                // The dead instance's open transaction holds its partitions' offsets pending: the survivors
                // may read them only once the coordinator has aborted it, after this timeout (60 s by default).
                "-X", "transaction.timeout.ms=10000");

        List<ClassifierInstance> running = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
            for (String id : INSTANCES) {
                running.add(ClassifierInstance.start(id, "256m", List.of("-XX:+UseSerialGC"), work, shared));
            }
            // All three in the group before the postings arrive, so the victim owns partitions with work on them.
            await("three members sharing the six partitions", Duration.ofSeconds(120), running,
                    () -> GroupOffsets.owners(admin, group, topics.raw()).size() == 3
                            && GroupOffsets.owners(admin, group, topics.raw()).values().stream().allMatch(p -> !p.isEmpty()));
            Map<String, Set<Integer>> before = GroupOffsets.owners(admin, group, topics.raw());

            produce(servers, topics.raw(), prefix);

            ClassifierInstance victim = running.get(INSTANCES.indexOf(VICTIM));
            await(VICTIM + " commits " + VICTIM_PROGRESS + " postings", Duration.ofSeconds(120), running,
                    () -> victim.done() >= VICTIM_PROGRESS);
            long committedAtKill = running.stream().mapToLong(ClassifierInstance::done).sum();
            Map<Integer, Long> offsetsAtKill = GroupOffsets.committed(admin, group, true);
            long killedAt = System.nanoTime();
            victim.kill();
            running.remove(victim);
            assertThat(committedAtKill).as("committed postings when %s was killed", VICTIM).isLessThan(POSTINGS);

            await("the two survivors own all six partitions", Duration.ofSeconds(90), running,
                    () -> GroupOffsets.owners(admin, group, topics.raw()).keySet().equals(Set.of("scale-1", "scale-3"))
                            && union(GroupOffsets.owners(admin, group, topics.raw())).size() == PARTITIONS);
            Map<String, Set<Integer>> after = GroupOffsets.owners(admin, group, topics.raw());
            long reassignedAfter = System.nanoTime() - killedAt;
            Set<Integer> victimPartitions = before.get(VICTIM);
            await("commits again on the dead instance's partitions", Duration.ofSeconds(90), running, () -> {
                Map<Integer, Long> now = GroupOffsets.committed(admin, group, true);
                Map<Integer, Long> end = endOffsets(servers, topics.raw(), "read_committed");
                return victimPartitions.stream().allMatch(p -> now.getOrDefault(p, 0L) > offsetsAtKill.getOrDefault(p, 0L)
                        || now.getOrDefault(p, -1L).equals(end.get(p)));
            });
            long resumedAfter = System.nanoTime() - killedAt;
            await("the group's committed offsets reach the end of the raw topic", Duration.ofSeconds(150), running,
                    () -> GroupOffsets.committed(admin, group, true).equals(endOffsets(servers, topics.raw(), "read_committed")));
            long doneAfter = System.nanoTime() - killedAt;
            // The dead instance's open transaction, if the kill cut one after it had written tagged records,
            // holds read_committed readers at its first record until the coordinator aborts it on timeout.
            await("no transaction left open on the tagged topic", Duration.ofSeconds(90), running,
                    () -> endOffsets(servers, topics.tagged(), "read_committed")
                            .equals(endOffsets(servers, topics.tagged(), "read_uncommitted")));
            long settledAfter = System.nanoTime() - killedAt;
            for (ClassifierInstance survivor : running) {
                survivor.stop();
                assertThat(survivor.tail()).as("%s stops cleanly", survivor.id()).contains("stopped (STOPPED)");
            }
            System.out.printf("ClassifierScaleOutIT: partitions before the kill %s, after %s; %d postings committed "
                    + "when %s was killed; after the kill: its partitions reassigned in %.1f s, committed to again in "
                    + "%.1f s, all raw offsets committed in %.1f s, no transaction open on the tagged topic in %.1f s%n",
                    before, after, committedAtKill, VICTIM, reassignedAfter / 1e9, resumedAfter / 1e9, doneAfter / 1e9,
                    settledAfter / 1e9);
        } finally {
            for (ClassifierInstance instance : running) {
                instance.process().destroyForcibly();
            }
        }

        List<ConsumerRecord<byte[], byte[]>> raw = CommittedRecords.read(servers, topics.raw());
        List<ConsumerRecord<byte[], byte[]>> tagged = CommittedRecords.read(servers, topics.tagged());
        Set<String> distinct = tagged.stream().map(r -> key(r)).collect(Collectors.toSet());
        assertThat(tagged).as("committed tagged records, one per posting").hasSize(POSTINGS);
        assertThat(distinct).as("distinct posting ids among them").hasSize(POSTINGS)
                .isEqualTo(IntStream.range(0, POSTINGS).mapToObj(n -> prefix + ":" + n).collect(Collectors.toSet()));
        assertThat(keysByPartition(tagged)).as("each tagged partition holds its raw partition's postings, in order")
                .isEqualTo(keysByPartition(raw.stream().filter(r -> !key(r).startsWith("poison:")).toList()));

        Map<String, String> reasons = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> dead : CommittedRecords.read(servers, topics.deadLetter())) {
            assertThat(reasons.put(key(dead), DeadLetters.header(dead.headers(), DeadLetters.HEADER_REASON)))
                    .as("dead letter %s written once", key(dead)).isNull();
        }
        Map<String, String> expected = new TreeMap<>();
        IntStream.range(0, PARTITIONS).forEach(p -> expected.put("poison:" + p, "MALFORMED_JSON"));
        assertThat(reasons).as("dead letters: the poison records, each once").isEqualTo(expected);

        Map<Integer, Long> committedPerPartition = new TreeMap<>();
        keysByPartition(tagged).forEach((p, keys) -> committedPerPartition.put(p, (long) keys.size()));
        System.out.printf("ClassifierScaleOutIT: tagged records per partition, committed %s; in the log, aborted ones "
                + "included (work the kill or a rebalance cut off) %s%n", committedPerPartition,
                readUncommittedCounts(servers, topics.tagged()));
    }

    /** Half the postings, a poison record on every partition, the other half: the poison sits mid-stream. */
    private static void produce(String servers, String topic, String prefix) throws Exception {
        TopicProbe probe = new TopicProbe(servers);
        int half = POSTINGS / 2;
        probe.produceRaw(topic, GeneratedPostings.of(prefix), half);
        for (int p = 0; p < PARTITIONS; p++) {
            probe.produce(topic, p, ("poison:" + p).getBytes(StandardCharsets.UTF_8), POISON.getBytes(StandardCharsets.UTF_8));
        }
        probe.produceRaw(topic, n -> GeneratedPostings.posting(prefix, half + n), POSTINGS - half);
    }


    private static Set<Integer> union(Map<String, Set<Integer>> owners) {
        Set<Integer> all = new HashSet<>();
        owners.values().forEach(all::addAll);
        return all;
    }


    /** The end offsets a reader with this isolation level sees: the last stable offsets for read_committed. */
    private static Map<Integer, Long> endOffsets(String servers, String topic, String isolation) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", servers,
                "isolation.level", isolation), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, PARTITIONS)
                    .mapToObj(p -> new TopicPartition(topic, p)).toList();
            Map<Integer, Long> end = new TreeMap<>();
            consumer.endOffsets(partitions).forEach((tp, o) -> end.put(tp.partition(), o));
            return end;
        }
    }

    /** Every record in the topic's log, committed, aborted or open: read_uncommitted. */
    private static Map<Integer, Long> readUncommittedCounts(String servers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", servers,
                "isolation.level", "read_uncommitted"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, PARTITIONS)
                    .mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<Integer, Long> counts = new TreeMap<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> counts.merge(r.partition(), 1L, Long::sum));
            }
            return counts;
        }
    }


    /** Polls {@code condition} until it holds, failing on the deadline or when an instance has died. */
    private static void await(String what, Duration timeout, List<ClassifierInstance> instances, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            for (ClassifierInstance i : instances) {
                assertThat(i.isAlive()).as("instance %s runs while waiting for %s: %s", i.id(), what, i.tail()).isTrue();
            }
            if (System.nanoTime() > deadline) {
                Map<String, String> tails = new LinkedHashMap<>();
                instances.forEach(i -> tails.put(i.id(), i.tail()));
                throw new AssertionError("no " + what + " within " + timeout.toSeconds() + " s; logs: " + tails);
            }
            Thread.sleep(100); // polling with a deadline
        }
    }
}
