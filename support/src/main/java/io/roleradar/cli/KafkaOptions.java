package io.roleradar.cli;

import io.roleradar.kafka.KafkaSettings;
import io.roleradar.kafka.Topics;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka options every service shares, as a picocli mixin. Each flag falls back to an
 * environment variable, and every {@code KAFKA_*} variable passes through as a client property
 * (see {@link KafkaSettings}); flags beat the environment.
 */
public final class KafkaOptions {
    // Kafka's own tools spell it --bootstrap-server; both spellings are accepted.
    @Option(names = {"--bootstrap-server", "--bootstrap-servers"}, paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers to connect to. Env: KAFKA_BOOTSTRAP_SERVERS. Default: "
                    + KafkaSettings.DEFAULT_BOOTSTRAP)
    String bootstrapServers;

    @Option(names = "--kafka-timeout", paramLabel = "DURATION",
            description = "How long to wait for Kafka to answer at start before giving up (exit 3). "
                    + "Env: ROLERADAR_KAFKA_TIMEOUT. Default: 15s")
    String kafkaTimeout;

    @Option(names = {"-X", "--kafka-property"}, paramLabel = "KEY=VALUE",
            description = "Any Kafka client property, repeatable (e.g. -X security.protocol=SSL). "
                    + "Env: KAFKA_<PROPERTY_IN_UPPER_SNAKE_CASE>.")
    Map<String, String> kafkaProperties = new LinkedHashMap<>();

    @Option(names = "--topic-raw", paramLabel = "TOPIC",
            description = "Topic of raw postings. Env: ROLERADAR_TOPIC_RAW. Default: " + Topics.DEFAULT_RAW)
    String rawTopic;

    @Option(names = "--topic-tagged", paramLabel = "TOPIC",
            description = "Topic of tagged postings. Env: ROLERADAR_TOPIC_TAGGED. Default: " + Topics.DEFAULT_TAGGED)
    String taggedTopic;

    @Option(names = "--topic-dlq", paramLabel = "TOPIC",
            description = "Dead-letter topic. Env: ROLERADAR_TOPIC_DLQ. Default: " + Topics.DEFAULT_DEAD_LETTER)
    String deadLetterTopic;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Partitions of a topic roleradar creates. Env: ROLERADAR_TOPIC_PARTITIONS. Default: 3")
    Integer partitions;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve Prometheus metrics at http://HOST:PORT/metrics. Env: ROLERADAR_METRICS_PORT. "
                    + "Default: off")
    Integer metricsPort;

    /** Client settings: environment first, then flags. */
    public KafkaSettings settings(Map<String, String> env) {
        return KafkaSettings.fromEnv(env).with(kafkaProperties).withBootstrapServers(bootstrapServers);
    }

    public Topics topics(Map<String, String> env) {
        Topics fromEnv = Topics.fromEnv(env);
        return new Topics(
                rawTopic != null ? rawTopic : fromEnv.raw(),
                taggedTopic != null ? taggedTopic : fromEnv.tagged(),
                deadLetterTopic != null ? deadLetterTopic : fromEnv.deadLetter());
    }

    public int partitions(Map<String, String> env) {
        int n = partitions != null ? partitions : Integer.parseInt(env.getOrDefault("ROLERADAR_TOPIC_PARTITIONS", "3"));
        if (n < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, got " + n);
        }
        return n;
    }

    public int metricsPort(Map<String, String> env) {
        return metricsPort != null ? metricsPort : Integer.parseInt(env.getOrDefault("ROLERADAR_METRICS_PORT", "0"));
    }

    /** How long to wait for Kafka at start: the flag, else ROLERADAR_KAFKA_TIMEOUT, else 15 s. */
    public java.time.Duration kafkaTimeout(Map<String, String> env) {
        String text = kafkaTimeout != null ? kafkaTimeout : env.get("ROLERADAR_KAFKA_TIMEOUT");
        return text == null ? io.roleradar.kafka.KafkaReachability.DEFAULT_TIMEOUT
                : Durations.parse(text, "--kafka-timeout");
    }

    /**
     * Fails fast, in one line, when no broker answers: throws
     * {@link io.roleradar.kafka.KafkaReachability.KafkaUnreachableException}.
     */
    public void requireReachable(Map<String, String> env) {
        io.roleradar.kafka.KafkaReachability.check(settings(env), kafkaTimeout(env));
    }

    /** For tests and the launcher: set the bootstrap servers as if given by flag. */
    public KafkaOptions bootstrapServers(String servers) {
        this.bootstrapServers = servers;
        return this;
    }
}
