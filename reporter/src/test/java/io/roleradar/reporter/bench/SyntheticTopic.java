package io.roleradar.reporter.bench;

import io.roleradar.kafka.KafkaSettings;
import io.roleradar.model.PostingJson;
import io.roleradar.model.TaggedPosting;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** Fills a topic with {@link SyntheticPostings}, as every reporter benchmark sets up its input. */
final class SyntheticTopic {
    private SyntheticTopic() {
    }

    /**
     * Sends postings {@code from} to {@code from + count - 1} of {@code generator}, keyed by id, in
     * big lz4 batches (the set-up, not what is measured), and returns the bytes of their values.
     */
    static long produce(KafkaSettings settings, String topic, SyntheticPostings generator, int from, int count)
            throws Exception {
        Map<String, Object> props = settings.toMap();
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long bytes = 0;
        long started = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = from; i < from + count; i++) {
                TaggedPosting p = generator.next(i);
                byte[] value = PostingJson.write(p);
                bytes += value.length;
                producer.send(new ProducerRecord<>(topic, p.id().getBytes(StandardCharsets.UTF_8), value));
                if ((i - from + 1) % 200_000 == 0) {
                    System.out.printf(Locale.ROOT, "produced %,d%n", i - from + 1);
                }
            }
            producer.flush();
        }
        System.out.printf(Locale.ROOT, "produced %,d postings (%.0f MB of values, lz4 batches) in %,d ms%n",
                count, bytes / 1e6, (System.nanoTime() - started) / 1_000_000);
        return bytes;
    }
}
