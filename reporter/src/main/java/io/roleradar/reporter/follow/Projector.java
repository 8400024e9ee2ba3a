package io.roleradar.reporter.follow;

import io.roleradar.model.PostingJson;
import io.roleradar.reporter.aggregate.Decoded;
import io.roleradar.reporter.aggregate.FactsMessage;
import io.roleradar.reporter.aggregate.Interner;
import io.roleradar.reporter.aggregate.PostingFacts;
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
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InvalidPidMappingException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The projector of {@code reporter follow}: the costly part of a report, decoding each tagged
 * posting with the model's codec, done once per record and spread over the tagged topic's
 * partitions by a consumer group. Each record becomes one record of the facts topic with the same
 * key, in the same partition number (so one posting's records keep their order), carrying the
 * compact facts ({@link FactsMessage}); a tombstone stays a tombstone, and a record the codec
 * refuses becomes a "rejected" facts record with its place and reason, so the report counts it as a
 * batch run does.
 *
 * <p>Exactly once, as the classifier's tagging loop: a read_committed consumer, and per polled batch
 * one transaction holding its facts records and the consumer's offsets
 * ({@code sendOffsetsToTransaction} with the group's metadata, so a zombie of an older generation is
 * fenced). A retriable error aborts the transaction and rewinds to the batch's first offsets; a
 * fatal one (fenced by a newer instance with the same transactional id) stops the instance. The
 * transaction begins and ends between two polls, so a rebalance never finds one open.
 */
public final class Projector implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Projector.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** Batches smaller than this are decoded on the polling thread; bigger ones on every core. */
    private static final int PARALLEL_FROM = 64;

    /** How the loop ended. */
    public enum Outcome { RUNNING, DRAINED, STOPPED, FENCED, FAILED }

    /** Called with each batch's number after its records are sent, before its offsets and commit; for tests. */
    @FunctionalInterface
    interface BeforeCommit {
        void accept(long batch) throws InterruptedException;

        BeforeCommit NONE = batch -> {
        };
    }

    private final ProjectorConfig config;
    private final BeforeCommit beforeCommit;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong projected = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Set<TopicPartition> assignment = ConcurrentHashMap.newKeySet();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile Outcome outcome = Outcome.RUNNING;
    private long batches;

    public Projector(ProjectorConfig config) {
        this(config, BeforeCommit.NONE);
    }

    Projector(ProjectorConfig config, BeforeCommit beforeCommit) {
        this.config = config;
        this.beforeCommit = beforeCommit;
    }

    @Override
    public void run() {
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerProps());
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps());
        this.consumer = c;
        try {
            // Fences an earlier producer with our transactional id and aborts its open transaction,
            // so read_committed readers of the facts topic are not held up until its timeout.
            producer.initTransactions();
            Map<TopicPartition, Long> drainTo = config.drain() ? endOffsets(c) : Map.of();
            c.subscribe(List.of(config.taggedTopic()), new Listener());
            loop(c, producer, drainTo);
        } catch (WakeupException e) {
            if (!closed.get()) {
                outcome = Outcome.FAILED;
                LOG.error("stopping: woken up unexpectedly", e);
            } else {
                outcome = Outcome.STOPPED;
            }
        } catch (ProducerFencedException | InvalidPidMappingException | FencedInstanceIdException e) {
            outcome = Outcome.FENCED;
            LOG.error("stopping: another projector took over instance {} (transactional id {}): {}; run each "
                    + "instance with its own --instance-id", config.instanceId(), config.transactionalId(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = Outcome.STOPPED;
        } catch (RuntimeException e) {
            outcome = Outcome.FAILED;
            LOG.error("stopping on an unexpected error: {}", e.toString(), e);
        } finally {
            closeQuietly(c, producer);
            LOG.info("projector {} stopped ({}): {} facts records, {} of them rejected", config.instanceId(), outcome,
                    projected.get(), rejected.get());
            finished.countDown();
        }
    }

    private void loop(KafkaConsumer<byte[], byte[]> c, KafkaProducer<byte[], byte[]> producer,
                      Map<TopicPartition, Long> drainTo) throws InterruptedException {
        while (!closed.get()) {
            ConsumerRecords<byte[], byte[]> batch = c.poll(POLL);
            if (!batch.isEmpty()) {
                process(c, producer, batch);
            }
            if (config.drain() && caughtUp(c, drainTo)) {
                outcome = Outcome.DRAINED;
                LOG.info("projector {} caught up with the end offsets seen at start: {} facts records",
                        config.instanceId(), projected.get());
                return;
            }
        }
        outcome = Outcome.STOPPED;
    }

    private void process(KafkaConsumer<byte[], byte[]> c, KafkaProducer<byte[], byte[]> producer,
                         ConsumerRecords<byte[], byte[]> batch) throws InterruptedException {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(batch.count());
        batch.forEach(records::add);
        // Decoded before the transaction begins: the decode is the slow part, and a transaction open
        // for long holds every read_committed reader of the facts topic at its first record.
        Interner interner = new Interner(); // per batch: nothing to share over time, and no growth
        List<ProducerRecord<byte[], byte[]>> out = (records.size() < PARALLEL_FROM ? records.stream()
                : records.parallelStream()).map(r -> factsRecord(r, interner)).toList();
        long rejectedHere = out.stream().filter(r -> FactsMessage.isRejected(r.value())).count();
        producer.beginTransaction();
        try {
            out.forEach(producer::send);
            beforeCommit.accept(++batches);
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (TopicPartition tp : batch.partitions()) {
                List<ConsumerRecord<byte[], byte[]>> in = batch.records(tp);
                offsets.put(tp, new OffsetAndMetadata(in.get(in.size() - 1).offset() + 1));
            }
            producer.sendOffsetsToTransaction(offsets, c.groupMetadata());
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
        projected.addAndGet(out.size());
        rejected.addAndGet(rejectedHere);
    }

    /**
     * The facts record of one tagged record: same partition number, same key. A key the tagged
     * topic lacks (possible only on a topic that is not compacted) is the posting's id, or for a
     * refused value its place, since a compacted topic takes no record without a key.
     */
    private ProducerRecord<byte[], byte[]> factsRecord(ConsumerRecord<byte[], byte[]> r, Interner interner) {
        Decoded d = Decoded.of(r.key(), r.value(), () -> r.topic() + "-" + r.partition() + "@" + r.offset(),
                value -> PostingFacts.of(PostingJson.readTagged(value), interner));
        byte[] key = r.key();
        if (key == null) {
            key = (d instanceof Decoded.Readable readable ? readable.facts().id()
                    : "unreadable:" + ((Decoded.Unreadable) d).where()).getBytes(StandardCharsets.UTF_8);
        }
        return new ProducerRecord<>(config.factsTopic(), r.partition(), key, FactsMessage.encode(d));
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
        List<PartitionInfo> infos = c.partitionsFor(config.taggedTopic(), Duration.ofSeconds(60));
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : infos) {
            partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
        return new HashMap<>(c.endOffsets(partitions, Duration.ofSeconds(60)));
    }

    /**
     * True when every partition this instance owns is read up to the end offset it had at start
     * (positions, which also move past transaction markers). An instance that owns nothing once it
     * has joined the group is done too.
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

    private Map<String, Object> consumerProps() {
        Map<String, Object> props = config.settings().toMap();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.group());
        // Static membership: a restarted instance takes its partitions back at once.
        props.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, config.instanceId());
        // Only committed tags: the classifier's aborted output is no posting.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Offsets are committed inside our transaction, never on their own.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "roleradar-reporter-follow-" + config.instanceId() + "-consumer");
        // One batch is one transaction: a few hundred postings keep transactions short.
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    private Map<String, Object> producerProps() {
        Map<String, Object> props = config.settings().toMap();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "roleradar-reporter-follow-" + config.instanceId() + "-producer");
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    private static void closeQuietly(KafkaConsumer<byte[], byte[]> c, KafkaProducer<byte[], byte[]> producer) {
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

    /** Asks the loop to stop (from another thread) and waits up to {@code timeout}; true when it has. */
    public boolean stop(Duration timeout) throws InterruptedException {
        closed.set(true);
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the loop has ended; true when it has within {@code timeout}. */
    public boolean await(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Facts records this instance committed (rejected ones included). */
    public long projected() {
        return projected.get();
    }

    /** Of those, records the codec refused. */
    public long rejected() {
        return rejected.get();
    }

    /** The tagged partitions this instance owns now. */
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
            assignment.addAll(partitions);
            LOG.info("projector {} owns {}", config.instanceId(), assignment);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            assignment.removeAll(partitions);
        }
    }
}
