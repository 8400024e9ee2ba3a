package io.roleradar.reporter.bench;

import io.roleradar.kafka.KafkaSettings;
import io.roleradar.reporter.input.TopicSnapshotReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's baseline: the same snapshot read as the reporter's (same consumer settings,
 * beginning to end offsets) that only counts records and bytes, so the ratio isolates what the
 * reporter adds (decoding, aggregation, writing). Prints {@code records bytes millis}, then the
 * JVM's CPU time.
 */
public final class BareConsume {
    private BareConsume() {
    }

    public static void main(String[] args) {
        String servers = args[0];
        String topic = args[1];
        long started = System.nanoTime();
        Map<String, Object> props = TopicSnapshotReader.consumerProps(KafkaSettings.fromEnv(Map.of()).withBootstrapServers(servers));
        long records = 0;
        long bytes = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            consumer.seekToBeginning(partitions);
            while (!end.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    bytes += r.value() == null ? 0 : r.value().length;
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        System.out.println(records + " " + bytes + " " + (System.nanoTime() - started) / 1_000_000);
        ThreadCpu.print();
        System.out.println("cpu_ms=" + ReportChild.cpuMillis());
    }
}
