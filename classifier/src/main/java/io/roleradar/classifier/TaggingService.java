package io.roleradar.classifier;

import io.micrometer.core.instrument.MeterRegistry;
import io.roleradar.kafka.DeadLetters;
import io.roleradar.kafka.ExactlyOnceLoop;
import io.roleradar.kafka.ExactlyOnceLoop.Outcome;
import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.model.TaggedPosting;
import io.roleradar.model.Tags;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The classifier service: tags {@code postings.raw} into {@code postings.tagged} exactly once, in
 * the {@link ExactlyOnceLoop}. Each raw record becomes its tagged posting, or a dead letter (with
 * the reason) when it is unreadable, its classification fails or its tagged form is too large; a
 * tombstone stays a tombstone.
 *
 * <p>{@link #run()} blocks until stopped ({@link #stop}) or, in drain mode, until the partitions it
 * owns are caught up with the end offsets seen at start.
 */
public final class TaggingService implements Runnable, AutoCloseable, ExactlyOnceLoop.Transform {
    private static final Logger LOG = LoggerFactory.getLogger(TaggingService.class);

    private final ClassifierConfig config;
    private final Classifier classifier;
    private final ClassifierMetrics metrics;
    private final ExactlyOnceLoop loop;
    private final AtomicLong tagged = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final int maxTaggedBytes;

    public TaggingService(ClassifierConfig config, Classifier classifier, MeterRegistry registry) {
        this.config = config;
        this.classifier = classifier;
        this.metrics = new ClassifierMetrics(registry);
        this.loop = new ExactlyOnceLoop(new ExactlyOnceLoop.Settings(config.settings(), ClassifierConfig.SERVICE,
                config.topics().raw(), config.group(), config.instanceId(), config.drain()), this, registry,
                ExactlyOnceLoop.BeforeCommit.NONE);
        this.maxTaggedBytes = loop.maxRecordBytes();
    }

    @Override
    public void run() {
        loop.run();
    }

    @Override
    public ExactlyOnceLoop.Output apply(List<ConsumerRecord<byte[], byte[]>> batch) {
        List<Tags> done = new ArrayList<>(batch.size());
        List<String> deadReasons = new ArrayList<>();
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>(batch.size());
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            out.add(handle(record, done, deadReasons));
        }
        return new ExactlyOnceLoop.Output(out, () -> {
            done.forEach(metrics::tagged);
            deadReasons.forEach(metrics::deadLetter);
            tagged.addAndGet(done.size());
            deadLettered.addAndGet(deadReasons.size());
        });
    }

    @Override
    public String progress() {
        return tagged.get() + " tagged, " + deadLettered.get() + " dead letters";
    }

    @Override
    public void lag(long records) {
        metrics.lag(records);
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
            return deadLetter(record, e.reason().name(), e, deadReasons);
        }
        Tags tags;
        try {
            long start = System.nanoTime();
            tags = classifier.classify(posting);
            metrics.latency().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            // A bug must not stop the pipeline: the record is kept, with the error, for a replay.
            return deadLetter(record, "CLASSIFICATION_FAILED", e, deadReasons);
        }
        byte[] key = posting.id().getBytes(StandardCharsets.UTF_8);
        byte[] value = PostingJson.write(TaggedPosting.of(posting, tags));
        if (key.length + value.length > maxTaggedBytes) {
            // The producer would refuse it, the transaction would abort, and the same batch would be
            // retried for ever: the partition would stall. The raw record is kept as a dead letter.
            return deadLetter(record, "TOO_LARGE", new RecordTooLargeException("the tagged posting is " + value.length
                    + " bytes, over the " + maxTaggedBytes + " a record may carry (max.request.size)"), deadReasons);
        }
        done.add(tags);
        return new ProducerRecord<>(config.topics().tagged(), key, value);
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> record, String reason,
                                                      Exception e, List<String> deadReasons) {
        if (e instanceof InvalidMessageException || e instanceof RecordTooLargeException) {
            LOG.warn("dead letter {}-{}@{}: {}: {}", record.topic(), record.partition(), record.offset(), reason,
                    e.getMessage());
        } else {
            // A failed classification is a bug: an error, with the exception's class.
            LOG.error("dead letter {}-{}@{}: {}: {}", record.topic(), record.partition(), record.offset(), reason,
                    e.toString());
        }
        deadReasons.add(reason);
        return DeadLetters.of(record, config.topics().deadLetter(), ClassifierConfig.SERVICE, reason, e);
    }

    /** Asks the loop to stop (from another thread, e.g. the SIGTERM hook) and waits up to {@code timeout}. */
    public boolean stop(Duration timeout) throws InterruptedException {
        return loop.stop(timeout);
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(30));
    }

    public Outcome outcome() {
        return loop.outcome();
    }

    /** Postings tagged in committed transactions by this instance. */
    public long taggedCount() {
        return tagged.get();
    }

    /** The partitions this instance owns now. */
    public Set<TopicPartition> assignment() {
        return loop.assignment();
    }
}
