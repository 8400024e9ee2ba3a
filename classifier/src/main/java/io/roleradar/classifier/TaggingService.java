package io.roleradar.classifier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.roleradar.kafka.DeadLetters;
import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.model.TaggedPosting;
import io.roleradar.model.Tags;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidPidMappingException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The exactly-once loop: read {@code postings.raw} with a {@code read_committed} consumer, and for
 * each polled batch, in one Kafka transaction, send a tagged posting (or a dead letter) per record
 * and the consumer's offsets ({@code sendOffsetsToTransaction} with its group metadata), then
 * commit. On a retriable error the transaction is aborted and the consumer rewound to the batch's
 * first offsets, so nothing is lost or doubled; on a fatal one (fenced by a newer instance with
 * the same transactional id) the service stops.
 *
 * <p>{@link #run()} blocks until stopped ({@link #stop()}, which wakes the consumer) or, in drain
 * mode, until the partitions it owns are caught up with the end offsets seen at start.
 */
public final class TaggingService implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaggingService.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final ClassifierConfig config;
    private final Classifier classifier;
    private final ClassifierMetrics metrics;
    private final MeterRegistry registry;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong tagged = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final int maxTaggedBytes;
    private final Set<TopicPartition> assignment = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile Outcome outcome = Outcome.RUNNING;

    /** How the loop ended. */
    public enum Outcome { RUNNING, DRAINED, STOPPED, FENCED, FAILED }

    public TaggingService(ClassifierConfig config, Classifier classifier, MeterRegistry registry) {
        this.config = config;
        this.classifier = classifier;
        this.registry = registry;
        this.metrics = new ClassifierMetrics(registry);
        this.maxTaggedBytes = maxTaggedBytes(producerProps());
    }

    @Override
    public void run() {
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerProps());
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps());
        this.consumer = c;
        try (KafkaClientMetrics consumerMetrics = new KafkaClientMetrics(c);
             KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer)) {
            consumerMetrics.bindTo(registry);
            producerMetrics.bindTo(registry);
            // Fences any earlier producer with our transactional id and aborts its open transaction,
            // so read_committed readers are not held up until its timeout.
            producer.initTransactions();
            Map<TopicPartition, Long> drainTo = config.drain() ? endOffsets(c) : Map.of();
            c.subscribe(List.of(config.topics().raw()), new Listener());
            loop(c, producer, drainTo);
        } catch (WakeupException e) {
            if (!closed.get()) {
                outcome = Outcome.FAILED;
                throw e;
            }
            outcome = Outcome.STOPPED;
        } catch (ProducerFencedException | InvalidPidMappingException e) {
            outcome = Outcome.FENCED;
            LOG.error("stopping: another instance took over transactional id {} ({}); run each instance with its own "
                    + "--instance-id", config.transactionalId(), e.getMessage());
        } catch (RuntimeException e) {
            outcome = Outcome.FAILED;
            LOG.error("stopping on an unexpected error: {}", e.toString(), e);
        } finally {
            closeQuietly(c, producer);
            // Logged before the latch opens: a SIGTERM hook waits for it, then the JVM exits.
            LOG.info("stopped ({}): {} tagged, {} dead letters", outcome, tagged.get(), deadLettered.get());
            finished.countDown();
        }
    }

    private void loop(KafkaConsumer<byte[], byte[]> c, KafkaProducer<byte[], byte[]> producer,
                      Map<TopicPartition, Long> drainTo) {
        while (!closed.get()) {
            ConsumerRecords<byte[], byte[]> batch = c.poll(POLL);
            if (!batch.isEmpty()) {
                process(c, producer, batch);
            }
            updateLag(c);
            if (config.drain() && caughtUp(c, drainTo)) {
                outcome = Outcome.DRAINED;
                LOG.info("caught up with the end offsets seen at start: {} tagged, {} dead letters",
                        tagged.get(), deadLettered.get());
                return;
            }
        }
        outcome = Outcome.STOPPED;
    }

    private void process(KafkaConsumer<byte[], byte[]> c, KafkaProducer<byte[], byte[]> producer,
                         ConsumerRecords<byte[], byte[]> batch) {
        List<Tags> done = new ArrayList<>(batch.count());
        List<String> deadReasons = new ArrayList<>();
        producer.beginTransaction();
        try {
            for (ConsumerRecord<byte[], byte[]> record : batch) {
                ProducerRecord<byte[], byte[]> out = handle(record, done, deadReasons);
                producer.send(out);
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (TopicPartition tp : batch.partitions()) {
                List<ConsumerRecord<byte[], byte[]>> records = batch.records(tp);
                offsets.put(tp, new OffsetAndMetadata(records.get(records.size() - 1).offset() + 1));
            }
            producer.sendOffsetsToTransaction(offsets, c.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException
                 | InvalidPidMappingException e) {
            throw e; // fatal: this producer can do nothing more
        } catch (KafkaException e) {
            LOG.warn("aborting the transaction of {} records and retrying them: {}", batch.count(), e.toString());
            producer.abortTransaction();
            rewind(c, batch);
            return;
        }
        done.forEach(metrics::tagged);
        deadReasons.forEach(metrics::deadLetter);
        tagged.addAndGet(done.size());
        deadLettered.addAndGet(deadReasons.size());
    }

    /** The tagged posting for a readable record, else its dead letter (logged once, with the reason). */
    private ProducerRecord<byte[], byte[]> handle(ConsumerRecord<byte[], byte[]> record, List<Tags> done,
                                                  List<String> deadReasons) {
        if (record.value() == null && record.key() != null) {
            // A tombstone: the posting was withdrawn. Withdraw its tags too, so reports drop it.
            return new ProducerRecord<>(config.topics().tagged(), null, record.key(), null);
        }
        RawPosting posting;
        try {
            posting = PostingJson.readRaw(record.value());
        } catch (InvalidMessageException e) {
            String reason = e.reason().name();
            LOG.warn("dead letter {}-{}@{}: {}: {}", record.topic(), record.partition(), record.offset(), reason,
                    e.getMessage());
            deadReasons.add(reason);
            return DeadLetters.of(record, config.topics().deadLetter(), ClassifierConfig.SERVICE, reason, e);
        }
        Tags tags;
        try {
            long start = System.nanoTime();
            tags = classifier.classify(posting);
            metrics.latency().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            // A bug must not stop the pipeline: the record is kept, with the error, for a replay.
            String reason = "CLASSIFICATION_FAILED";
            LOG.error("dead letter {}-{}@{}: {}: {}", record.topic(), record.partition(), record.offset(), reason,
                    e.toString());
            deadReasons.add(reason);
            return DeadLetters.of(record, config.topics().deadLetter(), ClassifierConfig.SERVICE, reason, e);
        }
        byte[] key = posting.id().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TaggedPosting tagged = TaggedPosting.of(posting, tags);
        byte[] value = PostingJson.write(tagged);
        if (key.length + value.length > maxTaggedBytes) {
            // The producer would refuse it, the transaction would abort, and the same batch would be
            // retried for ever: the partition would stall. The raw record is kept as a dead letter.
            String reason = "TOO_LARGE";
            RecordTooLargeException tooLarge = new RecordTooLargeException("the tagged posting is " + value.length
                    + " bytes, over the " + maxTaggedBytes + " a record may carry (max.request.size)");
            LOG.warn("dead letter {}-{}@{}: {}: {}", record.topic(), record.partition(), record.offset(), reason,
                    tooLarge.getMessage());
            deadReasons.add(reason);
            return DeadLetters.of(record, config.topics().deadLetter(), ClassifierConfig.SERVICE, reason, tooLarge);
        }
        done.add(tags);
        return new ProducerRecord<>(config.topics().tagged(), key, value);
    }

    /** The largest tagged record the producer accepts, with room for the record's own overhead. */
    private static int maxTaggedBytes(Map<String, Object> producerProps) {
        Object configured = producerProps.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        int max = configured == null ? 1024 * 1024 : Integer.parseInt(configured.toString());
        return max - 16 * 1024;
    }

    /** After an abort, read the batch again from its first records. */
    private static void rewind(KafkaConsumer<byte[], byte[]> c, ConsumerRecords<byte[], byte[]> batch) {
        for (TopicPartition tp : batch.partitions()) {
            if (c.assignment().contains(tp)) {
                c.seek(tp, batch.records(tp).get(0).offset());
            }
        }
    }

    private Map<TopicPartition, Long> endOffsets(KafkaConsumer<byte[], byte[]> c) {
        List<PartitionInfo> infos = c.partitionsFor(config.topics().raw(), Duration.ofSeconds(60));
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : infos) {
            partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
        return new HashMap<>(c.endOffsets(partitions, Duration.ofSeconds(60)));
    }

    /**
     * True when every partition this instance owns has been read up to the end offset it had at
     * start. The position (not the last record's offset) is compared, since it also moves past
     * transaction markers. An instance that owns nothing once it has joined the group is done too.
     */
    private boolean caughtUp(KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, Long> drainTo) {
        Set<TopicPartition> owned = c.assignment();
        if (owned.isEmpty()) {
            return c.groupMetadata().generationId() > 0;
        }
        for (TopicPartition tp : owned) {
            Long end = drainTo.get(tp);
            if (end != null && c.position(tp) < end) {
                return false;
            }
        }
        return true;
    }

    private void updateLag(KafkaConsumer<byte[], byte[]> c) {
        long total = 0;
        for (TopicPartition tp : c.assignment()) {
            OptionalLong lag = c.currentLag(tp);
            total += lag.orElse(0);
        }
        metrics.lag(total);
    }

    private Map<String, Object> consumerProps() {
        Map<String, Object> props = config.settings().toMap();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.group());
        // Static membership: an instance restarted after a crash takes its partitions back at once
        // instead of waiting out the dead member's session timeout.
        props.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, config.instanceId());
        // Only committed postings: an ingest transaction that aborted must not be tagged.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Offsets are committed inside our transaction, never on their own.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group (re-tagging after a taxonomy change) starts from the beginning of postings.raw.
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Distinct client ids for the consumer and the producer: their metrics would collide otherwise.
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "roleradar-classifier-" + config.instanceId() + "-consumer");
        // One batch is one transaction: a few hundred postings keep transactions short.
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    private Map<String, Object> producerProps() {
        Map<String, Object> props = config.settings().toMap();
        // Stable per instance: a restart fences the dead predecessor and aborts its open transaction.
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "roleradar-classifier-" + config.instanceId() + "-producer");
        // Tagged postings compress well (repeated field names, prose).
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    private void closeQuietly(KafkaConsumer<byte[], byte[]> c, KafkaProducer<byte[], byte[]> producer) {
        try {
            c.close(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            LOG.debug("closing the consumer: {}", e.toString());
        }
        try {
            producer.close(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            LOG.debug("closing the producer: {}", e.toString());
        }
    }

    /** Asks the loop to stop (from another thread, e.g. the SIGTERM hook) and waits up to {@code timeout}. */
    public boolean stop(Duration timeout) throws InterruptedException {
        closed.set(true);
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(30));
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Postings tagged in committed transactions by this instance. */
    public long taggedCount() {
        return tagged.get();
    }

    public long deadLetterCount() {
        return deadLettered.get();
    }

    /** The partitions this instance owns now. */
    public Set<TopicPartition> assignment() {
        return Set.copyOf(assignment);
    }

    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            assignment.removeAll(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assignment.addAll(new HashSet<>(partitions));
            LOG.info("instance {} owns {}", config.instanceId(), assignment);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            assignment.removeAll(partitions);
        }
    }
}
