package io.roleradar.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The logging options of every roleradar command: {@code --log-level}, {@code -q/--quiet},
 * {@code -v/--verbose}. Their values were already applied by {@link LogLevel#applyFrom} before
 * any logger existed; here they are only accepted, validated (a wrong level is a usage error) and
 * shown in each command's help.
 */
public final class LoggingOptions {
    private LoggingOptions() {
    }

    /** Adds the options to {@code root} and to every command below it that does not have them yet. */
    public static CommandLine addTo(CommandLine root) {
        add(root.getCommandSpec());
        for (CommandLine sub : root.getSubcommands().values()) {
            addTo(sub);
        }
        return root;
    }

    private static void add(CommandSpec spec) {
        if (spec.findOption("--log-level") != null || spec.name().equals("help")) {
            return;
        }
        spec.addOption(OptionSpec.builder("--log-level").paramLabel("LEVEL").type(String.class)
                .converters(text -> LogLevel.parse(text, "--log-level").name())
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
}
