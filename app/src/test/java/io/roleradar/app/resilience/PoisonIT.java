package io.roleradar.app.resilience;

import io.roleradar.classifier.ClassifierMain;
import io.roleradar.kafka.DeadLetters;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.kafka.Topics;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.testkit.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.roleradar.app.resilience.TopicProbe.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Poison written straight into the raw topic, between good records on the same partition:
 * malformed JSON, wrong types, an unknown schema version, missing required fields, an empty value,
 * invalid UTF-8 and a value of several megabytes. Each lands on the dead-letter topic with its
 * reason and its original key, and every good record around it is tagged exactly once.
 */
class PoisonIT {
    private static final String GOOD = "{\"schemaVersion\":1,\"id\":\"%s\",\"title\":\"Machine Learning Engineer\","
            + "\"description\":\"Train ranking models in PyTorch.\"";

    /** Key -> value -> the reason the classifier must give. */
    private record Poison(String key, byte[] value, String reason) {
    }

    private static List<Poison> poison() {
        List<Poison> p = new ArrayList<>();
        p.add(new Poison("poison:truncated-json", bytes("{\"schemaVersion\":1,\"id\":\"x\",\"title\":\"ML"), "MALFORMED_JSON"));
        p.add(new Poison("poison:html", bytes("<html><body>Not JSON</body></html>"), "MALFORMED_JSON"));
        p.add(new Poison("poison:array", bytes("[{\"id\":\"a\"}]"), "MALFORMED_JSON"));
        p.add(new Poison("poison:string", bytes("\"just a string\""), "MALFORMED_JSON"));
        p.add(new Poison("poison:empty", new byte[0], "MALFORMED_JSON"));
        p.add(new Poison("poison:bad-utf8", concat(bytes("{\"id\":\"u\",\"title\":\""),
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, bytes("\",\"description\":\"d\"}")), "MALFORMED_JSON"));
        p.add(new Poison("poison:version-99", bytes(String.format(GOOD, "v99").replace("\"schemaVersion\":1",
                "\"schemaVersion\":99") + "}"), "UNSUPPORTED_SCHEMA_VERSION"));
        p.add(new Poison("poison:version-text", bytes(String.format(GOOD, "vt").replace("\"schemaVersion\":1",
                "\"schemaVersion\":\"one\"") + "}"), "UNSUPPORTED_SCHEMA_VERSION"));
        p.add(new Poison("poison:no-id", bytes("{\"title\":\"ML Engineer\",\"description\":\"Models.\"}"), "MISSING_FIELD"));
        p.add(new Poison("poison:no-title", bytes("{\"id\":\"nt\",\"description\":\"Models.\"}"), "MISSING_FIELD"));
        p.add(new Poison("poison:no-description", bytes("{\"id\":\"nd\",\"title\":\"ML Engineer\"}"), "MISSING_FIELD"));
        p.add(new Poison("poison:blank-description", bytes("{\"id\":\"bd\",\"title\":\"ML\",\"description\":\"  \"}"),
                "MISSING_FIELD"));
        p.add(new Poison("poison:title-object", bytes("{\"id\":\"to\",\"title\":{\"en\":\"ML\"},\"description\":\"M.\"}"),
                "INVALID_FIELD"));
        p.add(new Poison("poison:date-words", bytes(String.format(GOOD, "dw") + ",\"postedAt\":\"last tuesday\"}"),
                "INVALID_FIELD"));
        p.add(new Poison("poison:remote-enum", bytes(String.format(GOOD, "re") + ",\"remote\":\"SOMETIMES\"}"),
                "INVALID_FIELD"));
        p.add(new Poison("poison:locations-object", bytes(String.format(GOOD, "lo") + ",\"otherLocations\":{\"a\":1}}"),
                "INVALID_FIELD"));
        return p;
    }

