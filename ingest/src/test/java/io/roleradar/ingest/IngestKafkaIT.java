package io.roleradar.ingest;

import io.roleradar.cli.ExitCodes;
import io.roleradar.ingest.identity.Fingerprint;
import io.roleradar.ingest.identity.PostingStore;
import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.testkit.SchemaValidator;
import io.roleradar.testkit.SharedData;
import io.roleradar.testkit.CommittedRecords;
import io.roleradar.testkit.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ingest run} against the real test broker: same postings as --output, exactly once, across restarts. */
class IngestKafkaIT {
    @TempDir
    static Path states;

    /** One {@code ingest run} as a fresh command instance: a new producer and a dedup state rebuilt from the topic. */
    private record Run(int exitCode, String stderr) {
    }

    private static Run run(String topic, String txId, String... args) {
        RunCommand command = new RunCommand();
        command.env = Map.of();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>(List.of(args));
        if (topic != null && !all.contains("--state-dir")) {
            // Each test's topic is new: a store of its own, not one under the user's home.
            all.addAll(List.of("--state-dir", states.toString()));
        }
        if (topic != null) {
            all.addAll(List.of("--bootstrap-servers", TestKafka.bootstrapServers(), "--topic-raw", topic,
                    "--partitions", "2",
                    "--transactional-id", txId));
        }
        int code = new CommandLine(command).execute(all.toArray(String[]::new));
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    /** Every committed record of the topic, in order, read to its end with a deadline. */
    private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return CommittedRecords.read(TestKafka.bootstrapServers(), topic, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static Map<String, RawPosting> latestById(List<ConsumerRecord<String, byte[]>> records) throws InvalidMessageException {
        Map<String, RawPosting> byId = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            RawPosting p = PostingJson.readRaw(r.value());
            assertThat(r.key()).isEqualTo(p.id());
            byId.put(r.key(), p);
        }
        return byId;
    }

    private static RawPosting withoutFetchTime(RawPosting p) {
        return p.toBuilder().fetchedAt(null).build();
    }

    @Test
    void kafkaAndOutputFileGiveTheSamePostingsAndASecondRunPublishesNothing(@TempDir Path dir) throws Exception {
        String lightfield = SharedData.resolve("ashby-boards/Lightfield.json").toString();
        String glassdoor = SharedData.resolve("csv/glassdoor_jobs.csv").toString();
        String greenhouse = SharedData.resolve("ats-api-responses/greenhouse_jobs.json").toString();
        String topic = TestKafka.unique("raw");
        String txId = TestKafka.unique("ingest-tx");

        Path out = dir.resolve("postings.jsonl");
        Run toFile = run(null, null, "-s", lightfield, "-s", glassdoor, "-s", greenhouse, "--output", out.toString());
        assertThat(toFile.exitCode()).as(toFile.stderr()).isEqualTo(ExitCodes.OK);
        Map<String, RawPosting> fromFile = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out)) {
            assertThat(SchemaValidator.rawPostingErrors(line)).isEmpty();
            RawPosting p = PostingJson.readRaw(line);
            fromFile.put(p.id(), withoutFetchTime(p));
        }

