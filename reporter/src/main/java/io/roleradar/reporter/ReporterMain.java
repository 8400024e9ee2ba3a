package io.roleradar.reporter;

import io.roleradar.cli.CommandLines;
import io.roleradar.cli.ExitCodes;
import io.roleradar.cli.LogLevel;
import io.roleradar.cli.LoggingOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The reporter service, {@code reporter}: turns the tagged topic (or a file of tagged postings) into
 * CSV market reports, an HTML report and a manifest ({@code run}), and says what changed between two
 * report folders ({@code compare}); {@code follow} keeps the report current as postings arrive.
 */
@Command(name = "reporter", mixinStandardHelpOptions = true, versionProvider = ReporterMain.Version.class,
        usageHelpAutoWidth = true,
        description = {"Writes CSV market reports and an HTML report from the tagged postings.", ""},
        subcommands = {RunCommand.class, FollowCommand.class, CompareCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 failed or nothing to read, 2 usage or configuration error, "
                + "3 Kafka unreachable, 130 interrupted, 143 terminated."})
public final class ReporterMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: reporter run --out-dir DIR, or reporter compare OLD_DIR NEW_DIR --out-dir DIR");
    }

    public static void main(String[] args) {
        LogLevel.applyFrom(args, System.getenv()); // before any logger exists: slf4j-simple reads it once
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code ({@link ExitCodes}). */
    public static int execute(String... args) {
        return LoggingOptions.addTo(CommandLines.create(new ReporterMain())).execute(args);
    }

    /** The version from the jar's manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"roleradar reporter " + CommandLines.version(ReporterMain.class)};
        }
    }
}
