package io.roleradar.ingest.identity;

import io.roleradar.kafka.KafkaSettings;
import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.PostingJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds {@link PublishedState} from the compacted {@code postings.raw} topic: the latest
 * committed value per key is what was published, so reading the topic from the start gives the
 * dedup state without a local store, and a new instance (or a restarted one) continues where the
 * last one stopped. Records ingest wrote carry their {@link Fingerprint} in a header, so the
 * rebuild reads headers, not values, and costs about what a bare consume of the topic costs. Reads with {@code isolation.level=read_committed}, so an aborted run's records
 * do not count.
 */
public final class TopicStateLoader {
    private static final Logger LOG = LoggerFactory.getLogger(TopicStateLoader.class);

    private TopicStateLoader() {
    }

    /**
     * Reads the topic up to its current end.
     *
     * @throws IllegalStateException when the end is not reached within {@code timeout}
     */
    public static PublishedState load(KafkaSettings settings, String topic, Duration timeout) {
        PublishedState state = new PublishedState();
        Map<String, Object> props = settings.toMap();
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "roleradar-ingest-state");
        // Only committed transactions are what was published; aborted runs are not.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // No group: the whole topic is read by assignment, and no offsets are committed.
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        int records = 0;
        int parsed = 0;
        int unreadable = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, timeout)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + timeout.toSeconds()
                            + " s to rebuild the dedup state");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    if (record.value() == null) {
                        state.forget(record.key());
                        continue;
                    }
                    Header header = record.headers().lastHeader(Fingerprint.HEADER);
                    Fingerprint fingerprint = header == null ? null : Fingerprint.fromHeader(header.value());
                    if (fingerprint != null && record.key() != null) {
                        // Written by ingest: the header says all the state needs, no need to parse the value.
                        state.remember(record.key(), fingerprint);
                        continue;
                    }
                    try {
                        parsed++;
                        state.remember(PostingJson.readRaw(record.value()));
                    } catch (InvalidMessageException e) {
                        // Someone else's bad record: it cannot be a duplicate of anything we publish.
                        unreadable++;
                    }
                }
            }
        }
        LOG.info("dedup state rebuilt from {} in {} ms: {} records ({} without a fingerprint header, parsed), "
                        + "{} postings known, about {} MB{}", topic, (System.nanoTime() - started) / 1_000_000, records,
                parsed, state.size(), state.approximateBytes() >> 20,
                unreadable > 0 ? ", " + unreadable + " unreadable records skipped" : "");
        return state;
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
