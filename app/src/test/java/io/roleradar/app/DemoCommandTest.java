package io.roleradar.app;

import io.roleradar.cli.LogLevel;
import io.roleradar.kafka.Topics;
import io.roleradar.testkit.Variables;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {
    private static final List<String> COMMON = DemoCommand.commonArguments("localhost:9092", Duration.ofSeconds(5),
            LogLevel.WARN);

    @Test
    void theKafkaTimeoutIsTheFlagElseTheVariableElseFifteenSeconds() {
        Map<String, String> env = Map.of("ROLERADAR_KAFKA_TIMEOUT", "1m");

        assertThat(parse(env, "--kafka-timeout", "2s").kafkaTimeout).isEqualTo(Duration.ofSeconds(2));
        assertThat(parse(env).kafkaTimeout).isEqualTo(Duration.ofMinutes(1));
        assertThat(parse(Map.of()).kafkaTimeout).isEqualTo(Duration.ofSeconds(15));
    }

    /** {@code demo ARGS} parsed, with {@code variables} as picocli would read them from the environment. */
    private static DemoCommand parse(Map<String, String> variables, String... args) {
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo).setDefaultValueProvider(Variables.of(variables)).parseArgs(args);
        return demo;
    }

    @Test
    void theDemosIngestKeepsItsStateInTheFolderItIsGivenNotTheUsersDefault() {
        Path scratch = Path.of("/tmp/roleradar-demo-ingest-state123");

        List<String> args = DemoCommand.ingestArguments(Path.of("samples/sources.yml"), scratch, COMMON);

        // Without --state-dir, ingest would use ~/.roleradar/ingest-state, the user's own runs' store.
        assertThat(String.join(" ", args)).contains("--state-dir " + scratch);
        assertThat(args).startsWith("ingest", "run").contains("--config", "samples/sources.yml", "--bootstrap-servers",
                "localhost:9092");
    }

    @Test
    void theDemosStepsUseTopicsAGroupAndATransactionalIdOfTheirOwn() {
        String ingest = String.join(" ", DemoCommand.ingestArguments(Path.of("s.yml"), Path.of("/tmp/s"), COMMON));
        String classifier = String.join(" ", DemoCommand.classifierArguments(COMMON));
        String reporter = String.join(" ", DemoCommand.reporterArguments(Path.of("reports"), COMMON));

        assertThat(ingest).contains("--topic-raw roleradar-demo.raw", "--transactional-id roleradar-demo-ingest");
        assertThat(classifier).startsWith("classifier run --drain").contains("--topic-raw roleradar-demo.raw",
                "--topic-tagged roleradar-demo.tagged", "--topic-dlq roleradar-demo.dlq",
                "--group roleradar-demo-classifier");
        assertThat(reporter).startsWith("reporter run").contains("--topic-tagged roleradar-demo.tagged",
                "--out-dir reports");
        for (String step : List.of(ingest, classifier, reporter)) {
            assertThat(step).doesNotContain(Topics.DEFAULT_RAW, Topics.DEFAULT_TAGGED, Topics.DEFAULT_DEAD_LETTER,
                    "roleradar-classifier", "--transactional-id roleradar-ingest ");
        }
    }

    @Test
    void everyStepIsToldTheDemosBrokerKafkaTimeoutAndLogLevel() {
        for (List<String> step : List.of(DemoCommand.ingestArguments(Path.of("s.yml"), Path.of("/tmp/s"), COMMON),
                DemoCommand.classifierArguments(COMMON), DemoCommand.reporterArguments(Path.of("r"), COMMON))) {
            // The steps do not see ROLERADAR_KAFKA_TIMEOUT or ROLERADAR_LOG_LEVEL: the demo's values come as flags.
            assertThat(String.join(" ", step)).contains("--bootstrap-servers localhost:9092", "--kafka-timeout PT5S",
                    "--log-level warn");
        }
    }

    @Test
    void theDemosHelpSaysWhichTopicsItUsesAndWhichSettingsItsStepsSee() {
        // picocli wraps the help to the terminal's width.
        String help = RoleradarMain.commandLine().getSubcommands().get("demo").getUsageMessage().replaceAll("\\s+", " ");

        assertThat(help).contains("roleradar-demo.raw", "roleradar-demo-classifier",
                "none of your ROLERADAR_* ones except ROLERADAR_TAXONOMY");
    }

    @Test
    void theDemosHelpListsItsExitCodesAsTheOtherCommandsDo() {
        String help = RoleradarMain.commandLine().getSubcommands().get("demo").getUsageMessage().replaceAll("\\s+", " ");

        assertThat(help).contains("Exit codes: 0 done; 1 failed; 2 invalid command line or no samples; "
                + "3 Kafka unreachable; 130 interrupted (SIGINT); 143 terminated (SIGTERM).", "A step that fails gives "
                + "the demo its own code");
    }

    @Test
    void theDemosReportsGoToReportsUnlessToldNotToTheFolderOfTheUsersRealReports() {
        picocli.CommandLine demo = RoleradarMain.commandLine().getSubcommands().get("demo");

        // ROLERADAR_REPORT_DIR names where the reporter writes the real reports; the samples' report would replace them.
        assertThat(demo.getCommandSpec().findOption("--out-dir").defaultValue()).isEqualTo("reports");
        assertThat(demo.getUsageMessage()).doesNotContain("ROLERADAR_REPORT_DIR");
    }
}
