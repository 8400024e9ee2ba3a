package io.roleradar.kafka;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaSettingsTest {

    @Test
    void passesEveryKafkaVariableThroughAsAClientProperty() {
        KafkaSettings settings = KafkaSettings.fromEnv(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "broker:29092",
                "KAFKA_SECURITY_PROTOCOL", "SSL",
                "KAFKA_HEAP_OPTS", "-Xmx1g",
                "HOME", "/root"));

        assertThat(settings.toMap())
                .containsEntry("bootstrap.servers", "broker:29092")
                .containsEntry("security.protocol", "SSL")
                .doesNotContainKey("heap.opts")
                .doesNotContainKey("home");
    }

    @Test
    void defaultsTheBootstrapServersToLocalhost() {
        assertThat(KafkaSettings.fromEnv(Map.of()).bootstrapServers()).isEqualTo("localhost:9092");
    }

    @Test
    void flagsBeatTheEnvironment() {
        KafkaSettings settings = KafkaSettings.fromEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", "a:1"))
                .withBootstrapServers("b:2");

        assertThat(settings.bootstrapServers()).isEqualTo("b:2");
    }

    @Test
    void hidesSecretsWhenPrinted() {
        KafkaSettings settings = KafkaSettings.fromEnv(Map.of("KAFKA_SSL_KEY_PASSWORD", "hunter2"));

        assertThat(settings.toString()).doesNotContain("hunter2");
    }
}
