package io.roleradar.ingest.identity;

import io.roleradar.kafka.KafkaSettings;
import io.roleradar.kafka.TopicAdmin;
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
import java.util.Optional;

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
        return load(settings, topic, timeout, null).state();
    }

    /**
     * Reads the topic up to its current end, starting from the saved checkpoint when there is one of
     * this topic whose positions are still in the topic, else from the beginning.
     *
     * @param checkpointFile where the state is kept between runs, or null for none
     * @return the state, the topic's id (null without a checkpoint file) and the positions read up to
     * @throws IllegalStateException when the end is not reached within {@code timeout}
     */
    public static StateCheckpoint.Saved load(KafkaSettings settings, String topic, Duration timeout,
                                             StateCheckpoint checkpointFile) {
        String topicId = checkpointFile != null ? TopicAdmin.topicId(settings, topic) : null;
        Optional<StateCheckpoint.Saved> checkpoint = checkpointFile != null ? checkpointFile.read() : Optional.empty();
        PublishedState state = new PublishedState();
        Map<String, Object> props = settings.toMap();
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "roleradar-ingest-state");
        // Only committed transactions are what was published; aborted runs are not.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // No group: the whole topic is read by assignment, and no offsets are committed.
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A read to known end offsets: when only a transaction marker is left (the usual case after
        // a checkpoint), the broker should answer at once rather than wait 500 ms for data.
        props.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        props.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        boolean resumed = false;
        Map<Integer, Long> positions = new java.util.TreeMap<>();
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
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            String unusable = checkpoint.isPresent()
                    ? unusable(checkpoint.get(), topicId, consumer.beginningOffsets(partitions, timeout), end) : null;
            if (checkpoint.isPresent() && unusable == null) {
                state = checkpoint.get().state();
                for (TopicPartition tp : partitions) {
                    consumer.seek(tp, checkpoint.get().positions().get(tp.partition()));
                }
                resumed = true;
                LOG.info("dedup state resumed from its checkpoint ({} postings), reading {} from there", state.size(), topic);
            } else {
                if (unusable != null) {
                    LOG.info("checkpoint not used ({}): rebuilding the dedup state from all of {}", unusable, topic);
                }
                consumer.seekToBeginning(partitions);
            }
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
            for (TopicPartition tp : partitions) {
                positions.put(tp.partition(), consumer.position(tp));
            }
        }
        LOG.info("dedup state {} from {} in {} ms: {} records ({} without a fingerprint header, parsed), "
                        + "{} postings known, about {} MB{}", resumed ? "brought up to date" : "rebuilt", topic, (System.nanoTime() - started) / 1_000_000, records,
                parsed, state.size(), state.approximateBytes() >> 20,
                unreadable > 0 ? ", " + unreadable + " unreadable records skipped" : "");
        return new StateCheckpoint.Saved(state, topicId, positions);
    }

    /** Why the checkpoint cannot be used with the topic as it is now, or null when it can. */
    private static String unusable(StateCheckpoint.Saved saved, String topicId, Map<TopicPartition, Long> start,
                                   Map<TopicPartition, Long> end) {
        if (!saved.topicId().equals(topicId)) {
            return "it is of topic id " + saved.topicId() + ", the topic's id is now " + topicId;
        }
        if (saved.positions().size() != end.size()) {
            return "it has " + saved.positions().size() + " partitions, the topic " + end.size();
        }
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            Long at = saved.positions().get(e.getKey().partition());
            if (at == null || at > e.getValue() || at < start.get(e.getKey())) {
                // Beyond the end: the log was truncated. Before the start: records it did not see were deleted.
                return "partition " + e.getKey().partition() + " at " + at + " is outside " + start.get(e.getKey())
                        + ".." + e.getValue();
            }
        }
        return null;
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
