package io.roleradar.reporter.follow;

import io.micrometer.core.instrument.Metrics;
import io.roleradar.kafka.ExactlyOnceLoop;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.reporter.Fixtures;
import io.roleradar.reporter.aggregate.FactsMessage;
import io.roleradar.testkit.CommittedRecords;
import io.roleradar.testkit.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static io.roleradar.testkit.CommittedRecords.key;
import static io.roleradar.testkit.CommittedRecords.keysByPartition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projector is exactly once across the death of an instance mid-transaction: an instance stops
 * dead (frozen, as a process paused or cut off from the broker) after sending the facts of its third
 * batch and before committing it; a new process of the same instance id takes over, fences it
 * (aborting its open transaction) and projects the rest. In the read_committed view of the facts
 * topic every tagged record then has exactly one facts record, in its partition and order, and the
 * old instance, woken, finds itself fenced and stops without writing anything more.
 */
class ProjectorExactlyOnceIT {
    private static final int PARTITIONS = 2;

    @Test
    @Timeout(120)
    void aNewInstanceFencesOneFrozenMidTransactionAndEveryTaggedRecordHasExactlyOneCommittedFactsRecord()
            throws Exception {
        String tagged = TestKafka.unique("eo.tagged");
        String facts = TestKafka.unique("eo.facts");
        String group = TestKafka.unique("eo-group");
        FollowTopics.create(tagged, PARTITIONS);
        TopicAdmin.ensureFactsTopic(TestKafka.settings(), tagged, facts);
        int sent = 0;
        try (KafkaProducer<byte[], byte[]> producer = FollowTopics.producer()) {
            for (String name : List.of(Fixtures.BASIC, Fixtures.PROCESS, Fixtures.SNAPSHOT_1, Fixtures.SNAPSHOT_2,
                    Fixtures.UNREADABLE)) {
                sent += FollowTopics.sendLines(producer, tagged, Fixtures.lines(name));
            }
            FollowTopics.tombstone(producer, tagged, "greenhouse:acme:1");
            sent++;
        }
        // Small batches: several transactions, the third one cut off.
        ProjectorConfig config = new ProjectorConfig(TestKafka.settings().with(Map.of("max.poll.records", "4",
                "session.timeout.ms", "6000", "heartbeat.interval.ms", "1000")), tagged, facts, group, "eo-1", false);
        CountDownLatch frozen = new CountDownLatch(1);
        CountDownLatch wake = new CountDownLatch(1);
        Projector zombie = new Projector(config, Metrics.globalRegistry, batch -> {
            if (batch == 3) {
                frozen.countDown();
                wake.await();
            }
        });
        Thread zombieThread = new Thread(zombie, "zombie");
        zombieThread.start();
        Projector successor = null;
        Thread successorThread = null;
        try {
            assertThat(frozen.await(60, java.util.concurrent.TimeUnit.SECONDS)).as("the third batch sent").isTrue();
            FollowTopics.await("the frozen transaction's records in the facts log", Duration.ofSeconds(30), () -> {
                try {
                    return !FollowTopics.endOffsets(facts, PARTITIONS, IsolationLevel.READ_UNCOMMITTED)
                            .equals(FollowTopics.endOffsets(facts, PARTITIONS, IsolationLevel.READ_COMMITTED));
                } catch (Exception e) {
                    return false;
                }
            });
            long committedBefore = zombie.projected();
            assertThat(committedBefore).as("two batches committed before the freeze").isPositive().isLessThan(sent);

            successor = new Projector(config, Metrics.globalRegistry);
            successorThread = new Thread(successor, "successor");
            successorThread.start();
            FollowTopics.await("the successor committing every tagged record", Duration.ofSeconds(60), () -> {
                try {
                    return FollowTopics.projected(group, tagged, PARTITIONS);
                } catch (Exception e) {
                    return false;
                }
            });
            wake.countDown();
            zombieThread.join(30_000);
            assertThat(zombie.outcome()).as("the woken instance").isEqualTo(ExactlyOnceLoop.Outcome.FENCED);
            assertThat(zombie.projected()).as("it committed nothing after waking").isEqualTo(committedBefore);
            assertThat(zombie.projected() + successor.projected()).as("records committed by both").isEqualTo(sent);
        } finally {
            wake.countDown();
            if (successor != null) {
                successor.stop(Duration.ofSeconds(30));
                successorThread.join(10_000);
            }
            zombie.stop(Duration.ofSeconds(30));
        }

        List<ConsumerRecord<byte[], byte[]>> in = CommittedRecords.read(TestKafka.bootstrapServers(), tagged);
        List<ConsumerRecord<byte[], byte[]>> out = CommittedRecords.read(TestKafka.bootstrapServers(), facts);
        assertThat(in).hasSize(sent);
        assertThat(keysByPartition(out)).as("the committed facts: each tagged record once, same partition, same order")
                .isEqualTo(keysByPartition(in));
        for (int i = 0; i < in.size(); i++) {
            // Tombstones stay tombstones; the rest carry facts or a rejection.
            ConsumerRecord<byte[], byte[]> r = in.get(i);
            if (r.value() == null) {
                assertThat(out.stream().filter(o -> o.partition() == r.partition() && o.value() == null)
                        .map(CommittedRecords::key)).contains(key(r));
            }
        }
        assertThat(out.stream().filter(r -> FactsMessage.isRejected(r.value())).count())
                .as("the unreadable fixture lines, rejected once each").isEqualTo(4);
        long inLog = FollowTopics.endOffsets(facts, PARTITIONS, IsolationLevel.READ_UNCOMMITTED).values().stream()
                .mapToLong(Long::longValue).sum();
        assertThat(inLog).as("the facts log holds the aborted batch too (and transaction markers)")
                .isGreaterThan(out.size());
    }

}
