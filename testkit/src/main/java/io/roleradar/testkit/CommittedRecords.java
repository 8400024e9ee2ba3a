package io.roleradar.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@code read_committed} reader sees in a topic: every partition read from the beginning to
 * the end offsets at the time of the call, with a deadline, so tests never wait with fixed sleeps.
 */
public final class CommittedRecords {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private CommittedRecords() {
    }

    /** Every committed record of the topic, keys and values as bytes. */
    public static List<ConsumerRecord<byte[], byte[]>> read(String bootstrapServers, String topic) {
        return read(bootstrapServers, topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Every committed record of the topic, in partition order.
     *
     * @throws AssertionError when the end is not reached within 60 s
     */
    public static <K, V> List<ConsumerRecord<K, V>> read(String bootstrapServers, String topic,
                                                         Deserializer<K> keys, Deserializer<V> values) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within " + DEADLINE.toSeconds() + " s");
                }
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
        }
        return records;
    }

    /** The keys of {@code records} as UTF-8 text, by partition, in the order they were read. */
    public static Map<Integer, List<String>> keysByPartition(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<Integer, List<String>> keys = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            keys.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(key(r));
        }
        return keys;
    }

    /** A record's key as UTF-8 text. */
    public static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }
}
