package io.roleradar.ingest;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The ingest service's command line: {@code ingest run ...} reads the sources and publishes each
 * posting once to {@code postings.raw} (or writes them to a file), once or on a schedule.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, version = "roleradar ingest 0.1",
        description = "Reads job postings from ATS job-board APIs, job pages and files, and publishes each once to postings.raw.",
        subcommands = {RunCommand.class, CommandLine.HelpCommand.class})
public final class IngestMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: try 'ingest run --help'");
    }

    /** The picocli command line, for the launcher to nest as a subcommand. */
    public static CommandLine commandLine() {
        return io.roleradar.cli.CommandLines.create(new IngestMain());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
