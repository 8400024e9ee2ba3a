package io.roleradar.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLettersTest {

    @Test
    void keepsTheOriginalRecordAndAddsWhereItCameFromAndWhy() {
        RecordHeaders original = new RecordHeaders();
        original.add("trace", "abc".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<byte[], byte[]> failed = new ConsumerRecord<>("postings.raw", 2, 41L, 1_700_000_000_000L,
                TimestampType.CREATE_TIME, 3, 5, "k:1".getBytes(StandardCharsets.UTF_8),
                "{oops".getBytes(StandardCharsets.UTF_8), original, Optional.empty());

        ProducerRecord<byte[], byte[]> dead = DeadLetters.of(failed, "postings.dlq", "classifier", "MALFORMED_JSON",
                new IllegalArgumentException("not valid JSON"));

        assertThat(dead.topic()).isEqualTo("postings.dlq");
        assertThat(dead.key()).isEqualTo(failed.key());
        assertThat(dead.value()).isEqualTo(failed.value());
        assertThat(dead.timestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(DeadLetters.header(dead.headers(), "trace")).isEqualTo("abc");
        assertThat(DeadLetters.header(dead.headers(), DeadLetters.HEADER_TOPIC)).isEqualTo("postings.raw");
        assertThat(DeadLetters.header(dead.headers(), DeadLetters.HEADER_PARTITION)).isEqualTo("2");
        assertThat(DeadLetters.header(dead.headers(), DeadLetters.HEADER_OFFSET)).isEqualTo("41");
        assertThat(DeadLetters.header(dead.headers(), DeadLetters.HEADER_REASON)).isEqualTo("MALFORMED_JSON");
        assertThat(DeadLetters.header(dead.headers(), DeadLetters.HEADER_ERROR_CLASS))
                .isEqualTo(IllegalArgumentException.class.getName());
        assertThat(DeadLetters.header(dead.headers(), DeadLetters.HEADER_ERROR_MESSAGE)).isEqualTo("not valid JSON");
    }

    @Test
    void cutsAValueTooLargeToSendAgainAndSaysHowLongItWas() {
        byte[] huge = new byte[DeadLetters.MAX_VALUE_BYTES + 5000];
        ConsumerRecord<byte[], byte[]> failed = new ConsumerRecord<>("postings.raw", 0, 7L, "k".getBytes(StandardCharsets.UTF_8), huge);

        ProducerRecord<byte[], byte[]> dead = DeadLetters.of(failed, "postings.dlq", "classifier", "MALFORMED_JSON",
                new IllegalArgumentException("too big"));

        assertThat(dead.value()).hasSize(DeadLetters.MAX_VALUE_BYTES);
        assertThat(DeadLetters.header(dead.headers(), DeadLetters.HEADER_VALUE_TRUNCATED)).isEqualTo(String.valueOf(huge.length));
        assertThat(DeadLetters.header(dead.headers(), DeadLetters.HEADER_OFFSET)).isEqualTo("7");
    }
}
