package io.roleradar.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleradar.broker.EmbeddedKafkaBroker;
import io.roleradar.cli.CommandLines;
import io.roleradar.kafka.KafkaSettings;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.kafka.Topics;
import io.roleradar.testkit.CommittedRecords;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code roleradar demo} as a new user runs it: its own embedded broker, the shipped samples, reports. */
class DemoIT {
    private static final Path ROOT = Path.of(System.getProperty("roleradar.project.root", "..")).toAbsolutePath().normalize();
    private static final Path SAMPLES = ROOT.resolve("samples");
    private static final String USERS_POSTING = "user:acme:1";

    @Test
    void demoStartsItsOwnBrokerAndLeavesNonEmptyReports(@TempDir Path out) throws Exception {
        int exit = RoleradarMain.execute("demo", "--samples", SAMPLES.toString(), "--out-dir", out.toString(),
                "--bootstrap-servers", "");

        assertThat(exit).isZero();
        for (String name : List.of("quadrants.csv", "domains.csv", "rounds.csv", "postings.csv")) {
            assertThat(Files.readAllLines(out.resolve(name))).as(name).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void demoWithoutSamplesSaysWhereItLookedAndExitsWithAUsageError(@TempDir Path empty) {
        assertThat(RoleradarMain.execute("demo", "--samples", empty.toString(), "--out", empty.resolve("r").toString(),
                "--bootstrap-servers", "")).isEqualTo(2);
    }

    /**
     * The README's typical session exports KAFKA_BOOTSTRAP_SERVERS: the demo then runs on the user's
     * broker, which holds their postings. A broker of this test's own, since the demo's topic names
     * are fixed and the default topics are checked whole.
     */
    @Test
    @Timeout(300)
    void demoOnTheUsersBrokerLeavesTheirTopicsAndGroupAloneAndReportsItsSamplesOnly(@TempDir Path work) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null)) {
            String servers = broker.bootstrapServers();
            holdUsersPosting(servers, work);

            // A first run on other samples, then the shipped ones: the second report holds the shipped
            // samples only, each tagged, whatever the first run left in the demo's topics and group.
            assertThat(demo(servers, earlierSamples(work.resolve("earlier")), work.resolve("first"))).isZero();
            assertThat(reportedIds(work.resolve("first"))).containsExactlyInAnyOrder("sample:earlier-run:1",
                    "sample:earlier-run:2", "sample:earlier-run:3");
            assertUsersTopicsAndGroupUntouched(servers);

            assertThat(demo(servers, SAMPLES, work.resolve("second"))).isZero();

            JsonNode manifest = manifest(work.resolve("second"));
            assertThat(manifest.at("/input/topic").asText()).isEqualTo("roleradar-demo.tagged");
            assertThat(manifest.at("/filters/company").isNull()).as("the company filter").isTrue();
            assertThat(manifest.at("/counts/records").asInt()).isEqualTo(41);
            assertThat(reportedIds(work.resolve("second"))).hasSize(41)
                    .allMatch(id -> id.startsWith("sample:") || id.startsWith("greenhouse:fernhollow:"))
                    .noneMatch(id -> id.startsWith("sample:earlier-run:"));
            assertUsersTopicsAndGroupUntouched(servers);
        }
    }

    /**
     * Runs the demo on {@code servers} with the environment of a user who set up their real runs:
     * settings that, taken up by the demo's steps, would filter its report, read a file instead of
     * the topic, or write into and read the default topics. (ROLERADAR_INGEST_EVERY, which would make
     * it run for ever, is in DemoStepTest: here it would turn a failure into a wait for the timeout.)
     */
    private static int demo(String servers, Path samples, Path out) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", servers,
                "ROLERADAR_REPORT_COMPANY", "nosuch",
                "ROLERADAR_REPORT_INPUT", "/nowhere/tagged.jsonl",
                "ROLERADAR_TOPIC_RAW", Topics.DEFAULT_RAW,
                "ROLERADAR_TOPIC_TAGGED", Topics.DEFAULT_TAGGED,
                "ROLERADAR_CLASSIFIER_GROUP", "roleradar-classifier"));
        DemoCommand demo = new DemoCommand();
        demo.env = env;
        return CommandLines.create(demo).execute("--samples", samples.toString(), "--out-dir", out.toString());
    }

    /** One posting of the user's in postings.raw and, tagged, in postings.tagged. */
    private static void holdUsersPosting(String servers, Path work) throws Exception {
        String raw = Files.readAllLines(SAMPLES.resolve("postings.jsonl")).get(0)
                .replace("\"sample:lanternfish-ai:1\"", "\"" + USERS_POSTING + "\"").replace("Lanternfish AI", "Acme");
        Path rawFile = Files.writeString(work.resolve("users-raw.jsonl"), raw + "\n");
        Path taggedFile = work.resolve("users-tagged.jsonl");
        assertThat(RoleradarMain.execute("classify", "-i", rawFile.toString(), "-o", taggedFile.toString())).isZero();

        TopicAdmin.ensureTopics(KafkaSettings.fromEnv(Map.of()).withBootstrapServers(servers), Topics.DEFAULTS, 3);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", servers),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.DEFAULT_RAW, USERS_POSTING, raw)).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(Topics.DEFAULT_TAGGED, USERS_POSTING,
                    Files.readString(taggedFile).strip())).get(30, TimeUnit.SECONDS);
        }
    }

    private static void assertUsersTopicsAndGroupUntouched(String servers) throws Exception {
        for (String topic : List.of(Topics.DEFAULT_RAW, Topics.DEFAULT_TAGGED)) {
            assertThat(CommittedRecords.read(servers, topic)).as(topic).extracting(CommittedRecords::key)
                    .containsExactly(USERS_POSTING);
        }
        assertThat(CommittedRecords.read(servers, Topics.DEFAULT_DEAD_LETTER)).as(Topics.DEFAULT_DEAD_LETTER).isEmpty();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(topics).containsExactlyInAnyOrder(Topics.DEFAULT_RAW, Topics.DEFAULT_TAGGED,
                    Topics.DEFAULT_DEAD_LETTER, "roleradar-demo.raw", "roleradar-demo.tagged", "roleradar-demo.dlq");
            Set<String> groups = admin.listGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .map(GroupListing::groupId).collect(Collectors.toSet());
            assertThat(groups).doesNotContain("roleradar-classifier").contains("roleradar-demo-classifier");
        }
    }

    /** A samples folder of three postings under ids the shipped samples do not have. */
    private static Path earlierSamples(Path dir) throws Exception {
        Files.createDirectories(dir);
        List<String> lines = Files.readAllLines(SAMPLES.resolve("postings.jsonl")).subList(0, 3).stream()
                .map(line -> line.replace("\"sample:lanternfish-ai:", "\"sample:earlier-run:")).toList();
        Files.write(dir.resolve("postings.jsonl"), lines, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("sources.yml"), "sources:\n  - postings.jsonl\n");
        return dir;
    }

    private static JsonNode manifest(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    }

    /** The ids of postings.csv, every posting the report counted or left out. */
    private static List<String> reportedIds(Path out) throws Exception {
        List<String> rows = Files.readAllLines(out.resolve("postings.csv"));
        return rows.subList(1, rows.size()).stream().map(row -> row.substring(0, row.indexOf(','))).toList();
    }
}
