package io.roleradar.reporter.input;

/** Kafka did not answer within the client's timeout; the run exits with {@code KAFKA_UNAVAILABLE}. */
public final class KafkaUnavailableException extends RuntimeException {
    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
