package io.roleradar.reporter;

import io.roleradar.cli.ExitCodes;
import io.roleradar.testkit.ConsoleCapture;
import io.roleradar.testkit.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code reporter follow}'s command line, without a broker: its help, and usage errors found before any connection. */
class FollowCommandTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void helpNamesTheRolesTheStateAndTheExitCodes() {
        assertThat(ReporterMain.execute("follow", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(console.out()).contains("--role", "projector", "--group", "--instance-id", "--topic-facts",
                "--state-dir", "--every", "--once", "--out-dir", "130 interrupted (SIGINT)");
        assertThat(ReporterMain.execute("--help")).isEqualTo(ExitCodes.OK);
        assertThat(console.out()).contains("follow");
    }

    @Test
    void anUnknownRoleABadPeriodOrABadTopicNameIsAUsageError() {
        assertThat(ReporterMain.execute("follow", "--role", "everything")).isEqualTo(ExitCodes.USAGE);
        assertThat(ReporterMain.execute("follow", "--kafka-timeout", "zz")).isEqualTo(ExitCodes.USAGE);
        assertThat(ReporterMain.execute("follow", "--every", "0s", "--bootstrap-server", "127.0.0.1:1"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(ReporterMain.execute("follow", "--topic-facts", "no spaces", "--bootstrap-server", "127.0.0.1:1"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(ReporterMain.execute("follow", "--instance-id", "a/b", "--bootstrap-server", "127.0.0.1:1"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(console.err()).contains("--every").contains("'--topic-facts': the topic 'no spaces'")
                .contains("instance id");
    }

    @Test
    void aWrongPeriodFromTheEnvironmentNamesTheVariableAndOneFromTheFlagDoesNot(@TempDir Path dir) throws Exception {
        // picocli takes the variable from the real environment: only a process of its own has another.
        ProcessBuilder child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ReporterMain.class.getName(), "follow",
                "--bootstrap-server", "127.0.0.1:1"));
        child.environment().put("ROLERADAR_FOLLOW_EVERY", "banana");
        Process p = child.redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(dir.resolve("log.txt")))
                .contains("--every 'banana' is not a duration", "(the value of the environment variable ROLERADAR_FOLLOW_EVERY)");

        assertThat(ReporterMain.execute("follow", "--every", "banana", "--bootstrap-server", "127.0.0.1:1"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(console.err()).contains("--every 'banana' is not a duration").doesNotContain("environment variable");
    }

    @Test
    void onceFromTheVariableStaysOnWhenTheFlagIsGivenToo() {
        FollowCommand follow = parse(Map.of("ROLERADAR_FOLLOW_ONCE", "true"), "--once");
        assertThat(follow.once).isTrue();
        assertThat(parse(Map.of("ROLERADAR_FOLLOW_ONCE", "true")).once).as("by the variable alone").isTrue();
        assertThat(parse(Map.of("ROLERADAR_FOLLOW_ONCE", "yes")).once).as("yes, as the report's flags take").isTrue();
        assertThat(parse(Map.of("ROLERADAR_FOLLOW_ONCE", "0")).once).isFalse();
        assertThat(parse(Map.of()).once).as("neither").isFalse();
    }

    /** {@code reporter follow ARGS} parsed, with {@code variables} as picocli would read them from the environment. */
    private static FollowCommand parse(Map<String, String> variables, String... args) {
        FollowCommand follow = new FollowCommand();
        new CommandLine(follow).setDefaultValueProvider(Variables.of(variables)).parseArgs(args);
        return follow;
    }

    @Test
    void anOutDirUnderAFileIsAUsageErrorBeforeAnyConnection(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file");
        assertThat(ReporterMain.execute("follow", "--once", "--out-dir", blocker.resolve("reports").toString(),
                "--bootstrap-server", "127.0.0.1:1")).isEqualTo(ExitCodes.USAGE);
        assertThat(console.err().lines()).singleElement().asString()
                .isEqualTo("roleradar reporter follow: --out-dir " + blocker.resolve("reports") + " cannot be a folder: "
                        + blocker + " is a file; name a folder (new or not) for the reports");
    }

    @Test
    void noBrokerExitsThreeInOneLineNamingABrokerAndReportingFromAFileAsTheWaysOut() {
        assertThat(ReporterMain.execute("follow", "--once", "--bootstrap-server", "127.0.0.1:1", "--kafka-timeout", "1s"))
                .isEqualTo(ExitCodes.KAFKA_UNAVAILABLE);
        assertThat(console.err().lines()).singleElement().asString()
                .startsWith("roleradar reporter follow: cannot reach Kafka at 127.0.0.1:1")
                .contains("start one with './roleradar broker'")
                .endsWith("or use 'roleradar reporter run --input tagged.jsonl' to report from a file");
    }
}
