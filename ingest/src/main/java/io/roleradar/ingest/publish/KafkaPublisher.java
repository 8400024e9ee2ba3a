package io.roleradar.ingest.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.roleradar.ingest.identity.Fingerprint;
import io.roleradar.ingest.identity.PublishPlan.ToPublish;
import io.roleradar.ingest.identity.TopicStateLoader;
import io.roleradar.ingest.identity.WrittenOffsets;
import io.roleradar.kafka.KafkaSettings;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Publishes one run's postings to {@code postings.raw} inside one Kafka transaction, keyed by
 * posting id: either the whole run becomes visible to read_committed consumers (the classifier)
 * or none of it does, so a run stopped halfway leaves nothing half-published.
 */
public final class KafkaPublisher implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaClientMetrics metrics;
    private final String topic;

    public KafkaPublisher(KafkaSettings settings, String topic, String transactionalId, MeterRegistry registry) {
        this.topic = topic;
        Map<String, Object> props = settings.toMap();
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "roleradar-ingest");
        // One stable transactional id per deployment: a restarted instance fences the old one and
        // aborts whatever transaction it left open.
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        // Transactions need idempotence and acks from all in-sync replicas.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // Fail within half a minute when the broker is not there, instead of blocking for a minute.
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        // Postings compress well (long English text) and arrive in large batches.
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
    }

    /**
     * Registers the transactional id with the broker (aborting a transaction a previous instance
     * left open). Call before reading the state topic, so that read sees no open transaction.
     *
     * @throws org.apache.kafka.common.errors.TimeoutException when Kafka cannot be reached
     */
    public void init() {
        producer.initTransactions();
    }

    /**
     * Sends the postings in one transaction, noting in {@code written} where each record landed
     * (complete once this returns true: the commit waits for every send and its callback).
     *
     * @param stop checked between sends; when it turns true the transaction is aborted
     * @return true when committed, false when aborted because of {@code stop}
     */
    public boolean publish(List<ToPublish> postings, BooleanSupplier stop, WrittenOffsets written) {
        if (postings.isEmpty()) {
            return true;
        }
        producer.beginTransaction();
        try {
            for (ToPublish next : postings) {
                RawPosting p = next.posting();
                if (stop.getAsBoolean()) {
                    producer.abortTransaction();
                    return false;
                }
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, p.id(), PostingJson.write(p));
                if (p.source() != null) {
                    record.headers().add("roleradar.source", p.source().getBytes(StandardCharsets.UTF_8));
                }
                // What the next run's dedup state needs, so it never has to parse the value.
                record.headers().add(Fingerprint.HEADER, next.fingerprint().toHeader());
                if (next.board() != null) {
                    record.headers().add(TopicStateLoader.BOARD_HEADER, next.board().getBytes(StandardCharsets.UTF_8));
                }
                producer.send(record, (metadata, error) -> {
                    if (error == null) {
                        written.add(metadata.partition(), metadata.offset());
                    }
                });
            }
            if (stop.getAsBoolean()) {
                producer.abortTransaction();
                return false;
            }
            producer.commitTransaction();
            return true;
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            // Fatal for this producer: another instance took over the transactional id, or we may not write.
            throw e;
        } catch (KafkaException e) {
            producer.abortTransaction();
            throw e;
        }
    }

    @Override
    public void close() {
        metrics.close();
        producer.close();
    }
}
