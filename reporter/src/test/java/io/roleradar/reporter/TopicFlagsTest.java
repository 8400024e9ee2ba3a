package io.roleradar.reporter;

import io.roleradar.cli.CommandLines;
import io.roleradar.cli.ExitCodes;
import io.roleradar.testkit.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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

    private static int run(Map<String, String> env, String... args) {
        RunCommand command = new RunCommand();
        command.env = env;
        return CommandLines.create(command).execute(args);
    }

    @Test
    void runTakesTheTaggedTopicFromTheEnvironmentAndRefusesAWrongOneNamingTheVariable(@TempDir Path dir) {
        String input = Fixtures.path(Fixtures.BASIC).toString();

        assertThat(run(Map.of("ROLERADAR_TOPIC_TAGGED", "no spaces"), "--input", input, "--out-dir",
                dir.resolve("r").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(console.err().lines()).singleElement().asString()
                .isEqualTo("roleradar reporter run: the tagged topic (ROLERADAR_TOPIC_TAGGED) 'no spaces' is not a "
                        + "legal Kafka topic name: use letters, digits, '.', '_' and '-'");
    }

    @Test
    void runDoesNotReadTheVariablesOfTopicsItDoesNotUse(@TempDir Path dir) {
        String input = Fixtures.path(Fixtures.BASIC).toString();

        int code = run(Map.of("ROLERADAR_TOPIC_RAW", "no spaces", "ROLERADAR_TOPIC_DLQ", "a/b",
                "ROLERADAR_TOPIC_PARTITIONS", "three"), "--input", input, "--out-dir", dir.resolve("r").toString());

        assertThat(code).as(console.err()).isEqualTo(ExitCodes.OK);
        assertThat(dir.resolve("r/quadrants.csv")).exists();
    }

    @Test
    void followRefusesAWrongTaggedTopicInTheEnvironmentBeforeAnyConnection() {
        FollowCommand command = new FollowCommand();
        command.env = Map.of("ROLERADAR_TOPIC_TAGGED", "a/b");

        assertThat(CommandLines.create(command).execute("--bootstrap-server", "127.0.0.1:1")).isEqualTo(ExitCodes.USAGE);
        assertThat(console.err().lines()).singleElement().asString()
                .startsWith("roleradar reporter follow: the tagged topic (ROLERADAR_TOPIC_TAGGED) 'a/b' is not a legal");
    }

    @Test
    void theTaggedTopicFlagBeatsTheVariable() {
        RunCommand command = new RunCommand();
        new CommandLine(command).parseArgs("--topic-tagged", "flag.tagged");

        assertThat(command.taggedTopic.name(Map.of("ROLERADAR_TOPIC_TAGGED", "env.tagged"))).isEqualTo("flag.tagged");
    }
}
