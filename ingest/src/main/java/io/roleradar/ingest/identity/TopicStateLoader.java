package io.roleradar.ingest.identity;

import io.roleradar.kafka.KafkaSettings;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.PostingJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Brings a {@link PostingStore} up to date with the compacted {@code postings.raw} topic, the
 * source of truth: from the positions the store covers when it is of this topic (same topic id,
 * every position still between the log start and the end), else from the beginning after clearing
 * it (a new folder, a deleted and recreated topic, records deleted before they were read). The
 * latest committed value per key is what was published; records ingest wrote carry their
 * {@link Fingerprint} (and board) in headers, so only a record another tool wrote is parsed.
 * Reads with {@code isolation.level=read_committed}, so an aborted run's records do not count;
 * each polled batch is written to the store with the positions it reaches, so an interrupted
 * rebuild resumes where it stopped.
 */
public final class TopicStateLoader {
    /** The header naming the whole board that listed a posting, on records of board postings. */
    public static final String BOARD_HEADER = "roleradar.board";
    private static final Logger LOG = LoggerFactory.getLogger(TopicStateLoader.class);

    private TopicStateLoader() {
    }

    /**
     * Reads the topic into the store up to the topic's current end.
     *
     * @param stall how long the read may go without progress before it gives up
     * @return the topic's id
     * @throws IllegalStateException when no progress is made for {@code stall}
     */
    public static String load(KafkaSettings settings, String topic, Duration stall, PostingStore store) {
        String topicId = TopicAdmin.topicId(settings, topic);
        Map<String, Object> props = settings.toMap();
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "roleradar-ingest-state");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // No group: the whole topic is read by assignment, and no offsets are committed.
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A read to known end offsets: when only a transaction marker is left (the usual case on a
        // restart), the broker should answer at once rather than wait 500 ms for data.
        props.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        // Larger polls make fewer store batches; smaller fetches keep the heap small under -Xmx256m.
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        props.putIfAbsent(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 << 20);
        props.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, stall.toMillis()));
        long started = System.nanoTime();
        long records = 0;
        long parsed = 0;
        long unreadable = 0;
        boolean resumed;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, stall)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, stall);
            String unusable = unusable(store, topicId, consumer.beginningOffsets(partitions, stall), end);
            resumed = unusable == null;
            if (resumed) {
                store.positions().forEach((p, at) -> consumer.seek(new TopicPartition(topic, p), at));
            } else {
                LOG.info("state store in {} not used as it is ({}): rebuilding it from all of {}", store.dir(), unusable,
                        topic);
                store.clear();
                consumer.seekToBeginning(partitions);
            }
            long lastProgress = System.nanoTime();
            while (!reached(consumer, end)) {
                if (System.nanoTime() - lastProgress > stall.toNanos()) {
                    throw new IllegalStateException("could not read " + topic + " to its end (no progress for "
                            + stall.toSeconds() + " s) to bring the dedup state up to date");
                }
                ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(500));
                try (PostingStore.Batch batch = store.batch()) {
                    for (ConsumerRecord<String, byte[]> record : polled) {
                        records++;
                        lastProgress = System.nanoTime();
                        if (record.key() == null) {
                            unreadable++;
                        } else if (record.value() == null) {
                            batch.forget(record.key());
                        } else if (!take(batch, record)) {
                            parsed++;
                            if (!parse(batch, record)) {
                                unreadable++;
                            }
                        }
                    }
                    batch.covers(topicId, partitions.stream().collect(
                            Collectors.toMap(TopicPartition::partition, consumer::position)));
                    batch.commit();
                }
            }
            if (records == 0) {
                // Nothing to take in, but the store now covers this topic up to here.
                try (PostingStore.Batch batch = store.batch()) {
                    batch.covers(topicId, end.entrySet().stream().collect(
                            Collectors.toMap(e -> e.getKey().partition(), Map.Entry::getValue)));
                    batch.commit();
                }
            }
        }
        LOG.info("dedup state {} from {} in {} ms: {} records ({} without a fingerprint header, parsed), "
                        + "about {} postings known{}", resumed ? "brought up to date" : "rebuilt", topic,
                (System.nanoTime() - started) / 1_000_000, records, parsed, store.size(),
                unreadable > 0 ? ", " + unreadable + " unreadable records skipped" : "");
        return topicId;
    }

    /** Takes in a record ingest wrote, from its headers; false when it has no fingerprint header. */
    private static boolean take(PostingStore.Batch batch, ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(Fingerprint.HEADER);
        Fingerprint fingerprint = header == null ? null : Fingerprint.fromHeader(header.value());
        if (fingerprint == null) {
            return false;
        }
        Header board = record.headers().lastHeader(BOARD_HEADER);
        batch.published(record.key(), fingerprint, board == null ? null : new String(board.value(), StandardCharsets.UTF_8),
                record.value());
        return true;
    }

    /** Takes in a record another tool wrote, by parsing it; false when it is not a raw posting. */
    private static boolean parse(PostingStore.Batch batch, ConsumerRecord<String, byte[]> record) {
        try {
            batch.published(record.key(), Fingerprint.of(PostingJson.readRaw(record.value())), null, record.value());
            return true;
        } catch (InvalidMessageException e) {
            // Someone else's bad record: it cannot be a duplicate of anything we publish.
            return false;
        }
    }

    /** Why the store cannot be brought up to date from where it is, or null when it can. */
    private static String unusable(PostingStore store, String topicId, Map<TopicPartition, Long> start,
                                   Map<TopicPartition, Long> end) {
        String storedTopic = store.topicId();
        if (storedTopic == null) {
            return "it is new";
        }
        if (!storedTopic.equals(topicId)) {
            return "it is of topic id " + storedTopic + ", the topic's id is now " + topicId;
        }
        Map<Integer, Long> positions = store.positions();
        if (positions.size() != end.size()) {
            return "it has " + positions.size() + " partitions, the topic " + end.size();
        }
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            Long at = positions.get(e.getKey().partition());
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
