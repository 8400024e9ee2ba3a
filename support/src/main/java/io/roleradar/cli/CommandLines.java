package io.roleradar.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the command line of every roleradar program the same way: a mistake in the arguments is
 * one line on stderr, {@code roleradar COMMAND: ...} as the README's conventions promise, and exits
 * with {@link ExitCodes#USAGE}.
 */
public final class CommandLines {
    private static final String PROGRAM = "roleradar";
    /** The variable an option falls back to: {@code ${env:ROLERADAR_INGEST_TIMEOUT:-30s}}. */
    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)");

    private CommandLines() {
    }

    public static CommandLine create(Object command) {
        return new CommandLine(command).setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            String variable = fromEnvironment(ex, args);
            if (!variable.isEmpty() && asksForHelp(failed, args)) {
                // picocli converts every default as it parses, --help or not: a wrong variable meant
                // for real runs must not hide the help that says how to set it.
                failed.usage(failed.getOut());
                failed.getErr().println(usageError(ex) + variable);
                return ExitCodes.OK;
            }
            failed.getErr().println(usageError(ex) + variable);
            return ExitCodes.USAGE;
        });
    }

    /** True when the arguments, up to a {@code --}, hold the help option of the command that failed. */
    private static boolean asksForHelp(CommandLine failed, String[] args) {
        List<String> given = Arrays.asList(args);
        int end = given.indexOf("--");
        List<String> options = end < 0 ? given : given.subList(0, end);
        return failed.getCommandSpec().options().stream().filter(OptionSpec::usageHelp)
                .flatMap(help -> Arrays.stream(help.names())).anyMatch(options::contains);
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
     * Where a wrong value came from when it was not on the command line: picocli names the option,
     * but the value was the environment variable it falls back to, which the user must be told to fix.
     */
    static String fromEnvironment(ParameterException ex, String[] args) {
        if (!(ex.getArgSpec() instanceof OptionSpec option) || onCommandLine(option, args)) {
            return "";
        }
        return fromEnvironment(option, ex.getValue());
    }

    /**
     * Where {@code value}, an option's value that was not on the command line, came from, for a
     * message about it: {@code " (the value of the environment variable X)"} when picocli took it
     * from X, the variable of the option's {@code ${env:X...}} default; else nothing.
     */
    public static String fromEnvironment(OptionSpec option, Object value) {
        String variable = variable(option);
        if (variable == null || value == null || !String.valueOf(value).equals(System.getenv(variable))) {
            return "";
        }
        return " (the value of the environment variable " + variable + ")";
    }

    /**
     * The environment variable an option falls back to, X of its {@code ${env:X}} default as the
     * annotation declares it; null when none. Not {@code defaultValueString}: that is what a
     * default-value provider gives instead, where tests install one to stand in for the variables.
     */
    public static String variable(OptionSpec option) {
        Option declared = option.userObject() instanceof Field field ? field.getAnnotation(Option.class) : null;
        Matcher variable = ENV_DEFAULT.matcher(declared == null ? "" : declared.defaultValue());
        return variable.find() ? variable.group(1) : null;
    }

    /** A value given with the option; a flag of arity 0 takes none, so a wrong one is its variable's. */
    private static boolean onCommandLine(OptionSpec option, String[] args) {
        return option.arity().max() > 0 && Arrays.stream(args).anyMatch(arg -> Arrays.stream(option.names())
                .anyMatch(name -> arg.equals(name) || arg.startsWith(name + "=")));
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
