package io.roleradar.app;

import io.roleradar.broker.BrokerCommand;
import io.roleradar.classifier.ClassifierMain;
import io.roleradar.classifier.cli.ClassifyCommand;
import io.roleradar.cli.CommandLines;
import io.roleradar.cli.ExitCodes;
import io.roleradar.cli.LogLevel;
import io.roleradar.cli.LoggingOptions;
import io.roleradar.ingest.IngestMain;
import io.roleradar.reporter.ReporterMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code roleradar} launcher: one entry point for the demo, the one-shot tools and the three
 * services, which run here exactly as they run in their own images. Every command takes the
 * logging options ({@link LoggingOptions}); the level is set from the raw arguments before any
 * logger exists.
 */
@Command(name = "roleradar", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        usageHelpAutoWidth = true,
        description = {"Reads the machine-learning job market: tags job postings by role quadrant, domains, level "
                + "and interview rounds, and reports what is in demand.", ""},
        subcommands = {
                DemoCommand.class,
                BrokerCommand.class,
                IngestMain.class,
                ClassifierMain.class,
                ReporterMain.class,
                ClassifyCommand.class,
                BriefCommand.class,
                EvaluateCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done; 1 failed or nothing to read; 2 invalid command line, configuration or "
                + "input file; 3 Kafka unreachable; 4 done in part (some sources unread); 130 interrupted (SIGINT); "
                + "143 terminated (SIGTERM).",
                "Run 'roleradar COMMAND --help' for a command's options."})
public final class RoleradarMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, e.g. 'roleradar demo'");
    }

    public static void main(String[] args) {
        LogLevel.applyFrom(args, System.getenv());
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code; errors in arguments exit with {@link ExitCodes#USAGE}. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The whole command tree, each command with the logging options and help as wide as the terminal. */
    static CommandLine commandLine() {
        CommandLine cli = LoggingOptions.addTo(CommandLines.create(new RoleradarMain()));
        cli.setUsageHelpAutoWidth(true);
        return cli;
    }
}
