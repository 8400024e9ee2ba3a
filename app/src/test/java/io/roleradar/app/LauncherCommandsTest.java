package io.roleradar.app;

import io.roleradar.testkit.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's one-shot commands over the shipped samples, without a broker. */
class LauncherCommandsTest {
    private static final Path SAMPLES = Path.of(System.getProperty("roleradar.project.root", ".."))
            .toAbsolutePath().normalize().resolve("samples");
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @ParameterizedTest(name = "roleradar {0} --help")
    @ValueSource(strings = {"demo", "broker", "ingest", "classifier", "reporter", "classify", "brief", "evaluate"})
    void everyCommandHasHelpThatExitsZero(String command) {
        assertThat(RoleradarMain.execute(command, "--help")).isZero();
        assertThat(console.out()).contains("Usage:").contains(command);
    }

    @Test
    void anUnknownOptionIsAUsageErrorThatSaysWhatToTry() {
        assertThat(RoleradarMain.execute("classify", "--no-such-flag")).isEqualTo(2);
        assertThat(console.err().lines()).containsExactly(
                "roleradar classify: Unknown option: '--no-such-flag' (see 'roleradar classify --help')");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(RoleradarMain.execute()).isEqualTo(2);
    }

    @Test
    void classifyTagsEveryPostingOfAJsonLinesFileInInputOrder(@TempDir Path dir) throws Exception {
        Path tagged = dir.resolve("tagged.jsonl");

        int exit = RoleradarMain.execute("classify", "--input", SAMPLES.resolve("postings.jsonl").toString(),
                "--output", tagged.toString());

        assertThat(exit).isZero();
        List<String> in = Files.readAllLines(SAMPLES.resolve("postings.jsonl")).stream().filter(l -> !l.isBlank()).toList();
        List<String> result = Files.readAllLines(tagged);
        assertThat(result).hasSize(in.size());
        assertThat(result.get(0)).contains("\"taxonomyVersion\"");
        String firstId = in.get(0).replaceAll(".*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(result.get(0)).contains("\"id\":\"" + firstId + "\"");
    }

    @Test
    void briefAsksWhichPostingWhenTheSourceHoldsSeveral() {
        assertThat(RoleradarMain.execute("brief", SAMPLES.resolve("greenhouse-board.json").toString())).isEqualTo(2);
        assertThat(console.err()).contains("--id").contains("greenhouse:fernhollow:");
    }

    @Test
    void theReadmesCommandTableNamesBriefsOwnOptions() throws Exception {
        String row = Files.readAllLines(SAMPLES.resolveSibling("README.md")).stream()
                .filter(l -> l.startsWith("| `./roleradar brief")).findFirst().orElseThrow();
        // --taxonomy and the logging, help and version options are every command's, told elsewhere.
        List<String> own = RoleradarMain.commandLine().getSubcommands().get("brief").getCommandSpec().options().stream()
                .map(o -> o.longestName())
                .filter(n -> !List.of("--taxonomy", "--log-level", "--quiet", "--verbose", "--help", "--version").contains(n))
                .toList();

        assertThat(own).containsExactlyInAnyOrder("--id", "--json");
        own.forEach(option -> assertThat(row).as(option).contains("`" + option));
    }

    @Test
    void briefOfOnePostingNamesItsQuadrantAndRounds(@TempDir Path dir) throws Exception {
        String first = Files.readAllLines(SAMPLES.resolve("postings.jsonl")).get(0);
        Path one = dir.resolve("one.jsonl");
        Files.writeString(one, first + "\n");

        assertThat(RoleradarMain.execute("brief", one.toString())).isZero();
        String text = console.out();
        assertThat(text).containsAnyOf("MODELING_", "INFRA_", "not an ML role");
    }

    @Test
    void briefJsonIsJson(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("one.jsonl");
        Files.writeString(one, Files.readAllLines(SAMPLES.resolve("postings.jsonl")).get(0) + "\n");

        assertThat(RoleradarMain.execute("brief", "--json", one.toString())).isZero();
        assertThat(io.roleradar.model.PostingJson.tree(console.out()).isObject()).isTrue();
    }

    @Test
    void evaluatePrintsTheFiguresOfEveryTagAgainstTheSampleLabels() {
        int exit = RoleradarMain.execute("evaluate", "--labels", SAMPLES.resolve("labels.csv").toString(),
                "--source", SAMPLES.resolve("postings.jsonl").toString(),
                "--source", SAMPLES.resolve("greenhouse-board.json").toString());

        assertThat(exit).isZero();
        assertThat(console.out())
                .contains("mlRole").contains("responsibility").contains("specialization").contains("level")
                .contains("41 tag labels").contains("0 without a posting");
    }

    @Test
    void evaluateWithUnreadableLabelsIsAUsageErrorNamingTheOption(@TempDir Path dir) {
        Path absent = dir.resolve("absent.csv");
        assertThat(RoleradarMain.execute("evaluate", "--labels", absent.toString(),
                "--source", SAMPLES.resolve("postings.jsonl").toString())).isEqualTo(2);
        assertThat(console.err().lines()).containsExactly("roleradar evaluate: --labels " + absent + ": no such file");
    }

    @Test
    void evaluateWithAnUnreadableSplitNamesThatOption(@TempDir Path dir) {
        Path absent = dir.resolve("split.csv");
        assertThat(RoleradarMain.execute("evaluate", "--labels", SAMPLES.resolve("labels.csv").toString(),
                "--split", absent.toString(), "--source", SAMPLES.resolve("postings.jsonl").toString())).isEqualTo(2);
        assertThat(console.err().lines()).containsExactly("roleradar evaluate: --split " + absent + ": no such file");
    }

    @Test
    void briefRefusesASchemeOtherThanHttpWithAUsageError() {
        assertThat(RoleradarMain.execute("brief", "ftp://example.com/job/1")).isEqualTo(2);
        assertThat(console.err()).contains("ftp");
    }

    @Test
    void briefReadsARealJobPage() {
        Path page = io.roleradar.testkit.SharedData.resolve("job-pages/greenhouse/2u-jsonld.html");

        assertThat(RoleradarMain.execute("brief", page.toString())).isZero();
        assertThat(console.out()).isNotBlank();
    }
}
