package io.roleradar.app;

import io.roleradar.cli.CommandLines;
import io.roleradar.cli.ExitCodes;
import io.roleradar.testkit.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exit-code table of the README, command by command (those of the launcher, classify and the
 * classifier service; ingest and the reporter test their own), and that a failing run leaves
 * earlier output as it was. No broker: "Kafka unreachable" is a closed port.
 */
class ExitCodesTest {
    private static final Path SAMPLES = Path.of(System.getProperty("roleradar.project.root", ".."))
            .toAbsolutePath().normalize().resolve("samples");
    private static final String NOWHERE = "127.0.0.1:1";
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void aWrongFlagOrLogLevelIsAUsageErrorInEveryCommand() {
        for (String command : new String[] {"demo", "classify", "brief", "evaluate", "classifier"}) {
            assertThat(RoleradarMain.execute(command, "--no-such-flag")).as(command).isEqualTo(ExitCodes.USAGE);
        }
        assertThat(RoleradarMain.execute("classify", "--log-level", "loud")).isEqualTo(ExitCodes.USAGE);
        assertThat(console.err()).contains("roleradar classify: Invalid value for option '--log-level': 'loud' is not a "
                + "level: use error, warn, info or debug").doesNotContain("cannot convert");
    }

    @Test
    void aWrongKafkaTimeoutIsAUsageErrorInOneLineInEveryCommandThatWaitsForKafka() {
        for (String[] command : new String[][] {{"demo"}, {"ingest", "run"}, {"classifier", "run"}, {"reporter", "run"},
                {"reporter", "follow"}}) {
            String name = String.join(" ", command);
            int before = console.err().length();
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                    java.util.stream.Stream.of("--kafka-timeout", "zz")).toArray(String[]::new);

            assertThat(RoleradarMain.execute(args)).as(name).isEqualTo(ExitCodes.USAGE);
            assertThat(console.err().substring(before).lines()).as(name).singleElement().asString()
                    .isEqualTo("roleradar " + name + ": Invalid value for option '--kafka-timeout': 'zz' is not a "
                            + "duration: write e.g. 30s, 15m, 6h, 1d, 500ms or an ISO-8601 duration such as PT6H");
        }
    }

    @Test
    void aWrongKafkaTimeoutInTheEnvironmentIsAUsageErrorOfTheDemoNamingTheVariable(@TempDir Path dir) throws Exception {
        // picocli reads the real environment: only a process of its own has another.
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RoleradarMain.class.getName(), "demo", "--samples",
                SAMPLES.toString(), "--out-dir", dir.resolve("reports").toString());
        child.environment().put("ROLERADAR_KAFKA_TIMEOUT", "zz");
        Process p = child.redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();

        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(dir.resolve("log.txt")).strip()).isEqualTo("roleradar demo: Invalid value for "
                + "option '--kafka-timeout': 'zz' is not a duration: write e.g. 30s, 15m, 6h, 1d, 500ms or an ISO-8601 "
                + "duration such as PT6H (the value of the environment variable ROLERADAR_KAFKA_TIMEOUT)");
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    @Test
    void theLoggingOptionsAreAcceptedByEveryCommand() {
        for (String command : new String[] {"demo", "broker", "ingest", "classifier", "reporter", "classify", "brief",
                "evaluate"}) {
            assertThat(RoleradarMain.execute(command, "-q", "--help")).as(command).isZero();
            assertThat(RoleradarMain.execute(command, "--log-level", "debug", "--help")).as(command).isZero();
        }
    }

    @Test
    void classifyOfAMissingFileIsAUsageErrorAndOfAnEmptyOneNothingToRead(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("tagged.jsonl");
        Files.writeString(output, "earlier\n");
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");

        assertThat(RoleradarMain.execute("classify", "-i", dir.resolve("absent.jsonl").toString(), "-o", output.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(RoleradarMain.execute("classify", "-i", empty.toString(), "-o", output.toString()))
                .isEqualTo(ExitCodes.FAILED);

        assertThat(console.err()).contains("no such file").contains("nothing to read");
        assertThat(Files.readString(output)).isEqualTo("earlier\n");
    }

    @Test
    void briefOfAMissingFileIsAUsageErrorAndOfEmptyTextNothingToRead(@TempDir Path dir) throws Exception {
        assertThat(RoleradarMain.execute("brief")).isEqualTo(ExitCodes.USAGE);
        assertThat(RoleradarMain.execute("brief", dir.resolve("absent.html").toString())).isEqualTo(ExitCodes.USAGE);
        Path blank = Files.writeString(dir.resolve("blank.txt"), "\n  \n");
        assertThat(RoleradarMain.execute("brief", blank.toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(console.err()).contains("no such file").contains("nothing to read");
    }

    @Test
    void briefOfAFolderWithoutAPostingIsTheWrongKindOfInputAsForClassify(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThat(RoleradarMain.execute("brief", empty.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(RoleradarMain.execute("classify", "-i", empty.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(console.err()).contains("roleradar brief: " + empty + " is a folder and no posting could be read");
    }

    @Test
    void theHelpOfEachOneShotCommandAndOfTheServiceEndsWithItsExitCodes() {
        for (String[] command : new String[][] {{"classify"}, {"brief"}, {"evaluate"}, {"classifier", "run"}}) {
            int before = console.out().length();
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.stream.Stream.of(
                    "--help")).toArray(String[]::new);

            assertThat(RoleradarMain.execute(args)).isZero();
            String help = console.out().substring(before).replaceAll("\\s+", " "); // as one line, unwrapped
            assertThat(help).as(String.join(" ", command)).contains("Exit codes: 0 ", "; 2 invalid command line",
                    "130 interrupted (SIGINT); 143 terminated (SIGTERM)");
            assertThat(help.indexOf("Exit codes:")).as(String.join(" ", command)).isGreaterThan(help.indexOf("--help"));
        }
    }

    @Test
    void evaluateWithoutSourcesOrWithAMissingOneIsAUsageError(@TempDir Path dir) {
        String labels = SAMPLES.resolve("labels.csv").toString();
        assertThat(RoleradarMain.execute("evaluate", "--labels", labels)).isEqualTo(ExitCodes.USAGE);
        assertThat(RoleradarMain.execute("evaluate", "--labels", labels, "--source",
                dir.resolve("shared/data/ashby-boards").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(console.err()).contains("give --source").contains("no such file or folder").contains("--fetch-postings");
    }

    @Test
    void evaluateStillTakesTheDeprecatedPostingsFlagWithANote() {
        int exit = RoleradarMain.execute("evaluate", "--labels", SAMPLES.resolve("labels.csv").toString(),
                "--postings", SAMPLES.resolve("postings.jsonl").toString(),
                "--source", SAMPLES.resolve("greenhouse-board.json").toString());

        assertThat(exit).isZero();
        assertThat(console.err()).contains("--postings is deprecated, use --source");
        assertThat(console.out()).contains("41 tag labels").contains("0 without a posting");
    }

    @Test
    @Timeout(20)
    void theClassifierServiceFailsFastInOneLineWhenKafkaIsUnreachable() {
        long start = System.nanoTime();

        int exit = RoleradarMain.execute("classifier", "run", "--bootstrap-server", NOWHERE, "--kafka-timeout", "2s",
                "--instance-id", "t");

        assertThat(exit).isEqualTo(ExitCodes.KAFKA_UNAVAILABLE);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
        assertThat(console.err().lines()).singleElement().asString().startsWith("roleradar classifier run: cannot reach Kafka at "
                + NOWHERE).contains("roleradar classify --input raw.jsonl").doesNotContain("Exception");
    }

    @Test
    void theBareClassifierStillRunsTheServiceWithADeprecationNote() {
        int exit = RoleradarMain.execute("classifier", "--bootstrap-server", NOWHERE, "--kafka-timeout", "1s",
                "--instance-id", "t");

        assertThat(exit).isEqualTo(ExitCodes.KAFKA_UNAVAILABLE);
        assertThat(console.err()).contains("the bare 'classifier' is deprecated, use 'classifier run'");
    }

    @Test
    void theClassifierServiceRefusesABadInstanceIdAsAUsageError() {
        assertThat(RoleradarMain.execute("classifier", "run", "--instance-id", "has spaces")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    @Timeout(20)
    void theDemoAgainstABrokerThatIsNotThereIsOneLineAndExitThreeLeavingReportsAlone(@TempDir Path dir) throws Exception {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(reports.resolve("quadrants.csv"), "earlier\n");

        int exit = RoleradarMain.execute("demo", "--samples", SAMPLES.toString(), "--out-dir", reports.toString(),
                "--bootstrap-server", NOWHERE, "--kafka-timeout", "2s");

        assertThat(exit).isEqualTo(ExitCodes.KAFKA_UNAVAILABLE);
        assertThat(console.err()).contains("roleradar demo: cannot reach Kafka at " + NOWHERE)
                .contains("start that broker, or leave out --bootstrap-server and the demo starts a broker of its own")
                .doesNotContain("KAFKA_BOOTSTRAP_SERVERS").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Files.readString(reports.resolve("quadrants.csv"))).isEqualTo("earlier\n");
    }

    @Test
    @Timeout(20)
    void theDemoAgainstABrokerTheEnvironmentNamesSaysToUnsetTheVariable(@TempDir Path dir) {
        DemoCommand demo = new DemoCommand();
        demo.env = Map.of("KAFKA_BOOTSTRAP_SERVERS", NOWHERE);

        int exit = CommandLines.create(demo).execute("--samples", SAMPLES.toString(), "--out-dir",
                dir.resolve("reports").toString(), "--kafka-timeout", "2s");

        assertThat(exit).isEqualTo(ExitCodes.KAFKA_UNAVAILABLE);
        assertThat(console.err().lines().filter(l -> l.startsWith("roleradar demo:"))).singleElement().asString()
                .startsWith("roleradar demo: cannot reach Kafka at " + NOWHERE)
                .endsWith("start that broker, or unset KAFKA_BOOTSTRAP_SERVERS and the demo starts a broker of its own");
    }

    @Test
    void theVersionNamesTheCommitAndTheTaxonomy() {
        assertThat(RoleradarMain.execute("--version")).isZero();
        assertThat(console.out().strip())
                .matches("roleradar \\S+ \\(commit ([0-9a-f]{7,}|unknown), taxonomy \\S+\\)");
    }

    @Test
    void everyCommandsHelpFitsEightyColumnsWithEachDescriptionParagraphWhole() {
        List<picocli.CommandLine> commands = new java.util.ArrayList<>();
        collect(RoleradarMain.commandLine(), commands);
        for (picocli.CommandLine command : commands) {
            String name = command.getCommandSpec().qualifiedName();
            // A paragraph broken by hand mid-sentence would end without a full stop (picocli wraps each).
            for (String paragraph : command.getCommandSpec().usageMessage().description()) {
                String text = paragraph.replace("%n", "").replace("%%", "%").strip(); // picocli's format codes
                assertThat(text).as(name + ": " + paragraph).matches("|.*[.:)]");
            }
            command.setUsageHelpWidth(80);
            assertThat(command.getUsageMessage().lines())
                    .allSatisfy(l -> assertThat(l.length()).as(name + ": " + l).isLessThanOrEqualTo(80));
        }
    }

    private static void collect(picocli.CommandLine command, List<picocli.CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    @Test
    void theTopLevelHelpFitsEightyColumnsAndEachCommandLineIsAWholeSentence() {
        assertThat(RoleradarMain.commandLine().getUsageHelpWidth()).isLessThanOrEqualTo(80);
        assertThat(RoleradarMain.execute("--help")).isZero();
        String help = console.out();
        assertThat(help.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
        for (String mine : new String[] {"demo", "classifier", "classify", "brief", "evaluate"}) {
            String first = RoleradarMain.commandLine().getSubcommands().get(mine).getCommandSpec().usageMessage()
                    .description()[0];
            assertThat(first).as(mine).endsWith(".");
        }
        assertThat(help).contains("130 interrupted (SIGINT)").contains("143 terminated (SIGTERM)")
                .contains("4 done in part");
    }
}
