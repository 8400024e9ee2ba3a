package io.roleradar.reporter.follow;

import io.roleradar.cli.ExitCodes;
import io.roleradar.reporter.ReporterMain;
import io.roleradar.reporter.output.CsvReports;
import io.roleradar.testkit.CommittedRecords;
import io.roleradar.testkit.ConsoleCapture;
import io.roleradar.testkit.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A facts topic that holds no records gets every tagged posting, though the projectors' group
 * committed offsets on the tagged topic while it filled another facts topic: a second facts topic
 * for the same group, and the facts topic deleted and created again (reporter/README.md,
 * "Operations", with a fresh {@code --state-dir}). Each time one process with both roles
 * ({@code --once}) gives the batch report, and the new facts topic holds exactly one committed
 * facts record per tagged record, in its partition and order.
 */
class NewFactsTopicIT {
    private static final int PARTITIONS = 3;

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    @Timeout(120)
    void aSecondFactsTopicOfTheSameGroupIsProjectedFromTheTaggedTopicsBeginning() throws Exception {
        String tagged = TestKafka.unique("anew.tagged");
        String group = TestKafka.unique("anew-group");
        FollowTopics.create(tagged, PARTITIONS);
        try (KafkaProducer<byte[], byte[]> producer = FollowTopics.producer()) {
            FollowEqualsBatchIT.firstRound(producer, tagged);
        }
        String first = TestKafka.unique("anew.facts");
        assertThat(follow(tagged, first, group, "first")).as("follow into the first facts topic").isEqualTo(ExitCodes.OK);

        String second = TestKafka.unique("anew.other-facts");
        assertThat(follow(tagged, second, group, "second")).as("follow into a second facts topic, same group")
                .isEqualTo(ExitCodes.OK);

        assertSameAsBatch(tagged, dir.resolve("second-out"));
        assertOneFactsRecordPerTaggedRecord(tagged, second);
    }

    @Test
    @Timeout(120)
    void aFactsTopicDeletedAndCreatedAgainIsFilledAgainAndAFreshStateDirReportsOnIt() throws Exception {
        String tagged = TestKafka.unique("again.tagged");
        String facts = TestKafka.unique("again.facts");
        String group = TestKafka.unique("again-group");
        FollowTopics.create(tagged, PARTITIONS);
        try (KafkaProducer<byte[], byte[]> producer = FollowTopics.producer()) {
            FollowEqualsBatchIT.firstRound(producer, tagged);
        }
        assertThat(follow(tagged, facts, group, "before")).isEqualTo(ExitCodes.OK);
        try (Admin admin = FollowTopics.admin()) {
            admin.deleteTopics(List.of(facts)).all().get(60, TimeUnit.SECONDS);
            FollowTopics.await("the facts topic gone", Duration.ofSeconds(60), () -> {
                try {
                    return !admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(facts);
                } catch (Exception e) {
                    return false;
                }
            });
        }

        // The writer's store follows the deleted topic: refused, with the fix; the projector has refilled the topic.
        assertThat(follow(tagged, facts, group, "before", "stale-out")).as("the old --state-dir").isEqualTo(ExitCodes.FAILED);
        assertThat(console.err()).contains("--state-dir");
        assertThat(follow(tagged, facts, group, "after")).as("a fresh --state-dir").isEqualTo(ExitCodes.OK);

        assertSameAsBatch(tagged, dir.resolve("after-out"));
        assertOneFactsRecordPerTaggedRecord(tagged, facts);
    }

    /** {@code reporter follow --once} with both roles, its state in {@code name-state} and its reports in {@code name-out}. */
    private int follow(String tagged, String facts, String group, String name) {
        return follow(tagged, facts, group, name, name + "-out");
    }

    private int follow(String tagged, String facts, String group, String state, String out) {
        return ReporterMain.execute("follow", "--once", "--instance-id", "solo", "--group", group, "--state-dir",
                dir.resolve(state + "-state").toString(), "--out-dir", dir.resolve(out).toString(),
                "--bootstrap-server", TestKafka.bootstrapServers(), "--topic-tagged", tagged, "--topic-facts", facts);
    }

    private void assertSameAsBatch(String tagged, Path followed) throws Exception {
        Path batch = dir.resolve("batch");
        assertThat(ReporterMain.execute("run", "--out-dir", batch.toString(), "--bootstrap-server",
                TestKafka.bootstrapServers(), "--topic-tagged", tagged)).isEqualTo(ExitCodes.OK);
        for (String csv : CsvReports.FILES) {
            assertThat(Files.readString(followed.resolve(csv))).as(csv).isEqualTo(Files.readString(batch.resolve(csv)));
        }
    }

    private static void assertOneFactsRecordPerTaggedRecord(String tagged, String facts) {
        Map<Integer, List<String>> expected = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : CommittedRecords.read(TestKafka.bootstrapServers(), tagged)) {
            // A record without a key gets its place as the facts record's key (the facts topic is compacted).
            String key = r.key() == null ? "unreadable:" + r.topic() + "-" + r.partition() + "@" + r.offset()
                    : CommittedRecords.key(r);
            expected.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(key);
        }
        assertThat(CommittedRecords.keysByPartition(CommittedRecords.read(TestKafka.bootstrapServers(), facts)))
                .as("the committed facts: each tagged record once, same partition, same order").isEqualTo(expected);
    }
}
