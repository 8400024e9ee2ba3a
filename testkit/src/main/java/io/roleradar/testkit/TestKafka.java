package io.roleradar.testkit;

import io.roleradar.broker.EmbeddedKafkaBroker;
import io.roleradar.kafka.KafkaSettings;
import org.testcontainers.kafka.KafkaContainer;

import java.util.Map;
import java.util.UUID;

/**
 * The one place that says which real Kafka broker the integration tests run against, started once
 * per test JVM and shared by every test in it (each test uses its own topics and groups).
 *
 * <p>Chosen by {@code ROLERADAR_TEST_KAFKA} (environment or system property):
 * <ul>
 *   <li>{@code embedded} (default): {@link EmbeddedKafkaBroker}, a KRaft broker from the Maven
 *       Central jars; needs nothing but a JDK.</li>
 *   <li>{@code testcontainers}: the official {@code apache/kafka} image through Testcontainers;
 *       needs a Docker engine.</li>
 *   <li>{@code external}: the broker at {@code KAFKA_BOOTSTRAP_SERVERS}.</li>
 * </ul>
 * The choice and the address are printed once, so the test output says which broker ran.
 */
public final class TestKafka {
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    private static volatile Running running;

    private TestKafka() {
    }

    /** The bootstrap address of the shared test broker, starting it on first use. */
    public static String bootstrapServers() {
        return running().bootstrapServers;
    }

    /** Client settings pointing at the shared test broker. */
    public static KafkaSettings settings() {
        return KafkaSettings.fromEnv(Map.of()).withBootstrapServers(bootstrapServers());
    }

    /**
     * The embedded broker, for tests that kill or restart it; fails when the tests run against
     * another kind of broker (such a test should be skipped there).
     */
    public static EmbeddedKafkaBroker embeddedBroker() {
        Running r = running();
        if (r.embedded == null) {
            throw new IllegalStateException("the tests run against a " + r.kind + " broker, not the embedded one");
        }
        return r.embedded;
    }

    /** A topic or group name no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String configuredKind() {
        String kind = System.getProperty("ROLERADAR_TEST_KAFKA", System.getenv("ROLERADAR_TEST_KAFKA"));
        return kind == null || kind.isBlank() ? "embedded" : kind.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static Running running() {
        Running r = running;
        if (r == null) {
            synchronized (TestKafka.class) {
                r = running;
                if (r == null) {
                    r = start(configuredKind());
                    running = r;
                    System.out.println("[roleradar tests] Kafka broker: " + r.kind + " at " + r.bootstrapServers);
                }
            }
        }
        return r;
    }

    private static Running start(String kind) {
        switch (kind) {
            case "embedded" -> {
                EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null);
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-stop"));
                return new Running("embedded KRaft broker (kafka_2.13 from Maven Central)", broker.bootstrapServers(), broker);
            }
            case "testcontainers" -> {
                KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
                container.start();
                Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-kafka-stop"));
                return new Running("testcontainers " + KAFKA_IMAGE, container.getBootstrapServers(), null);
            }
            case "external" -> {
                String servers = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
                if (servers == null || servers.isBlank()) {
                    throw new IllegalStateException("ROLERADAR_TEST_KAFKA=external needs KAFKA_BOOTSTRAP_SERVERS");
                }
                return new Running("external broker", servers, null);
            }
            default -> throw new IllegalStateException("ROLERADAR_TEST_KAFKA must be embedded, testcontainers or external, got '"
                    + kind + "'");
        }
    }

    private record Running(String kind, String bootstrapServers, EmbeddedKafkaBroker embedded) {
    }
}