    @Test
    @Timeout(120)
    void poisonGoesToTheDeadLetterTopicWithItsReasonAndEveryGoodRecordAroundItIsTaggedOnce(@TempDir Path work)
            throws Exception {
        Topics topics = topics("poison");
        List<Poison> poison = poison();
        List<String> goodIds = new ArrayList<>();
        String prefix = TestKafka.unique("good");
        TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers());
        probe.awaitLeaders(topics.raw());
        try (KafkaProducer<byte[], byte[]> producer = probe.producer()) {
            // good, poison, good, poison, ... on one partition, so each poison record sits between good ones
            for (int i = 0; i <= poison.size(); i++) {
                for (int g = 0; g < 3; g++) {
                    RawPosting good = GeneratedPostings.posting(prefix, i * 3 + g);
                    goodIds.add(good.id());
                    producer.send(new ProducerRecord<>(topics.raw(), 0, bytes(good.id()), PostingJson.write(good)));
                }
                if (i < poison.size()) {
                    producer.send(new ProducerRecord<>(topics.raw(), 0, bytes(poison.get(i).key()), poison.get(i).value()));
                }
            }
            producer.flush();
        }

        drain(topics, work.resolve("classifier.log"));

        Map<String, Integer> tagged = probe.committedKeyCounts(topics.tagged());
        assertThat(tagged.keySet()).containsExactlyInAnyOrderElementsOf(goodIds);
        assertThat(tagged.values()).containsOnly(1);

