package io.roleradar.ingest;

import io.roleradar.cli.CommandLines;
import io.roleradar.cli.LogLevel;
import io.roleradar.cli.LoggingOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The ingest service's command line: {@code ingest run ...} reads the sources and publishes each
 * posting once to {@code postings.raw} (or writes them to a file), once or on a schedule.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, version = "roleradar ingest 0.1", usageHelpAutoWidth = true,
        description = "Reads job postings from job boards, pages and files into the raw topic.",
        subcommands = {RunCommand.class, CommandLine.HelpCommand.class})
public final class IngestMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: try 'ingest run --help'");
    }

    /** The picocli command line with the logging options, as the image's entry point runs it. */
    public static CommandLine commandLine() {
        return LoggingOptions.addTo(CommandLines.create(new IngestMain()));
    }

    public static void main(String[] args) {
        // Before any logger exists: slf4j-simple reads its level once.
        LogLevel.applyFrom(args, System.getenv());
        System.exit(commandLine().execute(args));
    }
}
