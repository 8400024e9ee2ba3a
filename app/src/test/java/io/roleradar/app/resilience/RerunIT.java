package io.roleradar.app.resilience;

import io.roleradar.app.RoleradarMain;
import io.roleradar.model.PostingJson;
import io.roleradar.testkit.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Running things again changes no count: a second and third ingest of the same sources (JSON Lines,
 * a Greenhouse response, a CSV, each with some bad entries) publish nothing, a second classifier
 * run of the same group tags nothing more, and two reporter runs over the same topic write the
 * same counts and byte-identical CSVs.
 */
class RerunIT {
    private static final Path ROOT = Path.of(System.getProperty("roleradar.project.root", "..")).toAbsolutePath().normalize();

    @Test
    @Timeout(180)
    void ingestingAndReportingAgainChangesNoCount(@TempDir Path work) throws Exception {
        String servers = TestKafka.bootstrapServers();
        String raw = TestKafka.unique("rerun.raw");
        String tagged = TestKafka.unique("rerun.tagged");
        String dlq = TestKafka.unique("rerun.dlq");
        String group = TestKafka.unique("rerun-group");
        // Each command takes the flags of the topics it uses, and no others.
        String[] ingestKafka = {"--bootstrap-servers", servers, "--topic-raw", raw};
        String[] classifierKafka = {"--bootstrap-servers", servers, "--topic-raw", raw, "--topic-tagged", tagged,
                "--topic-dlq", dlq};
        String[] reporterKafka = {"--bootstrap-servers", servers, "--topic-tagged", tagged};
        Path jsonl = work.resolve("generated.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(jsonl)) {
            for (int n = 0; n < 2_000; n++) {
                out.write(PostingJson.writeLine(GeneratedPostings.posting("rerun", n)));
                out.write('\n');
            }
        }
        String[] ingest = concat(new String[] {"ingest", "run", "--source", jsonl.toString(),
                "--source", ROOT.resolve("samples/greenhouse-board.json").toString(),
                "--source", hostile("greenhouse-mixed.json"), "--source", hostile("csv-ragged.csv"),
                "--source", hostile("csv-formula-injection.csv"), "--transactional-id", TestKafka.unique("rerun-tx")}, ingestKafka);
        String[] classify = concat(new String[] {"classifier", "--drain", "--group", group, "--instance-id", "rerun"}, classifierKafka);
        TopicProbe probe = new TopicProbe(servers);

        assertThat(RoleradarMain.execute(ingest)).isZero();
        Map<String, Integer> rawAfterFirst = probe.committedKeyCounts(raw);
        assertThat(rawAfterFirst).hasSizeGreaterThan(2_000);
        assertThat(rawAfterFirst.values()).containsOnly(1);
        assertThat(RoleradarMain.execute(classify)).isZero();
        Map<String, Integer> taggedAfterFirst = probe.committedKeyCounts(tagged);
        assertThat(taggedAfterFirst.keySet()).isEqualTo(rawAfterFirst.keySet());

        Path first = work.resolve("report-1");
        assertThat(RoleradarMain.execute(concat(new String[] {"reporter", "run", "--out", first.toString()}, reporterKafka))).isZero();

        for (int again = 0; again < 2; again++) {
            assertThat(RoleradarMain.execute(ingest)).isZero();
            assertThat(probe.committedKeyCounts(raw)).as("raw topic after ingest run %d", again + 2).isEqualTo(rawAfterFirst);
        }
        assertThat(RoleradarMain.execute(classify)).isZero();
        assertThat(probe.committedKeyCounts(tagged)).as("tagged topic after a second classifier run")
                .isEqualTo(taggedAfterFirst);
        assertThat(probe.readCommitted(dlq)).isEmpty();

        Path second = work.resolve("report-2");
        assertThat(RoleradarMain.execute(concat(new String[] {"reporter", "run", "--out", second.toString()}, reporterKafka))).isZero();
        assertThat(Reports.counts(second)).isEqualTo(Reports.counts(first));
        assertThat(Reports.counts(first).distinctPostings()).isEqualTo(rawAfterFirst.size());
        for (String csv : List.of("quadrants.csv", "domains.csv", "rounds.csv", "domain_rounds.csv", "levels.csv",
                "companies.csv", "trends.csv", "postings.csv")) {
            assertThat(Files.readAllBytes(second.resolve(csv))).as(csv).isEqualTo(Files.readAllBytes(first.resolve(csv)));
        }
    }

    private static String hostile(String name) throws Exception {
        return Path.of(RerunIT.class.getResource("/hostile/" + name).toURI()).toString();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
