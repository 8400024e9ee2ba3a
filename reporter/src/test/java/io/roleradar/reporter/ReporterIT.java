package io.roleradar.reporter;

import io.roleradar.cli.ExitCodes;
import io.roleradar.model.PostingJson;
import io.roleradar.testkit.TestKafka;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reporter run} against the real broker: tagged postings produced to a topic in committed,
 * aborted and still-open transactions, plus a tombstone and an unreadable record.
 */
class ReporterIT {
    @TempDir
    Path dir;

    @Test
    void reportsTheLatestCommittedTagsOfATopicAndASecondRunGivesTheSameNumbers() throws Exception {
        String topic = TestKafka.unique("tagged");
        createTopic(topic, 3);
        List<String> basic = Fixtures.lines(Fixtures.BASIC);
        String gamma1 = Fixtures.lines(Fixtures.BASIC).get(4);

        try (KafkaProducer<byte[], byte[]> producer = transactionalProducer()) {
            producer.initTransactions();
            // Committed: the six postings (one of them twice), a posting later deleted, and a record no one can read.
            producer.beginTransaction();
            for (String line : basic) {
                send(producer, topic, idOf(line), line);
            }
            String doomed = gamma1.replace("lever:gamma:1", "lever:gamma:99");
            send(producer, topic, "lever:gamma:99", doomed);
            send(producer, topic, "junk:1", "{\"schemaVersion\": 1, \"posting\": ");
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, bytes("lever:gamma:99"), null));
            producer.commitTransaction();

            // Aborted: a new posting and a change to an existing one; neither may count.
            producer.beginTransaction();
            send(producer, topic, "aborted:1", gamma1.replace("lever:gamma:1", "aborted:1").replace("\"Gamma\"", "\"Aborted Inc\""));
            send(producer, topic, "greenhouse:acme:2", basic.get(1).replace("INFRA_GENERALIST", "INFRA_SPECIALIST")
                    .replace("\"specialization\": \"GENERALIST\"", "\"specialization\": \"SPECIALIST\""));
            producer.flush();
            producer.abortTransaction();
        }

        Path first = dir.resolve("first");
        assertThat(run(topic, first)).isEqualTo(ExitCodes.OK);

        // The numbers of tagged-basic.jsonl, worked out by hand in the unit tests.
        CSVRecord ms = CsvFiles.row(first.resolve("quadrants.csv"), r -> r.get("quadrant").equals("MODELING_SPECIALIST"));
        assertThat(ms.get("postings")).isEqualTo("2");
        assertThat(ms.get("share")).isEqualTo("0.4000");
        CSVRecord ig = CsvFiles.row(first.resolve("quadrants.csv"), r -> r.get("quadrant").equals("INFRA_GENERALIST"));
        assertThat(ig.get("postings")).as("the aborted change of acme:2 is not seen").isEqualTo("1");
        CSVRecord cs = CsvFiles.row(first.resolve("rounds.csv"), r -> r.get("scope").equals("overall") && r.get("round").equals("ML_CASE_STUDY"));
        assertThat(cs.get("weighted_demand")).isEqualTo("3.1000");
        assertThat(CsvFiles.read(first.resolve("companies.csv"))).extracting(r -> r.get("company"))
                .containsExactly("Acme", "Beta", "Gamma");
        assertThat(CsvFiles.read(first.resolve("postings.csv"))).extracting(r -> r.get("id"))
                .containsExactly("ashby:beta:1", "ashby:beta:2", "greenhouse:acme:1", "greenhouse:acme:2",
                        "lever:gamma:1", "lever:gamma:2");
        CSVRecord acme1 = CsvFiles.row(first.resolve("postings.csv"), r -> r.get("id").equals("greenhouse:acme:1"));
        assertThat(acme1.get("level")).as("the later of two records of an id wins").isEqualTo("STAFF_PLUS");

        var manifest = PostingJson.tree(Files.readString(first.resolve("manifest.json")));
        assertThat(manifest.at("/input/kind").asText()).isEqualTo("topic");
        assertThat(manifest.at("/input/topic").asText()).isEqualTo(topic);
        assertThat(manifest.at("/input/partitions")).hasSize(3);
        assertThat(manifest.at("/counts/records").asLong()).isEqualTo(basic.size() + 3); // + doomed, junk, tombstone
        assertThat(manifest.at("/counts/tombstones").asLong()).isEqualTo(1);
        assertThat(manifest.at("/counts/unreadable").asLong()).isEqualTo(1);
        assertThat(manifest.at("/unreadable/records/0/where").asText()).startsWith(topic + "-");
        assertThat(manifest.at("/counts/mlPostingsCounted").asLong()).isEqualTo(5);

        Path second = dir.resolve("second");
        assertThat(run(topic, second)).isEqualTo(ExitCodes.OK);
        for (String csv : io.roleradar.reporter.output.CsvReports.FILES) {
            assertThat(Files.readString(second.resolve(csv))).as(csv + " of the second run")
                    .isEqualTo(Files.readString(first.resolve(csv)));
        }
    }

    @Test
    void stopsAtTheLastStableOffsetWhileATransactionIsOpen() throws Exception {
        String topic = TestKafka.unique("tagged-open");
        createTopic(topic, 1);
        List<String> basic = Fixtures.lines(Fixtures.BASIC);
        try (KafkaProducer<byte[], byte[]> producer = transactionalProducer()) {
            producer.initTransactions();
            producer.beginTransaction();
            send(producer, topic, idOf(basic.get(0)), basic.get(0));
            producer.commitTransaction();
            producer.beginTransaction();
            send(producer, topic, idOf(basic.get(1)), basic.get(1));
            producer.flush();

            // The open transaction's record is past the last stable offset: the run ends without it.
            Path out = dir.resolve("open");
            assertThat(run(topic, out)).isEqualTo(ExitCodes.OK);
            assertThat(CsvFiles.read(out.resolve("postings.csv"))).extracting(r -> r.get("id"))
                    .containsExactly("greenhouse:acme:1");
            producer.abortTransaction();
        }
    }

    @Test
    void anEmptyTopicIsNothingToReadAndWritesNothing() throws Exception {
        String topic = TestKafka.unique("tagged-empty");
        createTopic(topic, 1);
        Path out = dir.resolve("empty");
        assertThat(run(topic, out)).isEqualTo(ExitCodes.FAILED);
        assertThat(out).doesNotExist();
    }

    @Test
    void aTopicThatDoesNotExistFailsWithAMessage() {
        int code = run(TestKafka.unique("no-such-topic"), dir.resolve("none"));
        assertThat(code).isEqualTo(ExitCodes.FAILED);
    }

    private static int run(String topic, Path out) {
        return ReporterMain.execute("run", "--out-dir", out.toString(), "--bootstrap-server", TestKafka.bootstrapServers(),
                "--topic-tagged", topic);
    }

    private static void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", TestKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<byte[], byte[]> transactionalProducer() {
        Map<String, Object> props = TestKafka.settings().toMap();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TestKafka.unique("reporter-it-tx"));
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, String value) {
        producer.send(new ProducerRecord<>(topic, bytes(key), bytes(value)));
    }

    private static String idOf(String line) {
        return PostingJson.tree(line).at("/posting/id").asText();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
