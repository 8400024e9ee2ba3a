package io.roleradar.classifier;

import io.roleradar.kafka.TopicAdmin;
import io.roleradar.kafka.Topics;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.testkit.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The service as a real process: SIGTERM stops it cleanly, through {@code consumer.wakeup()}. */
class ClassifierProcessIT {

    @Test
    @Timeout(120)
    void stopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        Topics topics = new Topics(TestKafka.unique("raw"), TestKafka.unique("tagged"), TestKafka.unique("dlq"));
        TopicAdmin.ensureTopics(TestKafka.settings(), topics, 2);
        Map<String, Object> props = TestKafka.settings().toMap();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (RawPosting p : Fixtures.all()) {
                producer.send(new ProducerRecord<>(topics.raw(), p.id().getBytes(StandardCharsets.UTF_8),
                        PostingJson.write(p))).get();
            }
        }
        Path log = dir.resolve("classifier.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ClassifierMain.class.getName(), "--bootstrap-servers", TestKafka.bootstrapServers(),
                "--topic-raw", topics.raw(), "--topic-tagged", topics.tagged(), "--topic-dlq", topics.deadLetter(),
                "--group", TestKafka.unique("group"), "--instance-id", "proc"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (!Files.readString(log).contains("owns [")) {
                assertThat(process.isAlive()).as("the service runs: " + Files.readString(log)).isTrue();
                assertThat(Instant.now()).as("the service joins its group within 60 s").isBefore(deadline);
                Thread.sleep(100); // polling the log with a deadline
            }
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stops within 30 s of SIGTERM").isTrue();
            assertThat(Files.readString(log)).contains("stopped (STOPPED)");
        } finally {
            process.destroyForcibly();
        }
    }
}
