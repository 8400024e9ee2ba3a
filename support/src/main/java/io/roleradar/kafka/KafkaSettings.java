package io.roleradar.kafka;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Kafka client properties from the environment, the way the official Kafka images read theirs:
 * every {@code KAFKA_FOO_BAR} variable becomes the client property {@code foo.bar}, so any client
 * setting (security, timeouts, ...) passes through without code. {@code KAFKA_BOOTSTRAP_SERVERS}
 * is the one most users set. Variables of Kafka's own shell scripts ({@code KAFKA_OPTS}, ...) are
 * not client settings and are left out.
 */
public final class KafkaSettings {
    public static final String DEFAULT_BOOTSTRAP = "localhost:9092";
    private static final Set<String> NOT_CLIENT_SETTINGS = Set.of(
            "KAFKA_OPTS", "KAFKA_HEAP_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_LOG4J_OPTS",
            "KAFKA_JMX_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_HOME", "KAFKA_DEBUG", "KAFKA_VERSION");

    private final Map<String, Object> properties;

    private KafkaSettings(Map<String, Object> properties) {
        this.properties = Map.copyOf(properties);
    }

    /** Client properties from {@code KAFKA_*} variables, with the bootstrap servers defaulted. */
    public static KafkaSettings fromEnv(Map<String, String> env) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", DEFAULT_BOOTSTRAP);
        env.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !NOT_CLIENT_SETTINGS.contains(name) && value != null && !value.isBlank()) {
                props.put(name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return new KafkaSettings(props);
    }

    /** These settings with the given ones laid over them (flags beat the environment). */
    public KafkaSettings with(Map<String, ?> overrides) {
        Map<String, Object> props = new LinkedHashMap<>(properties);
        overrides.forEach((k, v) -> {
            if (v != null) {
                props.put(k, v);
            }
        });
        return new KafkaSettings(props);
    }

    public KafkaSettings withBootstrapServers(String bootstrapServers) {
        return bootstrapServers == null || bootstrapServers.isBlank()
                ? this : with(Map.of("bootstrap.servers", bootstrapServers));
    }

    public String bootstrapServers() {
        return String.valueOf(properties.get("bootstrap.servers"));
    }

    /** A mutable copy, for a client to add its own settings to. */
    public Map<String, Object> toMap() {
        return new LinkedHashMap<>(properties);
    }

    @Override
    public String toString() {
        // Never print secrets: sasl.jaas.config and anything named *password* are masked.
        Map<String, Object> shown = new LinkedHashMap<>();
        properties.forEach((k, v) -> shown.put(k, k.contains("password") || k.contains("jaas") ? "[hidden]" : v));
        return shown.toString();
    }
}