        Run first = run(topic, txId, "-s", lightfield, "-s", glassdoor, "-s", greenhouse);
        assertThat(first.exitCode()).as(first.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(first.stderr()).contains(fromFile.size() + " published", "359 duplicates");
        List<ConsumerRecord<String, byte[]>> records = readAll(topic);
        for (ConsumerRecord<String, byte[]> r : records) {
            assertThat(SchemaValidator.rawPostingErrors(new String(r.value(), StandardCharsets.UTF_8))).isEmpty();
            // The header the next run's dedup state is rebuilt from, without parsing the value.
            assertThat(Fingerprint.fromHeader(r.headers().lastHeader(Fingerprint.HEADER).value()))
                    .isEqualTo(Fingerprint.of(PostingJson.readRaw(r.value())));
        }
        Map<String, RawPosting> fromKafka = new LinkedHashMap<>();
        // Published postings carry the date they were first seen; a dry run publishes nothing, so has none.
        latestById(records).forEach((id, p) -> {
            assertThat(p.firstSeenAt()).isNotNull();
            fromKafka.put(id, withoutFetchTime(p).toBuilder().firstSeenAt(null).build());
        });
        assertThat(records).hasSize(fromFile.size());
        assertThat(fromKafka).isEqualTo(fromFile);

        // A new instance rebuilds its dedup state from the topic: nothing is new, nothing is published.
        Run second = run(topic, txId, "-s", lightfield, "-s", glassdoor, "-s", greenhouse);
        assertThat(second.exitCode()).as(second.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(second.stderr()).contains(" 0 published", fromFile.size() + " unchanged");
        assertThat(readAll(topic)).hasSize(records.size());
    }

    @Test
    void aChangedPostingIsPublishedAgainUnderTheSameIdAfterARestart(@TempDir Path dir) throws Exception {
        String topic = TestKafka.unique("raw");
        String txId = TestKafka.unique("ingest-tx");
        Path csv = dir.resolve("openings.csv");
        Files.writeString(csv, "id,title,company,location,description\n"
                + "7,Data Engineer,Initech,Austin,\"Build the warehouse.\"\n"
                + "8,ML Engineer,Initech,Austin,\"Train ranking models.\"\n");
        assertThat(run(topic, txId, "-s", csv.toString()).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(readAll(topic)).hasSize(2);

        Files.writeString(csv, "id,title,company,location,description\n"
                + "7,Data Engineer,Initech,Austin,\"Build the warehouse.\"\n"
                + "8,ML Engineer,Initech,Austin,\"Train ranking and retrieval models.\"\n");
        Run changed = run(topic, txId, "-s", csv.toString());
        assertThat(changed.stderr()).contains("1 published", "1 unchanged");
        List<ConsumerRecord<String, byte[]>> records = readAll(topic);
        assertThat(records).hasSize(3);
        ConsumerRecord<String, byte[]> last = records.stream().filter(r -> r.key().equals("csv:openings:8"))
                .reduce((a, b) -> b.offset() > a.offset() ? b : a).orElseThrow();
        assertThat(PostingJson.readRaw(last.value()).description()).isEqualTo("Train ranking and retrieval models.");
        assertThat(latestById(records)).containsOnlyKeys("csv:openings:7", "csv:openings:8");
    }

    @Test
    void aPostingAnotherProducerWroteWithoutAFingerprintIsRecognisedByItsValue(@TempDir Path dir) throws Exception {
        String topic = TestKafka.unique("raw");
        String txId = TestKafka.unique("ingest-tx");
        Path jsonl = dir.resolve("postings.jsonl");
        RawPosting known = RawPosting.builder().id("jsonl:known:1").source("jsonl").title("ML Engineer")
                .company("Initech").description("Train ranking models.").build();
        RawPosting fresh = known.toBuilder().id("jsonl:known:2").title("Data Engineer")
                .description("Build the warehouse.").build();
        Files.writeString(jsonl, PostingJson.writeLine(known) + "\n" + PostingJson.writeLine(fresh) + "\n");
        // Prime the topic through ingest's own output format but with a plain producer: no header.
        assertThat(run(null, null, "-s", jsonl.toString(), "--output", dir.resolve("first.jsonl").toString()).exitCode())
                .isEqualTo(ExitCodes.OK);
        String line = Files.readAllLines(dir.resolve("first.jsonl")).get(0);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                TestKafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            // Create the topic as ingest would, then write to it.
            io.roleradar.kafka.TopicAdmin.ensureRawTopic(TestKafka.settings(), topic, 2);
            producer.send(new ProducerRecord<>(topic, PostingJson.readRaw(line).id(),
                    line.getBytes(StandardCharsets.UTF_8))).get();
        }
        Run run = run(topic, txId, "-s", jsonl.toString());
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(run.stderr()).contains("1 published", "1 unchanged");
        assertThat(latestById(readAll(topic))).containsOnlyKeys("jsonl:known:1", "jsonl:known:2");
    }

    @Test
    void theNextRunBringsTheStoreOfTheSameTopicUpToDateAndRebuildsItFromTheTopicOtherwise(@TempDir Path dir)
            throws Exception {
        String topic = TestKafka.unique("raw");
        String txId = TestKafka.unique("ingest-tx");
        Path state = dir.resolve("state");
        Path csv = dir.resolve("openings.csv");
        Files.writeString(csv, "id,title,company,location,description\n"
                + "7,Data Engineer,Initech,Austin,\"Build the warehouse.\"\n");
        Run first = run(topic, txId, "-s", csv.toString(), "--state-dir", state.toString());
        assertThat(first.stderr()).as(first.stderr()).contains("1 published");

        // A posting that is not on the topic, written into the store as if published: a run that
        // brings the store up to date trusts it; a run that rebuilds it from the topic does not.
        Path newer = dir.resolve("newer.csv");
        Files.writeString(newer, "id,title,company,location,description\n"
                + "8,ML Engineer,Initech,Austin,\"Train ranking models.\"\n");
        Path dry = dir.resolve("newer.jsonl");
        assertThat(run(null, null, "-s", newer.toString(), "--output", dry.toString()).exitCode()).isEqualTo(ExitCodes.OK);
        RawPosting notPublished = PostingJson.readRaw(Files.readAllLines(dry).get(0));
        String topicId;
        try (PostingStore store = PostingStore.open(state.resolve(topic))) {
            assertThat(store.entry("csv:openings:7")).isNotNull();
            topicId = store.topicId();
            try (PostingStore.Batch batch = store.batch()) {
                batch.published(notPublished.id(), Fingerprint.of(notPublished), null, PostingJson.write(notPublished));
                batch.commit();
            }
        }
        Run resumed = run(topic, txId, "-s", csv.toString(), "-s", newer.toString(), "--state-dir", state.toString());
        assertThat(resumed.stderr()).as(resumed.stderr()).contains("0 published", "2 unchanged");

        try (PostingStore store = PostingStore.open(state.resolve(topic)); PostingStore.Batch batch = store.batch()) {
            batch.covers("another-topic-id", store.positions());
            batch.commit();
        }
        Run rebuilt = run(topic, txId, "-s", csv.toString(), "-s", newer.toString(), "--state-dir", state.toString());
        assertThat(rebuilt.stderr()).as(rebuilt.stderr()).contains("1 published", "1 unchanged");
        assertThat(latestById(readAll(topic))).containsOnlyKeys("csv:openings:7", "csv:newer:8");
        try (PostingStore store = PostingStore.open(state.resolve(topic))) {
            assertThat(store.topicId()).isEqualTo(topicId);
            assertThat(store.entry("csv:newer:8")).isNotNull();
        }
    }

    @Test
    void theStoreCoversTheRunsOwnRecordsAndTheNextRunStillReadsWhatAnotherProducerWroteAfterThem(
            @TempDir Path dir) throws Exception {
        String topic = TestKafka.unique("raw");
        String txId = TestKafka.unique("ingest-tx");
        Path state = dir.resolve("state");
        Path csv = dir.resolve("openings.csv");
        Files.writeString(csv, "id,title,company,location,description\n"
                + "7,Data Engineer,Initech,Austin,\"Build the warehouse.\"\n"
                + "8,ML Engineer,Initech,Austin,\"Train ranking models.\"\n"
                + "9,Research Scientist,Initech,Austin,\"Pretrain language models.\"\n");
        Run first = run(topic, txId, "-s", csv.toString(), "--state-dir", state.toString());
        assertThat(first.stderr()).as(first.stderr()).contains("3 published");

        // Only the transaction's commit marker is left past each position where the run wrote.
        Map<Integer, Long> positions;
        try (PostingStore store = PostingStore.open(state.resolve(topic))) {
            positions = store.positions();
        }
        Map<Integer, Long> ends = new LinkedHashMap<>();
        Map<Integer, Integer> written = new LinkedHashMap<>();
        try (org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> consumer =
                     new org.apache.kafka.clients.consumer.KafkaConsumer<>(TestKafka.settings().toMap(),
                             new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.endOffsets(consumer.partitionsFor(topic).stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition())).toList())
                    .forEach((tp, end) -> ends.put(tp.partition(), end));
        }
        readAll(topic).forEach(r -> written.merge(r.partition(), 1, Integer::sum));
        ends.forEach((partition, end) -> assertThat(positions.get(partition)).as("partition " + partition)
                .isEqualTo(written.containsKey(partition) ? end - 1 : end));

        // Another producer writes a posting after the checkpoint's positions (no fingerprint header):
        // the next run reads it, so the same posting from a source is not published again.
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "id,title,company,location,description\n"
                + "10,Applied Scientist,Initech,Austin,\"Ship ranking models.\"\n");
        Path dry = dir.resolve("other.jsonl");
        assertThat(run(null, null, "-s", other.toString(), "--output", dry.toString()).exitCode()).isEqualTo(ExitCodes.OK);
        String line = Files.readAllLines(dry).get(0);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                TestKafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, PostingJson.readRaw(line).id(),
                    line.getBytes(StandardCharsets.UTF_8))).get();
        }
        Run second = run(topic, txId, "-s", csv.toString(), "-s", other.toString(), "--state-dir", state.toString());
        assertThat(second.stderr()).as(second.stderr()).contains("0 published", "4 unchanged");
    }

    @Test
    void anUnreachableBrokerIsOneLineWithTheWayWithoutKafkaAndExitCode3() throws IOException {
        RunCommand command = new RunCommand();
        command.env = Map.of();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        int code = new CommandLine(command).execute("-s", Fixtures.file("lever-globex.json"),
                "--bootstrap-server", "127.0.0.1:" + freePort(), "--kafka-timeout", "3s");
        String said = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(said).isEqualTo(ExitCodes.KAFKA_UNAVAILABLE);
        assertThat(said).contains("--output FILE").hasLineCount(1);
        assertThat(System.nanoTime() - start).as("fails within the Kafka timeout").isLessThan(15_000_000_000L);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
