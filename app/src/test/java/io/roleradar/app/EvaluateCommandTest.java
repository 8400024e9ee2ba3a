package io.roleradar.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleradar.testkit.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code roleradar evaluate} over small fixture files: parts of a split, intervals, --json, process labels. */
class EvaluateCommandTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private static String fixture(String name) {
        try {
            return Path.of(EvaluateCommandTest.class.getResource("/evaluate/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reportsTheTuneAndLockedPartsWithIntervalsTheBaselineAndTheSources() {
        int code = RoleradarMain.execute("evaluate", "--labels", fixture("labels.csv"), "--postings",
                fixture("postings.jsonl"), "--split", fixture("split.csv"));
        assertThat(code).as(console.err()).isZero();
        assertThat(console.out())
                .contains("tune 3 postings from 1 sources", "locked 3 postings from 1 sources")
                .contains("1 without a posting")
                .containsPattern("mlRole F1 +1\\.000 \\[1\\.000, 1\\.000\\] n=3")
                .contains("title-keyword baseline (tune / locked)")
                .contains("ashby:beta%20gamma", "Errors of the tune part only");
    }

    @Test
    void printsTheFiguresAsJsonWithTheProcessFigures() throws Exception {
        int code = RoleradarMain.execute("evaluate", "--labels", fixture("labels.csv"), "--process-labels",
                fixture("process-labels.csv"), "--postings", fixture("postings.jsonl"), "--split", fixture("split.csv"),
                "--json", "--resamples", "200");
        assertThat(code).as(console.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(console.out());
        assertThat(root.path("bootstrap").path("resamples").asInt()).isEqualTo(200);
        assertThat(root.path("labels").path("processWithoutPosting").asInt()).isEqualTo(1);
        assertThat(root.path("parts")).extracting(p -> p.path("part").asText()).containsExactly("tune", "locked");
        JsonNode locked = root.path("parts").get(1);
        assertThat(locked.path("figures").path("level.accuracy").path("n").asInt()).isEqualTo(1);
        assertThat(locked.path("figures").has("process.statedRounds.recall")).isTrue();
        assertThat(locked.path("noProcessPostings").asInt()).isEqualTo(1);
    }

    @Test
    void withoutASplitThereIsOnePartAll() {
        assertThat(RoleradarMain.execute("evaluate", "--labels", fixture("labels.csv"), "--postings",
                fixture("postings.jsonl"))).isZero();
        assertThat(console.out()).contains("split: none", "all 6 postings from 2 sources");
    }

    @Test
    void aBadSplitFileIsAUsageErrorThatNamesTheRow(@TempDir Path dir) throws Exception {
        Path split = Files.writeString(dir.resolve("split.csv"), "source,part\nashby:alpha,holdout\n");
        assertThat(RoleradarMain.execute("evaluate", "--labels", fixture("labels.csv"), "--postings",
                fixture("postings.jsonl"), "--split", split.toString())).isEqualTo(2);
        assertThat(console.err()).contains("line 2 (ashby:alpha): part is 'holdout'");
    }

    @Test
    void noLabelledIdAmongThePostingsReadFailsInOneLineNamingTheSourceInsteadOfAnEmptyTable(@TempDir Path dir)
            throws Exception {
        Path other = Files.writeString(dir.resolve("other.jsonl"), "{\"id\": \"other:1\", \"title\": \"ML Engineer\", "
                + "\"description\": \"Train ranking models.\"}\n");

        int code = RoleradarMain.execute("evaluate", "--labels", fixture("labels.csv"), "--source", other.toString());

        assertThat(code).isEqualTo(1);
        assertThat(console.out()).isEmpty();
        assertThat(console.err().lines()).singleElement().asString()
                .startsWith("roleradar evaluate: none of the 7 labelled ids is among the 1 postings read from " + other
                        + ": wrong --source?")
                .contains("like ashby:alpha:search-ranking", "like other:1");
    }

    @Test
    void withoutLabelsAndSourceTheUsageErrorNamesBoth() {
        assertThat(RoleradarMain.execute("evaluate")).isEqualTo(2);
        assertThat(console.err().lines()).singleElement().asString()
                .startsWith("roleradar evaluate: give --labels LABELS.csv").contains("and --source SRC");
    }

    @Test
    void withLabelsButNoSourceTheUsageErrorNamesTheSourceOnly() {
        assertThat(RoleradarMain.execute("evaluate", "--labels", fixture("labels.csv"))).isEqualTo(2);
        assertThat(console.err()).startsWith("roleradar evaluate: give --source SRC").doesNotContain("--labels");
    }

    @Test
    void tooFewResamplesIsAUsageErrorNamingTheFlagAsTyped() {
        assertThat(RoleradarMain.execute("evaluate", "--labels", fixture("labels.csv"), "--source",
                fixture("postings.jsonl"), "--resamples", "0")).isEqualTo(2);
        assertThat(console.err()).isEqualTo("roleradar evaluate: --resamples must be at least 1, got 0\n");
    }

    @Test
    void neitherLabelsNorProcessLabelsIsAUsageError() {
        assertThat(RoleradarMain.execute("evaluate", "--postings", fixture("postings.jsonl"))).isEqualTo(2);
        assertThat(console.err()).contains("--labels", "--process-labels");
    }
}
