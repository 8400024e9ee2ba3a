package io.roleradar.reporter.input;

import io.roleradar.kafka.KafkaSettings;
import io.roleradar.reporter.aggregate.LatestPostings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a consistent snapshot of the tagged topic: every partition from its beginning up to the end
 * offset seen when the read starts, with {@code isolation.level=read_committed} (so the end offset
 * is the last stable offset and aborted transactions are never seen). Partitions are assigned, not
 * subscribed: a report is a read-only scan, so no consumer group and no offset commits.
 *
 * <p>Polled batches are decoded on worker threads while the next batch is fetched and applied in
 * offset order, so the latest record of an id still wins (see {@link DecodePipeline}).
 */
public final class TopicSnapshotReader implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String bootstrapServers;
    private final AtomicBoolean closed = new AtomicBoolean();

    public TopicSnapshotReader(KafkaSettings settings) {
        this.bootstrapServers = settings.bootstrapServers();
        this.consumer = new KafkaConsumer<>(consumerProps(settings), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    /** The consumer settings of a report read (also used by the benchmark's bare consume, so both read alike). */
    public static Map<String, Object> consumerProps(KafkaSettings settings) {
        Map<String, Object> props = settings.toMap();
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "roleradar-reporter");
        // Only committed transactions count: the classifier writes exactly-once, aborted output is no posting.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A scan with assigned partitions: no group, so nothing to commit.
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A report of a topic that does not exist is a mistake to report, not a topic to create.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // Bigger fetches: the whole topic is read once, throughput is what matters.
        // Fetches big enough to keep the pipe full, small enough to leave the heap to the postings:
        // each fetch response is one buffer, and big buffers crowd a 512 MB heap.
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        props.putIfAbsent(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024);
        props.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024);
        // Fail within a bounded time rather than hang when the broker is not there.
        props.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) METADATA_TIMEOUT.toMillis());
        return props;
    }

    /**
     * Reads the snapshot into {@code sink}.
     *
     * @throws KafkaUnavailableException when Kafka does not answer
     * @throws IllegalArgumentException  when the topic does not exist
     */
    public Source.TopicSnapshot read(String topic, LatestPostings sink, Progress progress) {
        List<TopicPartition> partitions = partitions(topic);
        Map<TopicPartition, Long> begin;
        Map<TopicPartition, Long> end;
        try {
            consumer.assign(partitions);
            begin = consumer.beginningOffsets(partitions);
            end = consumer.endOffsets(partitions);
        } catch (TimeoutException e) {
            throw new KafkaUnavailableException("Kafka at " + bootstrapServers
                    + " did not give the offsets of " + topic + ": " + e.getMessage(), e);
        }
        List<Source.PartitionRange> ranges = new ArrayList<>();
        Map<TopicPartition, Long> remaining = new HashMap<>();
        long total = 0;
        for (TopicPartition tp : partitions) {
            long from = begin.get(tp);
            long to = end.get(tp);
            ranges.add(new Source.PartitionRange(tp.partition(), from, to));
            if (to > from) {
                remaining.put(tp, to);
                total += to - from;
            }
        }
        consumer.assign(remaining.keySet());
        consumer.seekToBeginning(remaining.keySet());
        long done = 0;
        try (DecodePipeline<ConsumerRecord<byte[], byte[]>> pipeline = new DecodePipeline<>(sink, ConsumerRecord::key,
                ConsumerRecord::value, r -> r.topic() + "-" + r.partition() + "@" + r.offset())) {
            while (!remaining.isEmpty() && !closed.get()) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
                List<ConsumerRecord<byte[], byte[]>> records = inSnapshot(batch, remaining);
                pipeline.submit(records);
                done += records.size();
                // Control records and aborted data move the position without yielding records,
                // so the position, not the last record, says whether a partition is done.
                for (TopicPartition tp : new ArrayList<>(remaining.keySet())) {
                    if (consumer.position(tp) >= remaining.get(tp)) {
                        remaining.remove(tp);
                    }
                }
                progress.update(done, total);
            }
            pipeline.finish();
        } catch (WakeupException e) {
            if (!closed.get()) {
                throw e;
            }
        }
        if (closed.get() && !remaining.isEmpty()) {
            throw new InterruptedRead("stopped before the end of " + topic);
        }
        return new Source.TopicSnapshot(topic, bootstrapServers, ranges);
    }

    /** The batch's records below the end offsets: records written after the run started are not in the snapshot. */
    private static List<ConsumerRecord<byte[], byte[]>> inSnapshot(ConsumerRecords<byte[], byte[]> batch,
                                                                  Map<TopicPartition, Long> ends) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(batch.count());
        // Partition by partition: one look-up of the end offset per partition, not per record.
        for (TopicPartition tp : batch.partitions()) {
            Long to = ends.get(tp);
            if (to == null) {
                continue;
            }
            for (ConsumerRecord<byte[], byte[]> r : batch.records(tp)) {
                if (r.offset() < to) {
                    records.add(r);
                }
            }
        }
        return records;
    }

    private List<TopicPartition> partitions(String topic) {
        List<PartitionInfo> infos;
        try {
            // Bounded by default.api.timeout.ms (30 s unless set with -X or KAFKA_DEFAULT_API_TIMEOUT_MS).
            infos = consumer.partitionsFor(topic);
        } catch (TimeoutException e) {
            throw new KafkaUnavailableException("Kafka at " + bootstrapServers + " did not answer: "
                    + e.getMessage(), e);
        }
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("topic " + topic + " does not exist on " + bootstrapServers
                    + ": run the classifier first, or name the topic with --topic-tagged");
        }
        return infos.stream().map(i -> new TopicPartition(topic, i.partition()))
                .sorted(java.util.Comparator.comparingInt(TopicPartition::partition)).toList();
    }

    /** Stops a read in progress from another thread (a signal handler). */
    public void stop() {
        closed.set(true);
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    /** The read was stopped before it reached the end offsets. */
    public static final class InterruptedRead extends RuntimeException {
        public InterruptedRead(String message) {
            super(message);
        }
    }
}
