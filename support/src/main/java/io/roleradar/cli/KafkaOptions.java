package io.roleradar.cli;

import io.roleradar.kafka.KafkaReachability;
import io.roleradar.kafka.KafkaSettings;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connection options every Kafka service shares, as a picocli mixin: the brokers, the wait for
 * them at start, client properties and the metrics port. Each flag falls back to an environment
 * variable, and every {@code KAFKA_*} variable passes through as a client property (see
 * {@link KafkaSettings}); flags beat the environment. picocli checks the flags as it parses them; a
 * command calls {@link #checkEnvironment} with its other settings, so a wrong value in the
 * environment is a usage error too, before the command starts.
 *
 * <p>The topics are not here: each command composes the mixins of the topics it uses
 * ({@link RawTopicOption}, {@link TaggedTopicOption}, {@link DeadLetterTopicOption}), and
 * {@link PartitionsOption} when it creates topics, so its help shows only flags it reads.
 */
public final class KafkaOptions {
    /** The environment variable of {@code --kafka-timeout}. */
    public static final String TIMEOUT_ENV = "ROLERADAR_KAFKA_TIMEOUT";

    // Kafka's own tools spell it --bootstrap-server; both spellings are accepted.
    @Option(names = {"--bootstrap-server", "--bootstrap-servers"}, paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers to connect to. Env: KAFKA_BOOTSTRAP_SERVERS. Default: "
                    + KafkaSettings.DEFAULT_BOOTSTRAP)
    String bootstrapServers;

    @Option(names = "--kafka-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for Kafka to answer at start before giving up (exit 3). "
                    + "Env: ROLERADAR_KAFKA_TIMEOUT. Default: 15s")
    Duration kafkaTimeout;

    @Option(names = {"-X", "--kafka-property"}, paramLabel = "KEY=VALUE",
            description = "Any Kafka client property, repeatable (e.g. -X security.protocol=SSL). "
                    + "Env: KAFKA_<PROPERTY_IN_UPPER_SNAKE_CASE>.")
    Map<String, String> kafkaProperties = new LinkedHashMap<>();

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve Prometheus metrics at http://HOST:PORT/metrics. Env: ROLERADAR_METRICS_PORT. "
                    + "Default: off")
    Integer metricsPort;

    /** Client settings: environment first, then flags. */
    public KafkaSettings settings(Map<String, String> env) {
        return KafkaSettings.fromEnv(env).with(kafkaProperties).withBootstrapServers(bootstrapServers);
    }

    public int metricsPort(Map<String, String> env) {
        return metricsPort != null ? metricsPort : number(env, "ROLERADAR_METRICS_PORT", 0);
    }

    /** How long to wait for Kafka at start: the flag, else {@value #TIMEOUT_ENV}, else 15 s. */
    public Duration kafkaTimeout(Map<String, String> env) {
        return kafkaTimeout(kafkaTimeout, env);
    }

    /**
     * The same for a command with a {@code --kafka-timeout} of its own (the demo's): {@code flag}
     * when given, else {@value #TIMEOUT_ENV}, else 15 s.
     *
     * @throws IllegalArgumentException naming the variable when its value is not a duration
     */
    public static Duration kafkaTimeout(Duration flag, Map<String, String> env) {
        if (flag != null) {
            return flag;
        }
        String text = env.get(TIMEOUT_ENV);
        return text == null || text.isBlank() ? KafkaReachability.DEFAULT_TIMEOUT : Durations.parse(text, TIMEOUT_ENV);
    }

    /**
     * Reads every value these options take from the environment, so that a wrong one is reported
     * with the command's other settings (exit 2), not when the command gets to it.
     *
     * @throws IllegalArgumentException naming the variable and what it should hold
     */
    public void checkEnvironment(Map<String, String> env) {
        metricsPort(env);
        kafkaTimeout(env);
    }

    /** The whole number in {@code variable}, else {@code fallback} when it is unset or blank. */
    static int number(Map<String, String> env, String variable, int fallback) {
        String text = env.get(variable);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " '" + text + "' is not a whole number");
        }
    }

    /**
     * Fails fast, in one line, when no broker answers: throws
     * {@link KafkaReachability.KafkaUnreachableException}.
     */
    public void requireReachable(Map<String, String> env) {
        KafkaReachability.check(settings(env), kafkaTimeout(env));
    }
}
