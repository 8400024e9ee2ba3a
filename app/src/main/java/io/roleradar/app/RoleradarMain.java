package io.roleradar.app;

import io.roleradar.broker.BrokerCommand;
import io.roleradar.classifier.ClassifierMain;
import io.roleradar.classifier.cli.ClassifyCommand;
import io.roleradar.cli.CommandLines;
import io.roleradar.cli.ExitCodes;
import io.roleradar.ingest.IngestMain;
import io.roleradar.reporter.ReporterMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code roleradar} launcher: one entry point for the demo, the one-shot tools and the three
 * services, which run here exactly as they run in their own images.
 */
@Command(name = "roleradar", mixinStandardHelpOptions = true, versionProvider = RoleradarMain.Version.class,
        description = {"Reads the machine-learning job market: tags job postings by role quadrant, domains, level",
                "and interview rounds, and reports what is in demand.", ""},
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
        footer = {"", "Exit codes: 0 done, 1 failed, 2 usage or configuration error, 3 Kafka unreachable, 130 interrupted.",
                "Run 'roleradar COMMAND --help' for a command's options."})
public final class RoleradarMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, e.g. 'roleradar demo'");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code; errors in arguments exit with {@link ExitCodes#USAGE}. */
    public static int execute(String... args) {
        return CommandLines.create(new RoleradarMain()).execute(args);
    }

    /** The version from the jar's manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"roleradar " + CommandLines.version(RoleradarMain.class)};
        }
    }
}
