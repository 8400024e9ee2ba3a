package io.roleradar.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

import java.util.Map;

/**
 * The logging options of every roleradar command: {@code --log-level}, {@code -q/--quiet},
 * {@code -v/--verbose}. Their values were already applied by {@link LogLevel#applyFrom} before
 * any logger existed; here they are only accepted, validated (a wrong level is a usage error) and
 * shown in each command's help. A wrong level in {@value LogLevel#ENV} is a usage error as well,
 * when no flag overrides it.
 */
public final class LoggingOptions {
    private static final String[] FLAGS = {"--log-level", "-q", "--quiet", "-v", "--verbose"};

    private LoggingOptions() {
    }

    /** Adds the options to {@code root} and to every command below it that does not have them yet. */
    public static CommandLine addTo(CommandLine root) {
        return addTo(root, System.getenv());
    }

    /** As {@link #addTo(CommandLine)}, with the environment to check (for tests). */
    public static CommandLine addTo(CommandLine root, Map<String, String> env) {
        addOptions(root);
        IExecutionStrategy run = root.getExecutionStrategy();
        root.setExecutionStrategy(parsed -> {
            checkEnvironment(parsed, env);
            return run.execute(parsed);
        });
        return root;
    }

    private static void addOptions(CommandLine command) {
        add(command.getCommandSpec());
        for (CommandLine sub : command.getSubcommands().values()) {
            addOptions(sub);
        }
    }

    private static void add(CommandSpec spec) {
        if (spec.findOption("--log-level") != null || spec.name().equals("help")) {
            return;
        }
        spec.addOption(OptionSpec.builder("--log-level").paramLabel("LEVEL").type(String.class)
                .converters(LoggingOptions::level)
                .description("error, warn, info or debug. Env: " + LogLevel.ENV + ". Default: info")
                .build());
        if (spec.findOption("-q") == null && spec.findOption("--quiet") == null) {
            spec.addOption(OptionSpec.builder("-q", "--quiet").arity("0")
                    .description("Only warnings, errors and the final summary (--log-level warn)").build());
        }
        if (spec.findOption("-v") == null && spec.findOption("--verbose") == null) {
            spec.addOption(OptionSpec.builder("-v", "--verbose").arity("0")
                    .description("Debug output, with stack traces (--log-level debug)").build());
        }
    }

    /** The converter of {@code --log-level}: picocli puts the message after the option's name. */
    private static String level(String text) {
        try {
            return LogLevel.parse(text).name();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /**
     * A wrong {@value LogLevel#ENV} is a usage error of the command being run, unless a logging
     * flag overrides it or help was asked for. {@link LogLevel#from} passed over it, as it runs
     * before there is a command to report it.
     */
    private static void checkEnvironment(ParseResult parsed, Map<String, String> env) {
        ParseResult leaf = parsed;
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()
                    || p.commandSpec().userObject() instanceof CommandLine.HelpCommand) {
                return;
            }
            for (String flag : FLAGS) {
                if (p.hasMatchedOption(flag)) {
                    return;
                }
            }
            leaf = p;
        }
        try {
            LogLevel.fromEnv(env);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(leaf.commandSpec().commandLine(), e.getMessage());
        }
    }
}
