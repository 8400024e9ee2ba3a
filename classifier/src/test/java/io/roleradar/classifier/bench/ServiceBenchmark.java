package io.roleradar.classifier.bench;

import io.roleradar.classifier.ClassifierMain;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.kafka.Topics;
import io.roleradar.testkit.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The classifier service end to end on the embedded broker (a harness, not a test): the real
 * postings of {@code shared/data}, copied {@code copies} times with new ids, are produced to a raw
 * topic; then, in this JVM (run it with {@code -Xmx256m}), a bare {@code read_committed} consume of
 * that topic (the floor) and a {@code classifier --drain} run over it are timed. Run from the
 * module's test class path (see BENCHMARKS.md).
 */
public final class ServiceBenchmark {
    private ServiceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<byte[]> postings = ClassifierBenchmark.load(data);
        Topics topics = new Topics(TestKafka.unique("bench-raw"), TestKafka.unique("bench-tagged"), TestKafka.unique("bench-dlq"));
        TopicAdmin.ensureTopics(TestKafka.settings(), topics, 3);
        Map<String, Object> props = TestKafka.settings().toMap();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        int total = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (int c = 0; c < copies; c++) {
                for (byte[] json : postings) {
                    String text = new String(json, StandardCharsets.UTF_8);
                    // A new id per copy, so compaction and the service see distinct postings.
                    String id = "bench-" + c + "-" + total;
                    String value = text.replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\"" + id + "\"");
                    producer.send(new ProducerRecord<>(topics.raw(), id.getBytes(StandardCharsets.UTF_8),
                            value.getBytes(StandardCharsets.UTF_8)));
                    total++;
                }
            }
            producer.flush();
        }
        long floorStart = System.nanoTime();
        long consumed = consumeAll(topics.raw());
        double floorSeconds = (System.nanoTime() - floorStart) / 1e9;

        long start = System.nanoTime();
        int exit = new CommandLine(new ClassifierMain(Map.of())).execute("--bootstrap-servers", TestKafka.bootstrapServers(),
                "--topic-raw", topics.raw(), "--topic-tagged", topics.tagged(), "--topic-dlq", topics.deadLetter(),
                "--group", TestKafka.unique("bench-group"), "--instance-id", "bench", "--drain");
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%d raw postings (%d real x %d), max heap %d MiB, exit %d%n", total, postings.size(),
                copies, Runtime.getRuntime().maxMemory() >> 20, exit);
        System.out.printf(Locale.ROOT, "floor: bare read_committed consume   %,9.0f postings/s (%d in %.1f s)%n",
                consumed / floorSeconds, consumed, floorSeconds);
        System.out.printf(Locale.ROOT, "classifier --drain (exactly once)     %,9.0f postings/s (%.1f s, incl. start-up and group join)  ratio %.2f%n",
                total / seconds, seconds, (total / seconds) / (consumed / floorSeconds));
        System.exit(0);
    }

    private static long consumeAll(String topic) {
        Map<String, Object> props = TestKafka.settings().toMap();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        long n = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                n += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        return n;
    }
}
