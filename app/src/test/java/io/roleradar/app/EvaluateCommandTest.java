package io.roleradar.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code roleradar evaluate} over small fixture files: parts of a split, intervals, --json, process labels. */
class EvaluateCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureConsole() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private static String fixture(String name) {
        try {
            return Path.of(EvaluateCommandTest.class.getResource("/evaluate/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reportsTheTuneAndLockedPartsWithIntervalsTheBaselineAndTheSources() {
        int code = RoleradarMain.execute("evaluate", "--labels", fixture("labels.csv"), "--postings",
                fixture("postings.jsonl"), "--split", fixture("split.csv"));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout())
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
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode root = new ObjectMapper().readTree(stdout());
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
        assertThat(stdout()).contains("split: none", "all 6 postings from 2 sources");
    }

    @Test
    void aBadSplitFileIsAUsageErrorThatNamesTheRow(@TempDir Path dir) throws Exception {
        Path split = Files.writeString(dir.resolve("split.csv"), "source,part\nashby:alpha,holdout\n");
        assertThat(RoleradarMain.execute("evaluate", "--labels", fixture("labels.csv"), "--postings",
                fixture("postings.jsonl"), "--split", split.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 2 (ashby:alpha): part is 'holdout'");
    }

    @Test
    void neitherLabelsNorProcessLabelsIsAUsageError() {
        assertThat(RoleradarMain.execute("evaluate", "--postings", fixture("postings.jsonl"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--labels", "--process-labels");
    }
}
