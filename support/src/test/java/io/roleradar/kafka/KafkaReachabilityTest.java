package io.roleradar.kafka;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaReachabilityTest {
    @Test
    void aClosedPortFailsAtOnceNamingTheAddressAndBothWaysOut() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        KafkaSettings settings = KafkaSettings.fromEnv(Map.of()).withBootstrapServers("127.0.0.1:" + port);
        long start = System.nanoTime();

        assertThatThrownBy(() -> KafkaReachability.check(settings, Duration.ofSeconds(15)))
                .isInstanceOfSatisfying(KafkaReachability.KafkaUnreachableException.class, e -> {
                    String line = e.userMessage("ingest run", "--output FILE");
                    assertThat(line).contains("127.0.0.1:" + port).contains("./roleradar broker")
                            .contains("--output FILE").doesNotContain("\n");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aListenerThatIsNotKafkaFailsWithinTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            KafkaSettings settings = KafkaSettings.fromEnv(Map.of())
                    .withBootstrapServers("127.0.0.1:" + silent.getLocalPort());
            long start = System.nanoTime();

            assertThatThrownBy(() -> KafkaReachability.check(settings, Duration.ofSeconds(2)))
                    .isInstanceOf(KafkaReachability.KafkaUnreachableException.class)
                    .hasMessageContaining("within 2 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }
}
