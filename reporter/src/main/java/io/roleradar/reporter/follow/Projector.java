package io.roleradar.reporter.follow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.roleradar.kafka.ExactlyOnceLoop;
import io.roleradar.kafka.ExactlyOnceLoop.BeforeCommit;
import io.roleradar.kafka.ExactlyOnceLoop.Outcome;
import io.roleradar.model.PostingJson;
import io.roleradar.reporter.aggregate.Decoded;
import io.roleradar.reporter.aggregate.FactsMessage;
import io.roleradar.reporter.aggregate.Interner;
import io.roleradar.reporter.aggregate.PostingFacts;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The projector of {@code reporter follow}: the costly part of a report, decoding each tagged
 * posting with the model's codec, done once per record and spread over the tagged topic's
 * partitions by a consumer group. Each record becomes one record of the facts topic with the same
 * key, in the same partition number (so one posting's records keep their order), carrying the
 * compact facts ({@link FactsMessage}); a tombstone stays a tombstone, and a record the codec
 * refuses becomes a "rejected" facts record with its place and reason, so the report counts it as a
 * batch run does. Exactly once, in the {@link ExactlyOnceLoop}. A facts partition never written
 * (a facts topic new or created again) is filled from the tagged partition's beginning, whatever
 * the group committed while it filled another facts topic ({@link #readFromBeginning}).
 */
public final class Projector implements Runnable, ExactlyOnceLoop.Transform {
    /** Batches smaller than this are decoded on the polling thread; bigger ones on every core. */
    private static final int PARALLEL_FROM = 64;

    private final ProjectorConfig config;
    private final ExactlyOnceLoop loop;
    private final AtomicLong projected = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong lag = new AtomicLong();
    private final Counter projectedMeter;
    private final Counter rejectedMeter;

    public Projector(ProjectorConfig config, MeterRegistry registry) {
        this(config, registry, BeforeCommit.NONE);
    }

    Projector(ProjectorConfig config, MeterRegistry registry, BeforeCommit beforeCommit) {
        this.config = config;
        // Tagged by instance, so several projectors in one JVM (tests) or one registry keep their own.
        this.projectedMeter = Counter.builder("roleradar.reporter.follow.projected")
                .description("Facts records this projector committed, rejected ones included")
                .tag("instance", config.instanceId()).register(registry);
        this.rejectedMeter = Counter.builder("roleradar.reporter.follow.rejected")
                .description("Tagged records the codec refused, committed as rejections")
                .tag("instance", config.instanceId()).register(registry);
        Gauge.builder("roleradar.reporter.follow.lag", lag, AtomicLong::get)
                .description("Tagged records of this projector's partitions not read yet")
                .tag("instance", config.instanceId()).register(registry);
        this.loop = new ExactlyOnceLoop(new ExactlyOnceLoop.Settings(config.settings(), "reporter-follow",
                config.taggedTopic(), config.group(), config.instanceId(), config.drain()), this, registry, beforeCommit);
    }

    @Override
    public void run() {
        loop.run();
    }

    @Override
    public ExactlyOnceLoop.Output apply(List<ConsumerRecord<byte[], byte[]>> batch) {
        Interner interner = new Interner(); // per batch: nothing to share over time, and no growth
        List<ProducerRecord<byte[], byte[]>> out = (batch.size() < PARALLEL_FROM ? batch.stream()
                : batch.parallelStream()).map(r -> factsRecord(r, interner)).toList();
        long rejectedHere = out.stream().filter(r -> FactsMessage.isRejected(r.value())).count();
        return new ExactlyOnceLoop.Output(out, () -> {
            projected.addAndGet(out.size());
            rejected.addAndGet(rejectedHere);
            projectedMeter.increment(out.size());
            rejectedMeter.increment(rejectedHere);
        });
    }

    /**
     * The tagged partitions whose facts partition was never written: a facts topic new or created
     * again. The group's offsets tell how far the tagged topic was projected into the facts topic
     * they were committed with; used for an empty one they would skip every posting projected
     * before, so those partitions are projected from the tagged topic's beginning instead. Facts
     * partition p is written only from tagged partition p, by its owner, and the loop commits the
     * new start before sending anything, so the answer cannot change under this instance's feet.
     * The end offsets are read uncommitted: an aborted or open transaction has written too.
     */
    @Override
    public Set<TopicPartition> readFromBeginning(Collection<TopicPartition> assigned) {
        Map<TopicPartition, TopicPartition> factsOf = new HashMap<>();
        for (TopicPartition tp : assigned) {
            factsOf.put(tp, new TopicPartition(config.factsTopic(), tp.partition()));
        }
        Map<String, Object> props = config.settings().toMap();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "roleradar-reporter-follow-" + config.instanceId() + "-facts-ends");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        Map<TopicPartition, Long> ends;
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            ends = c.endOffsets(factsOf.values(), Duration.ofSeconds(60));
        }
        Set<TopicPartition> fromBeginning = new HashSet<>();
        factsOf.forEach((tagged, facts) -> {
            if (ends.getOrDefault(facts, -1L) == 0) {
                fromBeginning.add(tagged);
            }
        });
        return fromBeginning;
    }

    @Override
    public void lag(long records) {
        lag.set(records);
    }

    @Override
    public String progress() {
        return projected.get() + " facts records, " + rejected.get() + " of them rejected";
    }

    /**
     * The facts record of one tagged record: same partition number, same key. A key the tagged
     * topic lacks (possible only on a topic that is not compacted) is the posting's id, or for a
     * refused value its place, since a compacted topic takes no record without a key.
     */
    private ProducerRecord<byte[], byte[]> factsRecord(ConsumerRecord<byte[], byte[]> r, Interner interner) {
        Decoded d = Decoded.of(r.key(), r.value(), () -> r.topic() + "-" + r.partition() + "@" + r.offset(),
                value -> PostingFacts.of(PostingJson.readTagged(value), interner));
        byte[] key = r.key();
        if (key == null) {
            key = (d instanceof Decoded.Readable readable ? readable.facts().id()
                    : "unreadable:" + ((Decoded.Unreadable) d).where()).getBytes(StandardCharsets.UTF_8);
        }
        return new ProducerRecord<>(config.factsTopic(), r.partition(), key, FactsMessage.encode(d));
    }

    /** Asks the loop to stop (from another thread) and waits up to {@code timeout}; true when it has. */
    public boolean stop(Duration timeout) throws InterruptedException {
        return loop.stop(timeout);
    }

    /** Waits until the loop has ended; true when it has within {@code timeout}. */
    public boolean await(Duration timeout) throws InterruptedException {
        return loop.await(timeout);
    }

    public Outcome outcome() {
        return loop.outcome();
    }

    /** Facts records this instance committed (rejected ones included). */
    public long projected() {
        return projected.get();
    }

    /** Of those, records the codec refused. */
    public long rejected() {
        return rejected.get();
    }

    /** The tagged partitions this instance owns now. */
    public Set<TopicPartition> assignment() {
        return loop.assignment();
    }
}
