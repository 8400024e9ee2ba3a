package io.roleradar.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one line of a mistake in the arguments, as the README's conventions promise it. */
class CommandLinesTest {
    @Command(name = "roleradar", subcommands = Service.class)
    static final class Launcher implements Runnable {
        @Override
        public void run() {
        }
    }

    @Command(name = "service", subcommands = Run.class)
    static final class Service implements Runnable {
        @Override
        public void run() {
        }
    }

    @Command(name = "run")
    static final class Run implements Runnable {
        @Mixin
        KafkaOptions kafka = new KafkaOptions();

        @Option(names = "--count")
        int count;

        @Override
        public void run() {
        }
    }

    /** Falls back to PATH, which is set wherever tests run and is no number: a wrong value from the environment. */
    @Command(name = "sized", mixinStandardHelpOptions = true)
    static final class Sized implements Runnable {
        @Option(names = "--width", defaultValue = "${env:PATH:-80}", description = "Columns. Env: PATH")
        int width;

        @Override
        public void run() {
        }
    }

    /** A yes/no flag falling back to PATH, which is neither yes nor no. */
    @Command(name = "switched")
    static final class Switched implements Runnable {
        @Option(names = "--on", defaultValue = "${env:PATH:-false}", arity = "0", fallbackValue = "true",
                converter = YesNoConverter.class)
        boolean on;

        @Override
        public void run() {
        }
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(Object root, String... args) {
        CommandLine cli = LoggingOptions.addTo(CommandLines.create(root), Map.of());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void anUnknownOptionIsOneLineNamingTheWholeCommandAndItsHelp() {
        assertThat(execute(new Launcher(), "service", "run", "--bogus")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString().lines()).containsExactly(
                "roleradar service run: Unknown option: '--bogus' (see 'roleradar service run --help')");
    }

    @Test
    void aServiceRunOnItsOwnIsStillNamedAsARoleradarCommand() {
        assertThat(execute(new Service(), "run", "--bogus")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("roleradar service run: Unknown option: '--bogus'");
    }

    @Test
    void aWrongValueIsOneLineSayingWhatTheValueShouldBe() {
        assertThat(execute(new Launcher(), "service", "run", "--count", "many")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("roleradar service run: Invalid value for option '--count': 'many'")
                .doesNotContain("--help");
    }

    @Test
    void aWrongKafkaTimeoutIsAUsageErrorInOneLineAsTheCommandLineIsParsed() {
        assertThat(execute(new Launcher(), "service", "run", "--kafka-timeout", "zz")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString().lines()).containsExactly("roleradar service run: Invalid value for option "
                + "'--kafka-timeout': 'zz' is not a duration: write e.g. 30s, 15m, 6h, 1d, 500ms or an ISO-8601 "
                + "duration such as PT6H");
    }

    @Test
    void aWrongLogLevelNamesTheLevelsThereAreWithoutPicocliInternals() {
        assertThat(execute(new Launcher(), "service", "run", "--log-level", "bogus")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString().lines()).containsExactly("roleradar service run: Invalid value for option "
                + "'--log-level': 'bogus' is not a level: use error, warn, info or debug");
    }

    @Test
    void aWrongValueFromTheEnvironmentNamesTheVariableToFix() {
        assertThat(execute(new Sized())).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("roleradar sized: Invalid value for option '--width'")
                .endsWith("(the value of the environment variable PATH)");
    }

    @Test
    void aWrongValueFromTheEnvironmentDoesNotHideTheHelpButIsStillNamed() {
        assertThat(execute(new Sized(), "--help")).isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).startsWith("Usage: sized").contains("--width=<width>", "Columns. Env: PATH");
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("roleradar sized: Invalid value for option '--width'")
                .endsWith("(the value of the environment variable PATH)");
        assertThat(execute(new Sized(), "--width=wide", "--help")).as("a wrong flag with --help")
                .isEqualTo(ExitCodes.USAGE);
        assertThat(execute(new Sized(), "--", "--help")).as("--help as a parameter")
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aWrongValueOnTheCommandLineIsNotBlamedOnTheEnvironment() {
        assertThat(execute(new Sized(), "--width=wide")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("roleradar sized: Invalid value for option '--width': 'wide'")
                .doesNotContain("environment");
    }

    @Test
    void aWrongVariableOfAFlagThatTakesNoValueIsBlamedOnTheVariableThoughTheFlagIsGiven() {
        // picocli reads a boolean flag's default to set it, so a wrong variable fails even with the flag.
        assertThat(execute(new Switched(), "--on")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("roleradar switched: Invalid value for option '--on': '")
                .endsWith("(the value of the environment variable PATH)");
    }

    @Test
    void anOptionsVariableIsTheOneItsDefaultNames() {
        CommandLine sized = new CommandLine(new Sized());
        CommandLine run = new CommandLine(new Run());

        assertThat(CommandLines.variable(sized.getCommandSpec().findOption("--width"))).isEqualTo("PATH");
        assertThat(CommandLines.variable(run.getCommandSpec().findOption("--count"))).isNull();
        assertThat(CommandLines.fromEnvironment(sized.getCommandSpec().findOption("--width"), System.getenv("PATH")))
                .isEqualTo(" (the value of the environment variable PATH)");
        assertThat(CommandLines.fromEnvironment(sized.getCommandSpec().findOption("--width"), "80"))
                .as("the fallback, not the variable's value").isEmpty();
    }
}
