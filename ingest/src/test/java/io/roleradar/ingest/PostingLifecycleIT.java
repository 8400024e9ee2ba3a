package io.roleradar.ingest;

import io.roleradar.cli.ExitCodes;
import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.testkit.CommittedRecords;
import io.roleradar.testkit.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's posting lifecycle through the real broker: snapshots of one whole board on three days
 * (fixtures/lifecycle), each an {@code ingest run} of its own.
 */
class PostingLifecycleIT {
    private static final String BOARD = "greenhouse:initech:";

    @TempDir
    Path dir;
    private final String topic = TestKafka.unique("raw");
    private final String txId = TestKafka.unique("ingest-tx");

    private record Run(int exitCode, String stderr) {
    }

    private Run run(Path state, String... sources) {
        RunCommand command = new RunCommand();
        command.env = Map.of();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>();
        for (String s : sources) {
            args.addAll(List.of("-s", s));
        }
        args.addAll(List.of("--state-dir", state.toString(), "--bootstrap-servers", TestKafka.bootstrapServers(),
                "--topic-raw", topic, "--partitions", "2", "--transactional-id", txId));
        int code = new CommandLine(command).execute(args.toArray(String[]::new));
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    private List<RawPosting> records() throws InvalidMessageException {
        List<RawPosting> all = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : CommittedRecords.read(TestKafka.bootstrapServers(), topic,
                new StringDeserializer(), new ByteArrayDeserializer())) {
            assertThat(r.value()).as("never a tombstone").isNotNull();
            all.add(PostingJson.readRaw(r.value()));
        }
        return all;
    }

    private Map<String, RawPosting> latest() throws InvalidMessageException {
        Map<String, RawPosting> byId = new LinkedHashMap<>();
        records().forEach(p -> byId.put(p.id(), p));
        return byId;
    }

    private static String day(String name) {
        return Fixtures.file("lifecycle/initech-" + name + ".json");
    }

    private static List<String> ids(int... numbers) {
        return IntStream.of(numbers).mapToObj(n -> BOARD + n).toList();
    }

    @Test
    void postingsGoneFromTheBoardAreClosedOnceAndOneListedAgainReopens() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Path state = dir.resolve("state");
        Run monday = run(state, day("monday"));
        assertThat(monday.exitCode()).as(monday.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(monday.stderr()).contains("12 published");
        assertThat(latest().values()).hasSize(12).allSatisfy(p -> {
            assertThat(p.firstSeenAt()).isEqualTo(today);
            assertThat(p.closedAt()).isNull();
        });

        Run tuesday = run(state, day("tuesday"));
        assertThat(tuesday.stderr()).as(tuesday.stderr()).contains("5 published (5 of them closed)", "7 unchanged");
        Map<String, RawPosting> afterTuesday = latest();
        assertThat(afterTuesday.values().stream().filter(RawPosting::isClosed).map(RawPosting::id))
                .containsExactlyInAnyOrderElementsOf(ids(4008, 4009, 4010, 4011, 4012));
        assertThat(afterTuesday.get(BOARD + 4010)).satisfies(p -> {
            assertThat(p.closedAt()).isEqualTo(today);
            assertThat(p.firstSeenAt()).isEqualTo(today);
            assertThat(p.title()).isEqualTo("Analytics Engineer");
        });

        int before = records().size();
        Run again = run(state, day("tuesday"));
        assertThat(again.stderr()).as(again.stderr()).contains(" 0 published");
        assertThat(records()).as("the same snapshot again publishes nothing").hasSize(before);

        // A new process without the store rebuilds it from the topic, open lists included.
        Path fresh = dir.resolve("fresh-state");
        Run wednesday = run(fresh, day("wednesday"));
        assertThat(wednesday.stderr()).as(wednesday.stderr()).contains("1 published (1 of them reopened)", "7 unchanged");
        Map<String, RawPosting> afterWednesday = latest();
        assertThat(afterWednesday.get(BOARD + 4010).closedAt()).isNull();
        assertThat(afterWednesday.get(BOARD + 4010).firstSeenAt()).isEqualTo(today);
        assertThat(afterWednesday.values().stream().filter(RawPosting::isClosed).map(RawPosting::id))
                .containsExactlyInAnyOrderElementsOf(ids(4008, 4009, 4011, 4012));
        assertThat(run(fresh, day("wednesday")).stderr()).contains(" 0 published");
        assertThat(records()).hasSize(before + 1);
    }

    @Test
    void aBoardReadInPartClosesNothingAndIsNamedInAWarning() throws Exception {
        Path state = dir.resolve("state");
        assertThat(run(state, day("monday")).exitCode()).isEqualTo(ExitCodes.OK);
        Path folder = dir.resolve("tuesday");
        Files.createDirectories(folder);
        Files.copy(Fixtures.path("lifecycle/initech-tuesday.json"), folder.resolve("initech.json"));
        Files.writeString(folder.resolve("initech-page-2.json"), "{\"jobs\": [ {\"id\": 4013, ");
        Run partial = run(state, folder.toString());
        assertThat(partial.stderr()).as(partial.stderr())
                .contains("board greenhouse:initech could not be read whole", "none of its postings closed",
                        " 0 published");
        assertThat(latest().values()).noneMatch(RawPosting::isClosed);
    }

    @Test
    void anEmptyAnswerClosesNothing() throws Exception {
        Path state = dir.resolve("state");
        assertThat(run(state, day("monday")).exitCode()).isEqualTo(ExitCodes.OK);
        run(state, day("empty"));
        assertThat(latest().values()).hasSize(12).noneMatch(RawPosting::isClosed);
    }

    @Test
    void jsonLinesOfABoardsPostingsNeverClose() throws Exception {
        Path state = dir.resolve("state");
        assertThat(run(state, day("monday")).exitCode()).isEqualTo(ExitCodes.OK);
        // Tuesday's board, as ingest --output wrote it: raw postings that name the board as their source.
        RunCommand dryRun = new RunCommand();
        dryRun.stderr = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path lines = dir.resolve("tuesday.jsonl");
        assertThat(new CommandLine(dryRun).execute("-s", day("tuesday"), "-o", lines.toString())).isEqualTo(ExitCodes.OK);
        Run imported = run(state, lines.toString());
        assertThat(imported.stderr()).as(imported.stderr()).contains(" 0 published");
        assertThat(latest().values()).hasSize(12).noneMatch(RawPosting::isClosed);
    }

    @Test
    void csvPostingsNeverClose() throws Exception {
        Path state = dir.resolve("state");
        Path csv = dir.resolve("openings.csv");
        Files.writeString(csv, "id,title,company,location,description\n"
                + "7,Data Engineer,Initech,Austin,\"Build the warehouse.\"\n"
                + "8,ML Engineer,Initech,Austin,\"Train ranking models.\"\n");
        assertThat(run(state, csv.toString()).stderr()).contains("2 published");
        Files.writeString(csv, "id,title,company,location,description\n"
                + "7,Data Engineer,Initech,Austin,\"Build the warehouse.\"\n");
        assertThat(run(state, csv.toString()).stderr()).contains(" 0 published");
        assertThat(latest().values()).hasSize(2).noneMatch(RawPosting::isClosed);
    }
}