        Map<String, String> reasonByKey = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> dead : probe.readCommitted(topics.deadLetter())) {
            String key = new String(dead.key(), StandardCharsets.UTF_8);
            assertThat(reasonByKey.put(key, DeadLetters.header(dead.headers(), DeadLetters.HEADER_REASON)))
                    .as("dead-lettered once: " + key).isNull();
            assertThat(DeadLetters.header(dead.headers(), DeadLetters.HEADER_TOPIC)).isEqualTo(topics.raw());
            assertThat(DeadLetters.header(dead.headers(), DeadLetters.HEADER_ERROR_MESSAGE)).as(key).isNotBlank();
            Poison original = poison.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
            assertThat(dead.value()).as("the original value is kept: " + key).isEqualTo(original.value());
        }
        Map<String, String> expected = new HashMap<>();
        poison.forEach(p -> expected.put(p.key(), p.reason()));
        assertThat(reasonByKey).isEqualTo(expected);
    }

    /**
     * The published schema says {@code title} is a string, and the classifier's README says a wrong
     * type is dead-lettered as INVALID_FIELD: a number is not read as its text.
     */
    @Test
    @Timeout(120)
    void aNumberWhereTheSchemaSaysStringIsDeadLettered(@TempDir Path work) throws Exception {
        Topics topics = topics("title-number");
        TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers());
        probe.produce(topics.raw(), 0, bytes("tn"), bytes("{\"id\":\"tn\",\"title\":42,\"description\":\"Models.\"}"));

        drain(topics, work.resolve("classifier.log"));

        assertThat(probe.committedKeyCounts(topics.tagged())).isEmpty();
        assertThat(probe.readCommitted(topics.deadLetter())).singleElement()
                .satisfies(r -> assertThat(DeadLetters.header(r.headers(), DeadLetters.HEADER_REASON))
                        .isEqualTo("INVALID_FIELD"));
    }

    /**
     * A raw record of several megabytes (written with compression, so the broker takes it) must not
     * stall its partition: a malformed one is dead-lettered, a valid one is tagged or dead-lettered,
     * and the good records after them are tagged.
     */
    @Test
    @Timeout(120)
    void aValueOfSeveralMegabytesDoesNotStallThePartition(@TempDir Path work) throws Exception {
        Topics topics = topics("huge");
        TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers());
        String prefix = TestKafka.unique("around-huge");
        String hugeText = "Train and deploy ranking models with PyTorch. ".repeat(60_000); // ~2.8 MB
        byte[] hugeMalformed = bytes("{\"id\":\"huge-bad\",\"title\":\"ML\",\"description\":\"" + hugeText);
        byte[] hugeValid = PostingJson.write(RawPosting.of("huge-good", "Machine Learning Engineer", hugeText));
        probe.awaitLeaders(topics.raw());
        try (KafkaProducer<byte[], byte[]> producer = probe.producer()) {
            producer.send(new ProducerRecord<>(topics.raw(), 0, bytes(prefix + ":0"), PostingJson.write(GeneratedPostings.posting(prefix, 0))));
            producer.send(new ProducerRecord<>(topics.raw(), 0, bytes("huge-bad"), hugeMalformed)).get(60, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(topics.raw(), 0, bytes("huge-good"), hugeValid)).get(60, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(topics.raw(), 0, bytes(prefix + ":1"), PostingJson.write(GeneratedPostings.posting(prefix, 1))));
            producer.flush();
        }

        drain(topics, work.resolve("classifier.log"));

        Map<String, Integer> tagged = probe.committedKeyCounts(topics.tagged());
        Map<String, Integer> dead = probe.committedKeyCounts(topics.deadLetter());
        assertThat(tagged).containsEntry(prefix + ":0", 1).containsEntry(prefix + ":1", 1);
        assertThat(dead).containsEntry("huge-bad", 1);
        assertThat(tagged.getOrDefault("huge-good", 0) + dead.getOrDefault("huge-good", 0)).isEqualTo(1);
    }

    /**
     * {@code postings.raw} is compacted by posting id, so a tombstone (null value) is how a posting
     * is deleted; the reporter drops a posting whose latest tagged record is a tombstone. A deletion
     * must therefore travel through the classifier, not land on the dead-letter topic.
     */
    @Test
    @Timeout(120)
    void aTombstoneOnTheRawTopicRemovesThePostingFromTheReports(@TempDir Path work) throws Exception {
        Topics topics = topics("tombstone");
        TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers());
        String prefix = TestKafka.unique("deleted");
        RawPosting kept = GeneratedPostings.posting(prefix, 0);
        RawPosting deleted = GeneratedPostings.posting(prefix, 1);
        probe.awaitLeaders(topics.raw());
        try (KafkaProducer<byte[], byte[]> producer = probe.producer()) {
            producer.send(new ProducerRecord<>(topics.raw(), 0, bytes(kept.id()), PostingJson.write(kept)));
            producer.send(new ProducerRecord<>(topics.raw(), 0, bytes(deleted.id()), PostingJson.write(deleted)));
            producer.send(new ProducerRecord<>(topics.raw(), 0, bytes(deleted.id()), null));
            producer.flush();
        }

        drain(topics, work.resolve("classifier.log"));

        assertThat(probe.readCommitted(topics.deadLetter())).as("a deletion is not a dead letter").isEmpty();
        Path reports = work.resolve("reports");
        assertThat(io.roleradar.app.RoleradarMain.execute("reporter", "run", "--out", reports.toString(),
                "--bootstrap-servers", TestKafka.bootstrapServers(), "--topic-tagged", topics.tagged())).isZero();
        assertThat(Reports.postingIds(reports)).containsExactly(kept.id());
    }

    private static Topics topics(String name) {
        Topics topics = new Topics(TestKafka.unique(name + ".raw"), TestKafka.unique(name + ".tagged"),
                TestKafka.unique(name + ".dlq"));
        TopicAdmin.ensureTopics(TestKafka.settings(), topics, 1);
        return topics;
    }

    /** Runs the classifier as its own process with --drain; a stalled one is killed after 60 s and fails the test. */
    private static void drain(Topics topics, Path log) throws Exception {
        Process p = ChildJvm.start(ClassifierMain.class.getName(), "256m", log, List.of("--bootstrap-servers",
                TestKafka.bootstrapServers(), "--topic-raw", topics.raw(), "--topic-tagged", topics.tagged(),
                "--topic-dlq", topics.deadLetter(), "--group", TestKafka.unique("poison-group"), "--instance-id",
                TestKafka.unique("poison"), "--drain"));
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the classifier drains within 60 s; log: %s",
                    ChildJvm.tail(log, 4000)).isTrue();
            assertThat(p.exitValue()).as(ChildJvm.tail(log, 4000)).isZero();
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] part : parts) {
            n += part.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
