package io.roleradar.app;

import io.roleradar.kafka.DeadLetters;
import io.roleradar.model.PostingJson;
import io.roleradar.model.TaggedPosting;
import io.roleradar.testkit.CommittedRecords;
import io.roleradar.testkit.SchemaValidator;
import io.roleradar.testkit.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three services end to end on the real broker, through the launcher's command line exactly
 * as a user runs them: ingest the shipped samples, slip a poison record into the raw topic, tag
 * everything, report, and read the tagged topic as a non-Java consumer would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineIT {
    private static final Path ROOT = Path.of(System.getProperty("roleradar.project.root", "..")).toAbsolutePath().normalize();
    private final String raw = TestKafka.unique("it.raw");
    private final String tagged = TestKafka.unique("it.tagged");
    private final String dlq = TestKafka.unique("it.dlq");
    private String servers;
    private Set<String> ingestedIds;
    private List<ConsumerRecord<byte[], byte[]>> taggedRecords;
    private List<ConsumerRecord<byte[], byte[]>> deadLetters;
    private int secondIngestExit;
    private long rawCountAfterSecondIngest;

    private Path reports;

    @BeforeAll
    void runThePipelineOnce(@TempDir Path work) throws Exception {
        servers = TestKafka.bootstrapServers();
        reports = work.resolve("reports");
        List<String> samples = List.of(ROOT.resolve("samples/postings.jsonl").toString(),
                ROOT.resolve("samples/greenhouse-board.json").toString());
        // Each command takes the flags of the topics it uses, and no others.
        String[] ingestKafka = {"--bootstrap-servers", servers, "--topic-raw", raw};
        String[] classifierKafka = {"--bootstrap-servers", servers, "--topic-raw", raw, "--topic-tagged", tagged,
                "--topic-dlq", dlq};
        String[] reporterKafka = {"--bootstrap-servers", servers, "--topic-tagged", tagged};

        Path dryRun = work.resolve("raw.jsonl");
        assertThat(RoleradarMain.execute(concat(new String[] {"ingest", "run", "--source", samples.get(0),
                "--source", samples.get(1), "--output", dryRun.toString()}))).isZero();
        ingestedIds = Files.readAllLines(dryRun).stream().filter(l -> !l.isBlank())
                .map(l -> read(l).id()).collect(Collectors.toSet());

        assertThat(RoleradarMain.execute(concat(new String[] {"ingest", "run", "--source", samples.get(0),
                "--source", samples.get(1)}, ingestKafka))).isZero();
        produceRaw("poison:1", "{\"schemaVersion\": 1, \"title\": \"no id, no description\"");
        assertThat(RoleradarMain.execute(concat(new String[] {"classifier", "--drain",
                "--group", TestKafka.unique("it-classifier"), "--instance-id", TestKafka.unique("it")}, classifierKafka))).isZero();
        assertThat(RoleradarMain.execute(concat(new String[] {"reporter", "run", "--out", reports.toString()}, reporterKafka)))
                .isZero();

        taggedRecords = readAll(tagged);
        deadLetters = readAll(dlq);

        secondIngestExit = RoleradarMain.execute(concat(new String[] {"ingest", "run", "--source", samples.get(0),
                "--source", samples.get(1)}, ingestKafka));
        rawCountAfterSecondIngest = readAll(raw).size();
    }

    private static RawLine read(String json) {
        try {
            return new RawLine(PostingJson.readRaw(json).id());
        } catch (Exception e) {
            throw new AssertionError("ingest --output wrote an unreadable line: " + json, e);
        }
    }

    private record RawLine(String id) {
    }

    @Test
    void everyIngestedPostingIsTaggedExactlyOnce() {
        List<String> keys = taggedRecords.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();

        assertThat(ingestedIds).hasSizeGreaterThanOrEqualTo(35);
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(Set.copyOf(keys)).isEqualTo(ingestedIds);
    }

    @Test
    void everyTaggedValueValidatesAgainstThePublishedSchema() {
        for (ConsumerRecord<byte[], byte[]> r : taggedRecords) {
            String json = new String(r.value(), StandardCharsets.UTF_8);
            assertThat(SchemaValidator.taggedPostingErrors(json)).as(json).isEmpty();
        }
    }

    @Test
    void theSampleHoldsMlAndNonMlRolesAndEveryQuadrant() throws Exception {
        Set<String> quadrants = new HashSet<>();
        int nonMl = 0;
        for (ConsumerRecord<byte[], byte[]> r : taggedRecords) {
            TaggedPosting t = PostingJson.readTagged(r.value());
            if (t.tags().mlRole()) {
                quadrants.add(t.tags().quadrant().name());
            } else {
                nonMl++;
            }
        }
        assertThat(quadrants).hasSize(4);
        assertThat(nonMl).isPositive();
    }

    @Test
    void thePoisonRecordIsDeadLetteredWithItsReason() {
        assertThat(deadLetters).hasSize(1);
        ConsumerRecord<byte[], byte[]> dead = deadLetters.get(0);
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("poison:1");
        assertThat(DeadLetters.header(dead.headers(), DeadLetters.HEADER_TOPIC)).isEqualTo(raw);
        assertThat(DeadLetters.header(dead.headers(), DeadLetters.HEADER_REASON)).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void theReporterWritesEveryReportWithAHeaderAndRows() throws Exception {
        for (String name : List.of("quadrants.csv", "domains.csv", "rounds.csv", "domain_rounds.csv", "levels.csv",
                "companies.csv", "trends.csv", "postings.csv")) {
            List<String> lines = Files.readAllLines(reports.resolve(name));
            assertThat(lines).as(name).hasSizeGreaterThanOrEqualTo(2);
        }
        assertThat(reports.resolve("manifest.json")).exists();
        assertThat(reports.resolve("report.html")).exists();
    }

    @Test
    void aSecondIngestOfTheSameSourcesPublishesNothing() {
        assertThat(secondIngestExit).isZero();
        // One record per ingested posting plus the poison record: nothing was published again.
        assertThat(rawCountAfterSecondIngest).isEqualTo(ingestedIds.size() + 1);
    }

    @Test
    void aNonJavaConsumerReadsOneSchemaValidValuePerPostingWithReadCommitted() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/kcat")),
                "skipped: kcat (Debian package kcat) is not installed");
        Process kcat = new ProcessBuilder("/usr/bin/kcat", "-b", servers, "-C", "-t", tagged, "-o", "beginning", "-e",
                "-q", "-X", "isolation.level=read_committed", "-f", "%k\t%s\n").redirectErrorStream(false).start();
        String out = new String(kcat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kcat.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kcat.exitValue()).isZero();
        Map<String, Integer> perKey = new HashMap<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] kv = line.split("\t", 2);
            perKey.merge(kv[0], 1, Integer::sum);
            assertThat(SchemaValidator.taggedPostingErrors(kv[1])).as(kv[0]).isEmpty();
        }
        assertThat(perKey.keySet()).isEqualTo(ingestedIds);
        assertThat(perKey.values()).containsOnly(1);
    }

    private void produceRaw(String key, String value) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", servers),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(raw, key.getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }
    }

    /** Everything committed in a topic (created empty if nothing was ever written to it). */
    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
        return CommittedRecords.read(servers, topic);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
