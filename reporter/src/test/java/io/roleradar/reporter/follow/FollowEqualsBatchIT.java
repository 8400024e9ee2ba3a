package io.roleradar.reporter.follow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roleradar.cli.ExitCodes;
import io.roleradar.kafka.ExactlyOnceLoop;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.model.PostingJson;
import io.roleradar.reporter.Fixtures;
import io.roleradar.reporter.ReporterMain;
import io.roleradar.reporter.output.CsvReports;
import io.roleradar.testkit.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reporter follow} gives the report {@code reporter run} gives: the reporter's fixtures, with
 * updates of the same ids, a tombstone, unreadable records (a truncated value, a future schema, a
 * raw posting, a record with neither key nor value) on a tagged topic of three partitions, projected
 * by three projector instances of one group into the facts topic, reported on by one report writer
 * ({@code --once}), compared with a batch run over the tagged topic: every CSV byte for byte, and
 * the manifest but for when it ran, how long it took and its input (the facts topic and its
 * offsets, where the batch names the tagged topic and its). Then more postings arrive and the same
 * writer, restarted on its state folder, resumes where it stopped and still equals a batch run.
 */
class FollowEqualsBatchIT {
    private static final int PARTITIONS = 3;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void threeProjectorsAndAReportWriterGiveTheBatchReportAndStillDoAfterMorePostingsAndARestart() throws Exception {
        String tagged = TestKafka.unique("follow.tagged");
        String facts = TestKafka.unique("follow.facts");
        String group = TestKafka.unique("follow-group");
        FollowTopics.create(tagged, PARTITIONS);
        TopicAdmin.ensureFactsTopic(TestKafka.settings(), tagged, facts);
        assertThat(FollowTopics.endOffsets(facts, PARTITIONS, org.apache.kafka.common.IsolationLevel.READ_COMMITTED))
                .as("the facts topic has the tagged topic's partitions").hasSize(PARTITIONS);
        Path state = dir.resolve("state");

        List<Projector> projectors = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        try {
            for (String id : List.of("p1", "p2", "p3")) {
                Projector p = new Projector(new ProjectorConfig(TestKafka.settings().with(java.util.Map.of(
                        "session.timeout.ms", "6000", "heartbeat.interval.ms", "1000")), tagged, facts, group, id, false), meters);
                projectors.add(p);
                Thread t = new Thread(p, "projector-" + id);
                t.start();
                threads.add(t);
            }
            // All three share the partitions before the postings arrive, so each one projects some.
            FollowTopics.await("three projectors owning a partition each", Duration.ofSeconds(60),
                    () -> projectors.stream().allMatch(p -> !p.assignment().isEmpty())
                            && projectors.stream().mapToInt(p -> p.assignment().size()).sum() == PARTITIONS);

            int sent;
            try (KafkaProducer<byte[], byte[]> producer = FollowTopics.producer()) {
                sent = firstRound(producer, tagged);
            }
            FollowTopics.await("the projectors committing every tagged record", Duration.ofSeconds(60),
                    () -> uncheck(() -> FollowTopics.projected(group, tagged, PARTITIONS)));
            assertThat(projectors.stream().mapToLong(Projector::projected).sum())
                    .as("facts records committed, one per tagged record").isEqualTo(sent);
            assertThat(projectors).as("every instance did part of the work").allMatch(p -> p.projected() > 0);
            assertThat(meters.find("roleradar.reporter.follow.projected").counters()).hasSize(3)
                    .allMatch(c -> c.count() > 0);
            assertThat(meters.find("roleradar.reporter.follow.projected").counters().stream().mapToDouble(c -> c.count()).sum())
                    .as("the projected meters, one per instance").isEqualTo(sent);
            assertThat(projectors.stream().mapToLong(Projector::rejected).sum()).as("rejected: four unreadable fixture lines, the raw posting, the empty record").isEqualTo(6);

            assertSameReports(tagged, facts, state, "first");

            // More postings while the projectors run: new ones, updates, another tombstone, another unreadable.
            int more;
            try (KafkaProducer<byte[], byte[]> producer = FollowTopics.producer()) {
                more = secondRound(producer, tagged);
            }
            FollowTopics.await("the projectors committing the new records", Duration.ofSeconds(60),
                    () -> uncheck(() -> FollowTopics.projected(group, tagged, PARTITIONS)));
            assertThat(projectors.stream().mapToLong(Projector::projected).sum()).isEqualTo(sent + more);

            JsonNode second = assertSameReports(tagged, facts, state, "second");
            assertThat(second.at("/counts/records").asLong())
                    .as("the restarted writer applied each record once: it resumed at its committed offsets")
                    .isEqualTo(sent + more);
            long startOffsets = StreamSupport.stream(second.at("/input/partitions").spliterator(), false)
                    .mapToLong(p -> p.get("startOffset").asLong()).sum();
            assertThat(startOffsets).as("the store's first offsets are kept across restarts").isZero();
        } finally {
            for (Projector p : projectors) {
                p.stop(Duration.ofSeconds(30));
            }
            for (Thread t : threads) {
                t.join(10_000);
            }
        }
        assertThat(projectors).extracting(Projector::outcome).containsOnly(ExactlyOnceLoop.Outcome.STOPPED);
    }

