package io.roleradar.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Builds the command line of every roleradar program the same way: a mistake in the arguments is
 * one line on stderr, {@code roleradar COMMAND: ...} as the README's conventions promise, and exits
 * with {@link ExitCodes#USAGE}.
 */
public final class CommandLines {
    private static final String PROGRAM = "roleradar";

    private CommandLines() {
    }

    public static CommandLine create(Object command) {
        return new CommandLine(command).setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println(usageError(ex));
            return ExitCodes.USAGE;
        });
    }

    /**
     * The one line of a mistake in the arguments: the full command, picocli's message and, when
     * the mistake is in the shape of the command line (an unknown option, a missing parameter)
     * rather than in a value, where the options are listed. A wrong value's message already says
     * what the value should be (the converters of {@link DurationConverter} and {@link LoggingOptions}).
     */
    static String usageError(ParameterException ex) {
        String command = command(ex.getCommandLine());
        // picocli's messages are one line; a value quoted back could hold a line break.
        String line = command + ": " + String.valueOf(ex.getMessage()).replaceAll("\\s*\\R\\s*", " ").strip();
        if (ex.getClass() == ParameterException.class) {
            return line;
        }
        return line + " (see '" + command + " --help')";
    }

    /**
     * The full name of a command, {@code roleradar classifier run}, also when a service runs on its
     * own (its image's entry point), where the root command is the service and not {@code roleradar}.
     */
    static String command(CommandLine commandLine) {
        String qualified = commandLine.getCommandSpec().qualifiedName();
        return qualified.equals(PROGRAM) || qualified.startsWith(PROGRAM + " ") ? qualified : PROGRAM + " " + qualified;
    }

    /** The version of the jar a command came from, as its manifest states it, or "dev" when run from classes. */
    public static String version(Class<?> command) {
        String v = command.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
