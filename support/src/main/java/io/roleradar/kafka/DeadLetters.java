package io.roleradar.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * Builds dead-letter records the way Kafka Connect's reporter does: the original key, value,
 * headers and timestamp are kept byte for byte, and headers are added that say where the record
 * came from and why it could not be processed, so nothing is lost and it can be replayed.
 */
public final class DeadLetters {
    public static final String HEADER_TOPIC = "roleradar.dlq.topic";
    public static final String HEADER_PARTITION = "roleradar.dlq.partition";
    public static final String HEADER_OFFSET = "roleradar.dlq.offset";
    public static final String HEADER_REASON = "roleradar.dlq.reason";
    public static final String HEADER_ERROR_CLASS = "roleradar.dlq.error.class";
    public static final String HEADER_ERROR_MESSAGE = "roleradar.dlq.error.message";
    public static final String HEADER_SERVICE = "roleradar.dlq.service";
    /** Set when the value was cut to fit a record: the original's length in bytes. */
    public static final String HEADER_VALUE_TRUNCATED = "roleradar.dlq.value.truncated.from";
    /**
     * The most value bytes a dead letter carries. A record near the broker's 1 MiB limit would not
     * fit again once headers are added, and a dead letter that cannot be sent would stall its
     * partition; the full original stays in its source topic at the offset the headers name.
     */
    public static final int MAX_VALUE_BYTES = 900 * 1024;

    private DeadLetters() {
    }

    /**
     * The dead letter for a record that failed.
     *
     * @param reason a short, fixed code (metrics tag), e.g. {@code MALFORMED_JSON}
     * @param error  what went wrong; its class and message become headers
     */
    public static ProducerRecord<byte[], byte[]> of(ConsumerRecord<byte[], byte[]> failed, String deadLetterTopic,
                                                    String service, String reason, Throwable error) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : failed.headers()) {
            headers.add(header);
        }
        headers.add(HEADER_TOPIC, utf8(failed.topic()));
        headers.add(HEADER_PARTITION, utf8(Integer.toString(failed.partition())));
        headers.add(HEADER_OFFSET, utf8(Long.toString(failed.offset())));
        headers.add(HEADER_SERVICE, utf8(service));
        headers.add(HEADER_REASON, utf8(reason));
        headers.add(HEADER_ERROR_CLASS, utf8(error.getClass().getName()));
        headers.add(HEADER_ERROR_MESSAGE, utf8(String.valueOf(error.getMessage())));
        byte[] value = failed.value();
        if (value != null && value.length > MAX_VALUE_BYTES) {
            headers.add(HEADER_VALUE_TRUNCATED, utf8(Integer.toString(value.length)));
            value = java.util.Arrays.copyOf(value, MAX_VALUE_BYTES);
        }
        Long timestamp = failed.timestamp() >= 0 ? failed.timestamp() : null;
        return new ProducerRecord<>(deadLetterTopic, null, timestamp, failed.key(), value, headers);
    }

    /** A header's value as text, or null when the record does not have it. */
    public static String header(org.apache.kafka.common.header.Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