    @Test
    @Timeout(60)
    void oneProcessWithBothRolesOnceProjectsThenReportsAsTheBatchRun() throws Exception {
        String tagged = TestKafka.unique("follow1.tagged");
        String facts = TestKafka.unique("follow1.facts");
        FollowTopics.create(tagged, PARTITIONS);
        try (KafkaProducer<byte[], byte[]> producer = FollowTopics.producer()) {
            firstRound(producer, tagged);
        }
        Path followed = dir.resolve("both");
        Path batch = dir.resolve("both-batch");
        // The facts topic is created by the command, with the tagged topic's partitions.
        assertThat(ReporterMain.execute("follow", "--once", "--instance-id", "solo", "--group",
                TestKafka.unique("solo"), "--state-dir", dir.resolve("solo-state").toString(), "--out-dir",
                followed.toString(), "--bootstrap-server", TestKafka.bootstrapServers(), "--topic-tagged", tagged,
                "--topic-facts", facts)).isEqualTo(ExitCodes.OK);
        assertThat(ReporterMain.execute("run", "--out-dir", batch.toString(), "--bootstrap-server",
                TestKafka.bootstrapServers(), "--topic-tagged", tagged)).isEqualTo(ExitCodes.OK);
        for (String csv : CsvReports.FILES) {
            assertThat(Files.readString(followed.resolve(csv))).as(csv).isEqualTo(Files.readString(batch.resolve(csv)));
        }
    }

    @Test
    @Timeout(90)
    void onAScheduleTheReportFollowsNewPostingsUntilSigterm() throws Exception {
        String tagged = TestKafka.unique("follow2.tagged");
        String facts = TestKafka.unique("follow2.facts");
        FollowTopics.create(tagged, PARTITIONS);
        int sent;
        try (KafkaProducer<byte[], byte[]> producer = FollowTopics.producer()) {
            sent = firstRound(producer, tagged);
        }
        Path out = dir.resolve("scheduled");
        picocli.CommandLine cli = new picocli.CommandLine(new ReporterMain());
        io.roleradar.reporter.FollowCommandAccess follow = new io.roleradar.reporter.FollowCommandAccess(cli);
        java.util.concurrent.CompletableFuture<Integer> code = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                cli.execute("follow", "--every", "1s", "--instance-id", "sched", "--group", TestKafka.unique("sched"),
                        "--state-dir", dir.resolve("sched-state").toString(), "--out-dir", out.toString(),
                        "--bootstrap-server", TestKafka.bootstrapServers(), "--topic-tagged", tagged,
                        "--topic-facts", facts));
        FollowTopics.await("a report of the first records", Duration.ofSeconds(45), () -> records(out) == sent);
        int more;
        try (KafkaProducer<byte[], byte[]> producer = FollowTopics.producer()) {
            more = secondRound(producer, tagged);
        }
        FollowTopics.await("a report with the new records", Duration.ofSeconds(30), () -> records(out) == sent + more);
        follow.stop(ExitCodes.TERMINATED);
        assertThat(code.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(ExitCodes.TERMINATED);
    }

    private static long records(Path out) {
        try {
            return PostingJson.tree(Files.readString(out.resolve("manifest.json"))).at("/counts/records").asLong();
        } catch (Exception e) {
            return -1; // not written yet
        }
    }

