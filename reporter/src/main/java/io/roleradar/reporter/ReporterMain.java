package io.roleradar.reporter;

import io.roleradar.cli.CommandLines;
import io.roleradar.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The reporter service, {@code reporter}: turns the tagged topic (or a file of tagged postings) into
 * CSV market reports, an HTML report and a manifest. Its one subcommand is {@code run}.
 */
@Command(name = "reporter", mixinStandardHelpOptions = true, versionProvider = ReporterMain.Version.class,
        description = {"Writes CSV market reports and an HTML report from the tagged postings.", ""},
        subcommands = {RunCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 failed, 2 usage or configuration error, 3 Kafka unreachable, 130 interrupted."})
public final class ReporterMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: reporter run --out DIR");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code ({@link ExitCodes}). */
    public static int execute(String... args) {
        return CommandLines.create(new ReporterMain()).execute(args);
    }

    /** The version from the jar's manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"roleradar reporter " + CommandLines.version(ReporterMain.class)};
        }
    }
}
