package io.roleradar.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InvalidPidMappingException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
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
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The exactly-once consume-transform-produce loop every service that reads one topic and writes
 * another runs (the shape of Kafka's {@code ExactlyOnceMessageProcessor} example): a
 * {@code read_committed} consumer in a group with static membership, and per polled batch one
 * transaction holding the batch's output and the consumer's offsets ({@code sendOffsetsToTransaction}
 * with the group's metadata, so a zombie of an older generation is fenced). A retriable error
 * aborts the transaction and rewinds to the batch's first offsets, so nothing is lost or doubled;
 * a fatal one (fenced by a newer instance with the same transactional id) stops the instance. The
 * transaction begins and ends between two polls, so a rebalance never finds one open.
 *
 * <p>{@link #run()} blocks until stopped ({@link #stop}, which wakes the consumer) or, in drain
 * mode, until the partitions it owns are caught up with the end offsets seen at start. What a
 * batch becomes is the service's {@link Transform}.
 */
public final class ExactlyOnceLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /** How the loop ended. */
    public enum Outcome { RUNNING, DRAINED, STOPPED, FENCED, FAILED }

    /** The service's part: what a polled batch becomes. */
    public interface Transform {
        /**
         * The records to write for one polled batch. Called before its transaction begins (a slow
         * transform must not hold the output's read_committed readers at an open transaction), and
         * again when the batch is retried: count nothing here, count in {@link Output#onCommit}.
         */
        Output apply(List<ConsumerRecord<byte[], byte[]>> batch);

        /** What this instance has committed so far, in words, for the loop's log lines. */
        String progress();

        /** Called after every poll with the records of the owned partitions not read yet. */
        default void lag(long records) {
        }

        /**
         * Of the input partitions just assigned to this instance, those to read from their
         * beginning whatever the group has committed for them (none by default). The group's
         * offsets say how far the input was turned into output; when the output they were made
         * for is gone (a new or recreated output topic), they would skip what the new one lacks.
         * The loop commits the new start in a transaction of its own before it sends anything for
         * those partitions, so an instance that takes one over later starts there too.
         */
        default Set<TopicPartition> readFromBeginning(Collection<TopicPartition> assigned) {
            return Set.of();
        }
    }

    /** A batch's records to write, and what to do once they are committed (a retried batch counts once). */
    public record Output(List<ProducerRecord<byte[], byte[]>> records, Runnable onCommit) {
    }

    /** Called with each batch's number after its records are sent, before its offsets and commit; for tests. */
    @FunctionalInterface
    public interface BeforeCommit {
        void accept(long batch) throws InterruptedException;

        BeforeCommit NONE = batch -> {
        };
    }

    /**
     * One instance of a service.
     *
     * @param role       names the instance in the log and in its client ids, e.g. {@code classifier}
     * @param input      the topic it reads
     * @param instanceId stable per instance: its static group membership and, with the group, its
     *                   transactional id
     * @param drain      stop once caught up with the end offsets of {@code input} seen at start
     */
    public record Settings(KafkaSettings kafka, String role, String input, String group, String instanceId,
                           boolean drain) {
        public Settings {
            Objects.requireNonNull(kafka, "kafka");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(input, "input");
        }

        public String transactionalId() {
            return ExactlyOnceLoop.transactionalId(group, instanceId);
        }
    }

    /**
     * The transactional id of an instance: stable across its restarts (a restarted instance fences
     * its dead predecessor and aborts its open transaction at once), distinct between the instances
     * of a group (they never fence each other), and apart between services by the group's name.
     */
    public static String transactionalId(String group, String instanceId) {
        return group + "-" + instanceId;
    }

    private final Settings settings;
    private final Transform transform;
    private final MeterRegistry registry;
    private final BeforeCommit beforeCommit;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Set<TopicPartition> assignment = ConcurrentHashMap.newKeySet();
    /** Partitions sought back to their beginning on assignment, whose new start is not committed yet (polling thread only). */
    private final Map<TopicPartition, Long> restarts = new HashMap<>();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile Outcome outcome = Outcome.RUNNING;
    private long batches;

    /** @param registry where the Kafka clients' own meters go */
    public ExactlyOnceLoop(Settings settings, Transform transform, MeterRegistry registry, BeforeCommit beforeCommit) {
        this.settings = settings;
        this.transform = transform;
        this.registry = registry;
        this.beforeCommit = beforeCommit;
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
            // so read_committed readers of the output are not held up until its timeout.
            producer.initTransactions();
            // Where a drain stops: the input's ends now, before the group hands out partitions.
            Map<TopicPartition, Long> drainTo = settings.drain() ? endOffsets(c) : Map.of();
            c.subscribe(List.of(settings.input()), new Listener());
            outcome = loop(c, producer, drainTo);
        } catch (WakeupException e) {
            outcome = closed.get() ? Outcome.STOPPED : Outcome.FAILED;
            if (!closed.get()) {
                LOG.error("stopping: woken up unexpectedly", e);
            }
        } catch (ProducerFencedException | InvalidPidMappingException | FencedInstanceIdException e) {
            outcome = Outcome.FENCED;
            LOG.error("stopping: another {} took over instance {} (transactional id {}): {}; run each instance with "
                    + "its own --instance-id", settings.role(), settings.instanceId(), settings.transactionalId(),
                    e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = Outcome.STOPPED;
        } catch (RuntimeException e) {
            outcome = Outcome.FAILED;
            LOG.error("stopping on an unexpected error: {}", e.toString(), e);
        } finally {
            closeQuietly(c, producer);
            // Logged before the latch opens: a SIGTERM hook waits for it, then the JVM exits.
            LOG.info("{} {} stopped ({}): {}", settings.role(), settings.instanceId(), outcome, transform.progress());
            finished.countDown();
        }
    }

    private Outcome loop(KafkaConsumer<byte[], byte[]> c, KafkaProducer<byte[], byte[]> producer,
                         Map<TopicPartition, Long> drainTo) throws InterruptedException {
        while (!closed.get()) {
            // Read a batch and write what it becomes, with its offsets, in one transaction.
            ConsumerRecords<byte[], byte[]> batch = c.poll(POLL);
            if (!restarts.isEmpty() && !commitRestarts(c, producer)) {
                rewind(c, batch); // read again once the new start is committed
                continue;
            }
            if (!batch.isEmpty()) {
                process(c, producer, batch);
            }
            transform.lag(lag(c));
            // A drain ends once every owned partition is read up to where it ended at start.
            if (settings.drain() && caughtUp(c, drainTo)) {
                LOG.info("{} {} caught up with the end offsets seen at start: {}", settings.role(),
                        settings.instanceId(), transform.progress());
                return Outcome.DRAINED;
            }
        }
        return Outcome.STOPPED;
    }

    /** One batch, one transaction: its output and its offsets commit together or not at all. */
    private void process(KafkaConsumer<byte[], byte[]> c, KafkaProducer<byte[], byte[]> producer,
                         ConsumerRecords<byte[], byte[]> batch) throws InterruptedException {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(batch.count());
        batch.forEach(records::add);
        // Transformed before the transaction begins, so the transaction stays open only for the sends.
        Output output = transform.apply(records);
        producer.beginTransaction();
        try {
            output.records().forEach(producer::send);
            beforeCommit.accept(++batches);
            // The group's metadata fences a zombie of an older generation from committing these offsets.
            producer.sendOffsetsToTransaction(nextOffsets(batch), c.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException
                 | InvalidPidMappingException | FencedInstanceIdException e) {
            throw e; // fatal: this producer can do nothing more
        } catch (KafkaException e) {
            LOG.warn("aborting the transaction of {} records and retrying them: {}", records.size(), e.toString());
            producer.abortTransaction();
            rewind(c, batch);
            return;
        }
        output.onCommit().run();
    }

    /**
     * Commits, on their own, the beginnings the partitions of {@link Transform#readFromBeginning}
     * were sought back to, before any output is sent for them: once committed, an instance that
     * takes such a partition over (after a crash, a rebalance) starts there as well, whatever the
     * group had committed before; until then nothing was sent for them, so it decides as this one did.
     *
     * @return false when the transaction was aborted (retriable): the starts are committed after the next poll
     */
    private boolean commitRestarts(KafkaConsumer<byte[], byte[]> c, KafkaProducer<byte[], byte[]> producer) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        restarts.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset)));
        producer.beginTransaction();
        try {
            producer.sendOffsetsToTransaction(offsets, c.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException
                 | InvalidPidMappingException | FencedInstanceIdException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("aborting the commit of the new starts {} and retrying it: {}", offsets.keySet(), e.toString());
            producer.abortTransaction();
            return false;
        }
        restarts.clear();
        return true;
    }

    /** The offsets to commit with a batch: past its last record in each partition. */
    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : batch.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> records = batch.records(tp);
            offsets.put(tp, new OffsetAndMetadata(records.get(records.size() - 1).offset() + 1));
        }
        return offsets;
    }

    /** After an abort, read the batch again from its first records (the offsets committed last). */
    private static void rewind(KafkaConsumer<byte[], byte[]> c, ConsumerRecords<byte[], byte[]> batch) {
        for (TopicPartition tp : batch.partitions()) {
            if (c.assignment().contains(tp)) {
                c.seek(tp, batch.records(tp).get(0).offset());
            }
        }
    }

    private Map<TopicPartition, Long> endOffsets(KafkaConsumer<byte[], byte[]> c) {
        List<TopicPartition> partitions = c.partitionsFor(settings.input(), METADATA_TIMEOUT).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        return new HashMap<>(c.endOffsets(partitions, METADATA_TIMEOUT));
    }

    /**
     * True when every partition this instance owns is read up to the end offset it had at start.
     * The position (not the last record's offset) is compared, since it also moves past transaction
     * markers. An instance that owns nothing once it has joined the group is done too.
     */
    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, Long> drainTo) {
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

    private static long lag(KafkaConsumer<byte[], byte[]> c) {
        return c.assignment().stream().mapToLong(tp -> c.currentLag(tp).orElse(0)).sum();
    }

    private Map<String, Object> consumerProps() {
        Map<String, Object> props = settings.kafka().toMap();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
        // Static membership: an instance restarted after a crash takes its partitions back at once
        // instead of waiting out the dead member's session timeout.
        props.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, settings.instanceId());
        // Only committed input: what an upstream transaction aborted was never written.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Offsets are committed inside our transaction, never on their own.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group (re-tagging after a taxonomy change, a first projection) reads the input from its start.
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The services make their topics with TopicAdmin first; a misspelt one must not appear on its own.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // Distinct client ids for the consumer and the producer: their metrics would collide otherwise.
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, clientId("consumer"));
        // One batch is one transaction: a few hundred records keep transactions short.
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    private Map<String, Object> producerProps() {
        Map<String, Object> props = settings.kafka().toMap();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId("producer"));
        // Postings and facts compress well (repeated field names, prose).
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    private String clientId(String client) {
        return "roleradar-" + settings.role() + "-" + settings.instanceId() + "-" + client;
    }

    /**
     * The most bytes a record may have for the producer to accept it (max.request.size), less room
     * for the record's own overhead: a bigger one would abort every retry of its batch.
     */
    public int maxRecordBytes() {
        Object configured = producerProps().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        int max = configured == null ? 1024 * 1024 : Integer.parseInt(configured.toString());
        return max - 16 * 1024;
    }

    private static void closeQuietly(KafkaConsumer<byte[], byte[]> c, KafkaProducer<byte[], byte[]> producer) {
        try {
            c.close(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.debug("closing the consumer: {}", e.toString());
        }
        try {
            producer.close(CLOSE_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.debug("closing the producer: {}", e.toString());
        }
    }

    /** Asks the loop to stop (from another thread, e.g. a SIGTERM hook) and waits up to {@code timeout}; true when it has. */
    public boolean stop(Duration timeout) throws InterruptedException {
        closed.set(true);
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        return await(timeout);
    }

    /** Waits until the loop has ended; true when it has within {@code timeout}. */
    public boolean await(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The input partitions this instance owns now. */
    public Set<TopicPartition> assignment() {
        return Set.copyOf(assignment);
    }

    /** Lost partitions are revoked ones too (the interface's default onPartitionsLost). */
    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            assignment.removeAll(partitions);
            restarts.keySet().removeAll(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assignment.addAll(partitions);
            LOG.info("{} {} owns {}", settings.role(), settings.instanceId(), assignment);
            if (partitions.isEmpty()) {
                return;
            }
            Set<TopicPartition> fromBeginning = new HashSet<>(transform.readFromBeginning(partitions));
            fromBeginning.retainAll(partitions);
            if (fromBeginning.isEmpty()) {
                return;
            }
            KafkaConsumer<byte[], byte[]> c = consumer;
            Map<TopicPartition, Long> beginnings = c.beginningOffsets(fromBeginning, METADATA_TIMEOUT);
            beginnings.forEach((tp, offset) -> {
                c.seek(tp, offset);
                restarts.put(tp, offset);
            });
            LOG.info("{} {} reads {} from the beginning", settings.role(), settings.instanceId(),
                    new TreeSet<>(beginnings.keySet().stream().map(TopicPartition::toString).toList()));
        }
    }
}
