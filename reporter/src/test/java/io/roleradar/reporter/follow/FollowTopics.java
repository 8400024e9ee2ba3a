package io.roleradar.reporter.follow;

import com.fasterxml.jackson.databind.JsonNode;
import io.roleradar.model.PostingJson;
import io.roleradar.testkit.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Tagged topics made of the reporter's fixture lines, and what a follow test waits for, on the test broker. */
final class FollowTopics {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private FollowTopics() {
    }

    static void create(String topic, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
    }

    static KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> props = TestKafka.settings().toMap();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Sends each non-blank line keyed by the posting id in it (or {@code junk:N} when it names none),
     * as the classifier keys the tagged topic; the default partitioner spreads them over the partitions.
     */
    static int sendLines(KafkaProducer<byte[], byte[]> producer, String topic, List<String> lines) throws Exception {
        int sent = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = ID.matcher(line);
            String key = m.find() ? m.group(1) : "junk:" + sent;
            producer.send(new ProducerRecord<>(topic, bytes(key), bytes(line))).get();
            sent++;
        }
        return sent;
    }

    static void tombstone(KafkaProducer<byte[], byte[]> producer, String topic, String id) throws Exception {
        producer.send(new ProducerRecord<>(topic, bytes(id), null)).get();
    }

    /** The raw posting inside a tagged line: what ingest writes, put where a tagged one belongs. */
    static String rawPostingOf(String taggedLine) {
        JsonNode posting = PostingJson.tree(taggedLine).get("posting");
        return posting.toString();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Admin admin() {
        return Admin.create(Map.<String, Object>of("bootstrap.servers", TestKafka.bootstrapServers()));
    }

    /** End offsets by partition, as a reader with {@code isolation} sees them. */
    static Map<Integer, Long> endOffsets(String topic, int partitions, IsolationLevel isolation) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> specs = IntStream.range(0, partitions).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
            Map<Integer, Long> out = new TreeMap<>();
            admin.listOffsets(specs, new org.apache.kafka.clients.admin.ListOffsetsOptions(isolation)).all()
                    .get(30, TimeUnit.SECONDS).forEach((tp, info) -> out.put(tp.partition(), info.offset()));
            return out;
        }
    }

    /** The group's stable committed offsets on {@code topic} by partition (empty while one is pending). */
    static Map<Integer, Long> committed(String group, String topic) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group,
                    new ListConsumerGroupOffsetsOptions().requireStable(true)).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            Map<Integer, Long> out = new TreeMap<>();
            offsets.forEach((tp, o) -> {
                if (o != null && tp.topic().equals(topic)) {
                    out.put(tp.partition(), o.offset());
                }
            });
            return out;
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** Whether the group has committed every tagged record (the projectors are done with what is there). */
    static boolean projected(String group, String tagged, int partitions) throws Exception {
        return committed(group, tagged).equals(endOffsets(tagged, partitions, IsolationLevel.READ_COMMITTED));
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