    /** Every fixture file (basic, process, near-duplicates, hostile, a board's two snapshots, the unreadable lines). */
    static int firstRound(KafkaProducer<byte[], byte[]> producer, String tagged) throws Exception {
        int sent = 0;
        for (String name : List.of(Fixtures.BASIC, Fixtures.PROCESS, Fixtures.NEAR_DUPLICATES, Fixtures.HOSTILE,
                Fixtures.SNAPSHOT_1, Fixtures.SNAPSHOT_2, Fixtures.UNREADABLE)) {
            sent += FollowTopics.sendLines(producer, tagged, Fixtures.lines(name));
        }
        FollowTopics.tombstone(producer, tagged, "greenhouse:acme:2");
        // A raw posting where a tagged one belongs, and a record with neither key nor value.
        String raw = FollowTopics.rawPostingOf(Fixtures.lines(Fixtures.BASIC).get(0)).replace("greenhouse:acme:1", "raw:1");
        producer.send(new ProducerRecord<>(tagged, FollowTopics.bytes("raw:1"), FollowTopics.bytes(raw))).get();
        producer.send(new ProducerRecord<>(tagged, 0, null, null)).get();
        return sent + 3;
    }

    /** Basic again with a level changed (updates), the tombstoned id back, another tombstone, a truncated value. */
    private static int secondRound(KafkaProducer<byte[], byte[]> producer, String tagged) throws Exception {
        List<String> changed = Fixtures.lines(Fixtures.BASIC).stream()
                .map(l -> l.replace("\"SENIOR\"", "\"STAFF_PLUS\"")).toList();
        int sent = FollowTopics.sendLines(producer, tagged, changed);
        FollowTopics.tombstone(producer, tagged, "ashby:beta:2");
        producer.send(new ProducerRecord<>(tagged, FollowTopics.bytes("junk:late"), FollowTopics.bytes("{\"schemaVersion\": 1,"))).get();
        return sent + 2;
    }

    /** A follow --once report and a batch run, compared; returns the follow report's manifest. */
    private JsonNode assertSameReports(String tagged, String facts, Path state, String name) throws Exception {
        Path followed = dir.resolve(name + "-follow");
        Path batch = dir.resolve(name + "-batch");
        assertThat(ReporterMain.execute("follow", "--role", "report", "--once", "--state-dir", state.toString(),
                "--out-dir", followed.toString(), "--bootstrap-server", TestKafka.bootstrapServers(),
                "--topic-tagged", tagged, "--topic-facts", facts)).as("reporter follow --once").isEqualTo(ExitCodes.OK);
        assertThat(ReporterMain.execute("run", "--out-dir", batch.toString(), "--bootstrap-server",
                TestKafka.bootstrapServers(), "--topic-tagged", tagged)).as("reporter run").isEqualTo(ExitCodes.OK);
        for (String csv : CsvReports.FILES) {
            assertThat(Files.readString(followed.resolve(csv))).as("%s of the %s report", csv, name)
                    .isEqualTo(Files.readString(batch.resolve(csv)));
        }
        JsonNode f = PostingJson.tree(Files.readString(followed.resolve("manifest.json")));
        JsonNode b = PostingJson.tree(Files.readString(batch.resolve("manifest.json")));
        assertThat(f.at("/input/kind").asText()).isEqualTo("facts");
        assertThat(f.at("/input/taggedTopic").asText()).isEqualTo(tagged);
        assertThat(f.at("/counts/unreadable").asLong()).as("unreadable records counted").isEqualTo(b.at("/counts/unreadable").asLong()).isPositive();
        assertThat(comparable(f)).as("the %s manifest but for when, how long and the input", name).isEqualTo(comparable(b));
        return f;
    }

    /**
     * The manifest without the fields that say when and from which topic the report was made, and with
     * the unreadable records in the order of their place: both readers take the partitions in the
     * order the broker's fetches interleave them.
     */
    private static JsonNode comparable(JsonNode manifest) {
        ObjectNode copy = manifest.deepCopy();
        copy.remove(List.of("generatedAt", "durationMs", "input"));
        ArrayNode listed = (ArrayNode) copy.at("/unreadable/records");
        List<JsonNode> sorted = new ArrayList<>();
        listed.forEach(sorted::add);
        sorted.sort(Comparator.comparing(n -> n.get("where").asText()));
        listed.removeAll();
        sorted.forEach(listed::add);
        return copy;
    }

    private interface Check {
        boolean get() throws Exception;
    }

    private static boolean uncheck(Check check) {
        try {
            return check.get();
        } catch (Exception e) {
            return false;
        }
    }
}
