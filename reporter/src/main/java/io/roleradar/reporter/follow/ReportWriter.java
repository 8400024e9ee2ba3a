package io.roleradar.reporter.follow;

import io.roleradar.kafka.KafkaSettings;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.reporter.ReportRun;
import io.roleradar.reporter.aggregate.FactsMessage;
import io.roleradar.reporter.aggregate.FactsStore;
import io.roleradar.reporter.aggregate.LatestPostings;
import io.roleradar.reporter.aggregate.PartitionOffsets;
import io.roleradar.reporter.input.Source;
import io.roleradar.reporter.input.TopicSnapshotReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The report writer of {@code reporter follow}: keeps a persistent {@link FactsStore} current with
 * the facts topic and writes the report from it. It assigns every partition of the facts topic (no
 * group: one writer makes one report), applies each facts record to the latest postings as a batch
 * run applies a tagged record, and after each poll commits what it applied together with the next
 * offset of each partition in one write of the store: the Kafka Streams checkpoint, on RocksDB
 * itself, so a restart resumes at exactly the record after the last one applied. A report is folded
 * and written by the batch run's own code ({@link ReportRun#write}), so its figures cannot differ.
 * Not thread-safe, except {@link #wakeup()}.
 */
public final class ReportWriter implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final String LABEL_TOPIC = "topic";
    private static final String LABEL_TOPIC_ID = "topicId";

    private final KafkaSettings settings;
    private final String factsTopic;
    private final String taggedTopic;
    private final LatestPostings latest;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Map<Integer, PartitionOffsets> committed;
    private final String topicId;

    /**
     * Opens the store in {@code stateDir} (or makes one) and positions a consumer of every facts
     * partition after the last record the store applied.
     *
     * @throws IllegalArgumentException when the store follows another topic, or the same name
     *                                  created anew (its offsets would mean other records)
     */
    public ReportWriter(KafkaSettings settings, String factsTopic, String taggedTopic, Path stateDir) {
        this.settings = settings;
        this.factsTopic = factsTopic;
        this.taggedTopic = taggedTopic;
        this.topicId = TopicAdmin.topicId(settings, factsTopic);
        FactsStore store = FactsStore.openPersistent(stateDir);
        LatestPostings opened = null;
        KafkaConsumer<byte[], byte[]> c = null;
        try {
            opened = LatestPostings.resume(store);
            String followed = opened.label(LABEL_TOPIC);
            String followedId = opened.label(LABEL_TOPIC_ID);
            if (followed != null && (!followed.equals(factsTopic) || !topicId.equals(followedId))) {
                throw new IllegalArgumentException("the state in " + stateDir + " follows topic " + followed
                        + " (id " + followedId + "), not " + factsTopic + " (id " + topicId + "): give this report its "
                        + "own --state-dir, or delete that folder to rebuild it from the facts topic");
            }
            c = new KafkaConsumer<>(consumerProps(settings), new ByteArrayDeserializer(), new ByteArrayDeserializer());
            List<PartitionInfo> infos = c.partitionsFor(factsTopic, Duration.ofSeconds(60));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("topic " + factsTopic + " does not exist: start a projector "
                        + "(reporter follow --role projector) first");
            }
            this.partitions = infos.stream().map(i -> new TopicPartition(factsTopic, i.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
            this.committed = new HashMap<>(opened.committedOffsets());
            c.assign(partitions);
            for (TopicPartition tp : partitions) {
                PartitionOffsets o = committed.get(tp.partition());
                if (o == null) {
                    c.seekToBeginning(List.of(tp));
                    long start = c.position(tp, Duration.ofSeconds(60));
                    committed.put(tp.partition(), new PartitionOffsets(tp.partition(), start, start));
                } else {
                    c.seek(tp, o.next());
                }
            }
            opened.commit(committed.values(), Map.of(LABEL_TOPIC, factsTopic, LABEL_TOPIC_ID, topicId));
        } catch (RuntimeException e) {
            if (c != null) {
                c.close(Duration.ofSeconds(5));
            }
            if (opened != null) {
                opened.close();
            } else {
                store.close();
            }
            throw e;
        }
        this.latest = opened;
        this.consumer = c;
    }

    /** The consumer settings: a read_committed scan of assigned partitions, as a batch run reads. */
    private static Map<String, Object> consumerProps(KafkaSettings settings) {
        Map<String, Object> props = TopicSnapshotReader.consumerProps(settings);
        props.put("client.id", "roleradar-reporter-follow-writer");
        return props;
    }

    /**
     * Polls once and applies what came, then commits it with the offsets reached.
     *
     * @return records applied
     */
    public int pollOnce() {
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
        try {
            for (ConsumerRecord<byte[], byte[]> r : batch) {
                FactsMessage.decode(r.key(), r.value()).applyTo(latest);
            }
        } catch (RuntimeException e) {
            // Nothing half-applied stays: the store goes back to its last commit, and the reader with it.
            latest.rollback();
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, committed.get(tp.partition()).next());
            }
            throw e;
        }
        // Positions, not the last records' offsets: transaction markers move them too.
        boolean moved = false;
        for (TopicPartition tp : partitions) {
            long position = consumer.position(tp);
            PartitionOffsets o = committed.get(tp.partition());
            if (position != o.next()) {
                committed.put(tp.partition(), new PartitionOffsets(tp.partition(), o.start(), position));
                moved = true;
            }
        }
        if (moved || !batch.isEmpty()) {
            latest.commit(committed.values(), Map.of());
        }
        return batch.count();
    }

    /**
     * Applies records until every partition is read up to its end offset as of now (the last stable
     * offset: read_committed), or {@code stop} says so.
     *
     * @return false when stopped first
     */
    public boolean catchUp(BooleanSupplier stop) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(60));
        while (!stop.getAsBoolean()) {
            boolean done = true;
            for (TopicPartition tp : partitions) {
                if (committed.get(tp.partition()).next() < end.get(tp)) {
                    done = false;
                    break;
                }
            }
            if (done) {
                return true;
            }
            pollOnce();
        }
        return false;
    }

    /**
     * Writes the report of every fact applied so far into {@code out}, as {@code reporter run} would
     * from the tagged topic (same checks, fold and writers; all or nothing).
     */
    public ReportRun.Result writeReport(ReportRun.Options options, Path out) throws IOException {
        Instant started = Instant.now();
        List<Source.PartitionRange> ranges = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            PartitionOffsets o = committed.get(tp.partition());
            ranges.add(new Source.PartitionRange(o.partition(), o.start(), o.next()));
        }
        Source source = new Source.FactsTopic(factsTopic, taggedTopic, settings.bootstrapServers(), ranges);
        try {
            return ReportRun.write(started, source, latest, options, out);
        } finally {
            // The role groups and pay values a report leaves behind are not needed by the next one.
            latest.store().clearScratch();
        }
    }

    /** The latest postings as applied and committed so far. */
    public LatestPostings latest() {
        return latest;
    }

    /** Interrupts a poll from another thread (a stop). */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        try {
            consumer.close(Duration.ofSeconds(5));
        } finally {
            latest.close();
        }
    }
}
