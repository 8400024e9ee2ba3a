package io.roleradar.ingest;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.roleradar.cli.ExitCodes;
import io.roleradar.ingest.publish.KafkaPublisher;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.ingest.identity.Fingerprint;
import io.roleradar.ingest.identity.PublishPlan;
import io.roleradar.ingest.identity.WrittenOffsets;
import io.roleradar.model.RawPosting;
import io.roleradar.testkit.CommittedRecords;
import io.roleradar.testkit.TestKafka;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A stop during a run leaves nothing half-published on the real broker. */
class StoppedRunIT {

    private static List<String> committedKeys(String topic) {
        return CommittedRecords.read(TestKafka.bootstrapServers(), topic, new StringDeserializer(), new ByteArrayDeserializer())
                .stream().map(r -> r.key()).toList();
    }

    @Test
    void aTransactionStoppedHalfwayIsAbortedAndTheNextRunIsCommittedWhole() {
        String topic = TestKafka.unique("raw");
        TopicAdmin.ensureRawTopic(TestKafka.settings(), topic, 2);
        List<PublishPlan.ToPublish> postings = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            RawPosting p = RawPosting.of("test:" + i, "Engineer " + i, "Build thing " + i + ".");
            postings.add(new PublishPlan.ToPublish(p, Fingerprint.of(p), null));
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (KafkaPublisher publisher = new KafkaPublisher(TestKafka.settings(), topic, TestKafka.unique("tx"), registry)) {
            publisher.init();
            AtomicInteger sent = new AtomicInteger();
            // Stop after five of the ten sends: those five were sent inside the open transaction.
            assertThat(publisher.publish(postings, () -> sent.incrementAndGet() > 5, new WrittenOffsets())).isFalse();
            assertThat(publisher.publish(postings.subList(0, 3), () -> false, new WrittenOffsets())).isTrue();
            // The producer's own metrics are bound to the registry (KafkaClientMetrics).
            assertThat(registry.getMeters()).anySatisfy(m -> assertThat(m.getId().getName()).startsWith("kafka.producer."));
        }
        assertThat(committedKeys(topic)).containsExactlyInAnyOrder("test:0", "test:1", "test:2");
    }

    @Test
    void aStopWhileReadingSourcesPublishesNothingAndExits130(@org.junit.jupiter.api.io.TempDir java.nio.file.Path state) throws Exception {
        String topic = TestKafka.unique("raw");
        RunCommand command = new RunCommand();
        command.env = Map.of();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jobs.json", ex -> {
            // The stop arrives while this source is being read.
            command.stop.request();
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            int code = new CommandLine(command).execute("-s", Fixtures.file("lever-globex.json"),
                    "-s", "http://127.0.0.1:" + server.getAddress().getPort() + "/jobs.json",
                    "-s", Fixtures.file("Northwind.json"),
                    "--bootstrap-servers", TestKafka.bootstrapServers(), "--topic-raw", topic,
                    "--transactional-id", TestKafka.unique("tx"), "--min-interval", "0s",
                    "--state-dir", state.toString());
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.INTERRUPTED);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("run aborted", "nothing published");
            assertThat(committedKeys(topic)).isEmpty();
        } finally {
            server.stop(0);
        }
    }
}
