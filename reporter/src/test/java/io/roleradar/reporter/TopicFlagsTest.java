package io.roleradar.reporter;

import io.roleradar.cli.CommandLines;
import io.roleradar.cli.ExitCodes;
import io.roleradar.testkit.ConsoleCapture;
import io.roleradar.testkit.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reporter reads the tagged topic only (and {@code follow} writes its facts topic): its help
 * shows no other topic's flag and no {@code --partitions}, such a flag is a usage error, and the
 * variables of the other topics are not read. Without a broker.
 */
class TopicFlagsTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void runShowsTheTaggedTopicAndNoOther() {
        assertThat(ReporterMain.execute("run", "--help")).isEqualTo(ExitCodes.OK);

        assertThat(console.out()).contains("--topic-tagged", "ROLERADAR_TOPIC_TAGGED")
                .doesNotContain("--topic-raw", "--topic-dlq", "--partitions", "--topic-facts");
    }

    @Test
    void followShowsTheTaggedAndFactsTopicsAndNoOther() {
        assertThat(ReporterMain.execute("follow", "--help")).isEqualTo(ExitCodes.OK);

        assertThat(console.out()).contains("--topic-tagged", "--topic-facts")
                .doesNotContain("--topic-raw", "--topic-dlq", "--partitions");
    }

    @Test
    void aTopicFlagTheReporterDoesNotUseIsAUsageErrorInOneLine(@TempDir Path dir) {
        String input = Fixtures.path(Fixtures.BASIC).toString();
        for (String flag : new String[] {"--topic-raw", "--topic-dlq", "--partitions"}) {
            int before = console.err().length();
            assertThat(ReporterMain.execute("run", "--input", input, "--out-dir", dir.resolve("r").toString(), flag, "3"))
                    .as("run " + flag).isEqualTo(ExitCodes.USAGE);
            assertThat(console.err().substring(before).lines()).singleElement().asString()
                    .startsWith("roleradar reporter run: Unknown option").contains("'" + flag + "'");
            assertThat(ReporterMain.execute("follow", "--bootstrap-server", "127.0.0.1:1", flag, "3"))
                    .as("follow " + flag).isEqualTo(ExitCodes.USAGE);
        }
    }

    @Test
    void runRefusesAWrongTaggedTopicInTheEnvironmentNamingTheVariable(@TempDir Path dir) throws Exception {
        // That run reads no other topic's variable: RunEnvironmentTest sets wrong ones for a run that succeeds.
        assertThat(RunEnvironmentTest.run(dir, Map.of("ROLERADAR_TOPIC_TAGGED", "no spaces"), "--input",
                Fixtures.path(Fixtures.BASIC).toString(), "--out-dir", dir.resolve("r").toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(dir.resolve("log.txt")).strip())
                .isEqualTo("roleradar reporter run: Invalid value for option '--topic-tagged': the topic 'no spaces' is "
                        + "not a legal Kafka topic name: use letters, digits, '.', '_' and '-' "
                        + "(the value of the environment variable ROLERADAR_TOPIC_TAGGED)");
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void followRefusesAWrongTaggedTopicInTheEnvironmentBeforeAnyConnection() {
        CommandLine reporter = CommandLines.create(new ReporterMain())
                .setDefaultValueProvider(Variables.of(Map.of("ROLERADAR_TOPIC_TAGGED", "a/b")));

        assertThat(reporter.execute("follow", "--bootstrap-server", "127.0.0.1:1")).isEqualTo(ExitCodes.USAGE);
        assertThat(console.err().lines()).singleElement().asString()
                .startsWith("roleradar reporter follow: Invalid value for option '--topic-tagged': the topic 'a/b' is not "
                        + "a legal");
    }

    @Test
    void theTaggedTopicFlagBeatsTheVariable() {
        RunCommand command = new RunCommand();
        new CommandLine(command).setDefaultValueProvider(Variables.of(Map.of("ROLERADAR_TOPIC_TAGGED", "env.tagged")))
                .parseArgs("--topic-tagged", "flag.tagged");
        RunCommand byVariable = new RunCommand();
        new CommandLine(byVariable).setDefaultValueProvider(Variables.of(Map.of("ROLERADAR_TOPIC_TAGGED", "env.tagged")))
                .parseArgs();

        assertThat(command.taggedTopic.name()).isEqualTo("flag.tagged");
        assertThat(byVariable.taggedTopic.name()).isEqualTo("env.tagged");
    }
}
