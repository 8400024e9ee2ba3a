package io.roleradar.app.resilience;

import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * What the resilience tests do to and read from topics, the way an outside client would: write raw
 * records (good or poison) straight into a topic, read everything committed in a topic with
 * {@code read_committed}, and count the committed records so far while a service works.
 */
public final class TopicProbe {
    private final String servers;

    public TopicProbe(String servers) {
        this.servers = servers;
    }

    /** Writes postings {@code 0..count-1} of {@code postings} as raw records keyed by id, and waits for every ack. */
    public void produceRaw(String topic, IntFunction<RawPosting> postings, int count) throws Exception {
        awaitLeaders(topic);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            List<Future<?>> pending = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                RawPosting p = postings.apply(n);
                pending.add(producer.send(new ProducerRecord<>(topic, bytes(p.id()), PostingJson.write(p))));
                if (pending.size() >= 5_000) {
                    producer.flush();
                    for (Future<?> f : pending) {
                        f.get(60, TimeUnit.SECONDS);
                    }
                    pending.clear();
                }
            }
            producer.flush();
            for (Future<?> f : pending) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
    }

    /** Writes one record with any key and value (null allowed) to partition {@code partition}, and waits for the ack. */
    public void produce(String topic, int partition, byte[] key, byte[] value) throws Exception {
        awaitLeaders(topic);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, partition, key, value, new RecordHeaders())).get(60, TimeUnit.SECONDS);
        }
    }

    /**
     * A producer for a sequence of writes; the caller closes it and first calls {@link #awaitLeaders}.
     * One request in flight: on a topic created a moment ago, an idempotent producer with five in
     * flight was seen to get NOT_LEADER_OR_FOLLOWER and then OUT_OF_ORDER_SEQUENCE_NUMBER until its
     * delivery timeout.
     */
    public KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", servers, "linger.ms", 10,
                "batch.size", 262_144, "compression.type", "lz4", "max.request.size", 8_388_608,
                "max.in.flight.requests.per.connection", 1),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Waits until every partition of {@code topic} has a leader (a new topic's take a moment). */
    public void awaitLeaders(String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
            while (true) {
                try {
                    TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                            .get(topic);
                    if (d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    // not known yet
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("partitions of " + topic + " have no leader after 60 s");
                }
                Thread.sleep(50); // polling the metadata with a deadline
            }
        }
    }

    /** Everything committed in {@code topic}, from the beginning to the last stable offsets at the call. */
    public List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end offsets " + end + " within 90 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    /** How often each key occurs among the committed records of {@code topic}. */
    public Map<String, Integer> committedKeyCounts(String topic) {
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readCommitted(topic)) {
            counts.merge(r.key() == null ? "<null>" : new String(r.key(), StandardCharsets.UTF_8), 1, Integer::sum);
        }
        return counts;
    }

    /** A read_committed consumer without a group; the caller assigns and closes it. */
    public KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", servers,
                "isolation.level", "read_committed", "enable.auto.commit", false, "max.partition.fetch.bytes", 8_388_608),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
