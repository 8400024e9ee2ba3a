package io.roleradar.cli;

import picocli.CommandLine;

/**
 * Builds the command line of every roleradar program the same way: a mistake in the arguments is
 * one line naming it and where help is, and exits with {@link ExitCodes#USAGE}.
 */
public final class CommandLines {
    private CommandLines() {
    }

    public static CommandLine create(Object command) {
        return new CommandLine(command).setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println(cmd.getCommandSpec().root().name() + ": " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.USAGE;
        });
    }

    /** The version of the jar a command came from, as its manifest states it, or "dev" when run from classes. */
    public static String version(Class<?> command) {
        String v = command.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
