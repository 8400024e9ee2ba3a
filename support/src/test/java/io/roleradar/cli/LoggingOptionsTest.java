package io.roleradar.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A wrong level in the environment is a usage error, as a wrong --log-level is. */
class LoggingOptionsTest {
    @Command(name = "roleradar", subcommands = Tool.class)
    static final class Launcher implements Runnable {
        @Override
        public void run() {
        }
    }

    @Command(name = "tool", mixinStandardHelpOptions = true)
    static final class Tool implements Runnable {
        boolean ran;

        @Override
        public void run() {
            ran = true;
        }
    }

    private final StringWriter err = new StringWriter();

    private int execute(Map<String, String> env, String... args) {
        CommandLine cli = LoggingOptions.addTo(CommandLines.create(new Launcher()), env);
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void aWrongLevelInTheEnvironmentIsAUsageErrorNamingTheVariableAndTheLevels() {
        assertThat(execute(Map.of(LogLevel.ENV, "bogus"), "tool")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString().lines()).containsExactly(
                "roleradar tool: ROLERADAR_LOG_LEVEL 'bogus' is not a level: use error, warn, info or debug");
    }

    @Test
    void aLoggingFlagOverridesAWrongEnvironmentAsFlagsBeatTheEnvironment() {
        assertThat(execute(Map.of(LogLevel.ENV, "bogus"), "tool", "-q")).isZero();
        assertThat(execute(Map.of(LogLevel.ENV, "bogus"), "tool", "--log-level", "debug")).isZero();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void helpIsShownWhateverTheEnvironmentSays() {
        assertThat(execute(Map.of(LogLevel.ENV, "bogus"), "tool", "--help")).isZero();
        assertThat(execute(Map.of(LogLevel.ENV, "bogus"), "tool", "-h")).isZero();
    }

    @Test
    void aRightOrBlankLevelInTheEnvironmentRunsTheCommand() {
        assertThat(execute(Map.of(LogLevel.ENV, "WARN"), "tool")).isZero();
        assertThat(execute(Map.of(LogLevel.ENV, " "), "tool")).isZero();
        assertThat(execute(Map.of(), "tool")).isZero();
    }
}
