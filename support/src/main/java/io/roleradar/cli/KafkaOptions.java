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
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers to connect to. Env: KAFKA_BOOTSTRAP_SERVERS. Default: "
                    + KafkaSettings.DEFAULT_BOOTSTRAP)
    String bootstrapServers;

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

    /** For tests and the launcher: set the bootstrap servers as if given by flag. */
    public KafkaOptions bootstrapServers(String servers) {
        this.bootstrapServers = servers;
        return this;
    }
}
