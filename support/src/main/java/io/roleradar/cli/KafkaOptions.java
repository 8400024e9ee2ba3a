package io.roleradar.cli;

import io.roleradar.kafka.KafkaReachability;
import io.roleradar.kafka.KafkaSettings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connection options every Kafka service shares, as a picocli mixin: the brokers, the wait for
 * them at start, client properties and the metrics port; flags beat the environment. The timeout
 * and the port fall back to their variables through picocli's {@code ${env:...}} defaults, so a
 * wrong value there is a usage error as the command line is parsed. The brokers and the client
 * properties come from the environment map a command passes to {@link #settings}: every
 * {@code KAFKA_*} variable becomes a client property (see {@link KafkaSettings}), a mapping no
 * option could declare.
 *
 * <p>The topics are not here: each command composes the mixins of the topics it uses
 * ({@link RawTopicOption}, {@link TaggedTopicOption}, {@link DeadLetterTopicOption}), and
 * {@link PartitionsOption} when it creates topics, so its help shows only flags it reads.
 */
public final class KafkaOptions {
    /** The environment variable of {@code --kafka-timeout}. */
    public static final String TIMEOUT_ENV = "ROLERADAR_KAFKA_TIMEOUT";
    /** How long a command waits for Kafka at start before giving up, unless told otherwise. */
    public static final String DEFAULT_TIMEOUT = "15s";
    /** The default of every {@code --kafka-timeout}, the demo's too: {@value}. */
    public static final String TIMEOUT_DEFAULT_VALUE = "${env:" + TIMEOUT_ENV + ":-" + DEFAULT_TIMEOUT + "}";

    // Kafka's own tools spell it --bootstrap-server; both spellings are accepted.
    @Option(names = {"--bootstrap-server", "--bootstrap-servers"}, paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers to connect to. Env: KAFKA_BOOTSTRAP_SERVERS. Default: "
                    + KafkaSettings.DEFAULT_BOOTSTRAP)
    String bootstrapServers;

    @Option(names = "--kafka-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = TIMEOUT_DEFAULT_VALUE,
            description = "How long to wait for Kafka to answer at start before giving up (exit 3). "
                    + "Env: " + TIMEOUT_ENV + ". Default: " + DEFAULT_TIMEOUT)
    Duration kafkaTimeout;

    @Option(names = {"-X", "--kafka-property"}, paramLabel = "KEY=VALUE",
            description = "Any Kafka client property, repeatable (e.g. -X security.protocol=SSL). "
                    + "Env: KAFKA_<PROPERTY_IN_UPPER_SNAKE_CASE>.")
    Map<String, String> kafkaProperties = new LinkedHashMap<>();

    // 0 is off: a batch run is often scraped by nobody.
    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "${env:ROLERADAR_METRICS_PORT:-0}",
            converter = Port.class,
            description = "Serve Prometheus metrics at http://HOST:PORT/metrics. Env: ROLERADAR_METRICS_PORT. "
                    + "Default: off")
    int metricsPort;

    /** Client settings: environment first, then flags. */
    public KafkaSettings settings(Map<String, String> env) {
        return KafkaSettings.fromEnv(env).with(kafkaProperties).withBootstrapServers(bootstrapServers);
    }

    /** A TCP port, or 0 for off: a wrong one is a usage error at start, not when the endpoint opens. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            try {
                int port = Integer.parseInt(text.strip());
                if (port >= 0 && port <= 65_535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // the message below
            }
            throw new TypeConversionException("'" + text + "' is not a port: write 1-65535, or 0 for off");
        }
    }

    /** The port of the metrics endpoint, 0 for none. */
    public int metricsPort() {
        return metricsPort;
    }

    /** How long to wait for Kafka at start. */
    public Duration kafkaTimeout() {
        return kafkaTimeout;
    }

    /**
     * Fails fast, in one line, when no broker answers: throws
     * {@link KafkaReachability.KafkaUnreachableException}.
     */
    public void requireReachable(Map<String, String> env) {
        KafkaReachability.check(settings(env), kafkaTimeout);
    }
}
