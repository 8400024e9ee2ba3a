package io.roleradar.reporter;

import io.roleradar.cli.CommandLines;
import io.roleradar.cli.Durations;
import io.roleradar.reporter.aggregate.Filters;
import io.roleradar.reporter.aggregate.StateDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;

/**
 * The settings of {@code reporter run} (and the report's of {@code reporter follow}), each from its
 * flag or else its environment variable, as picocli read them. Checked on construction, with
 * messages that name the fix.
 *
 * @param input         a JSON Lines file to read instead of the topic, or null
 * @param every         the schedule's period, or null for one run
 * @param includeClosed count every posting ever seen, not only the open ones
 * @param state         where the facts store is kept ({@code ROLERADAR_REPORT_STATE_DIR},
 *                      {@code ROLERADAR_REPORT_KEEP_STATE}); a temporary folder by default
 */
public record RunSettings(Path out, String input, Duration every, Filters filters, boolean includeClosed,
                          StateDir state) {
    public static final String DEFAULT_OUT = "reports";
    /** The shortest schedule: a report a second is already more than any reader needs. */
    static final Duration MIN_EVERY = Duration.ofSeconds(1);

    public RunSettings {
        state = state == null ? StateDir.TEMPORARY : state;
        if (out == null) {
            throw new IllegalArgumentException("--out-dir must name a folder (or set ROLERADAR_REPORT_DIR)");
        }
        if (every != null && every.compareTo(MIN_EVERY) < 0) {
            throw new IllegalArgumentException("--every must be at least 1s, got " + Durations.format(every));
        }
    }

    /**
     * The options' values, which picocli took from the command line or else from their variables;
     * {@code origin} says where an option's value came from.
     */
    public static RunSettings of(UnaryOperator<String> origin, String out, String input,
                                 String every, String since, String until, String company, String source,
                                 boolean includeClosed, String stateDir, boolean keepState) {
        String state = value(stateDir);
        String everyText = value(every);
        return new RunSettings(
                Path.of(value(out) == null ? DEFAULT_OUT : value(out)),
                value(input),
                everyText == null ? null : every(everyText, origin.apply("--every")),
                new Filters(date(value(since), "--since", origin.apply("--since")),
                        date(value(until), "--until", origin.apply("--until")), value(company), value(source)),
                includeClosed, new StateDir(state == null ? null : Path.of(state), keepState));
    }

    /**
     * Where an option's value came from, for its error message: nothing when it was on the command
     * line, else the variable picocli took it from, in the words of picocli's own errors
     * ({@link CommandLines}), so the user fixes the variable rather than looking for a flag never passed.
     */
    static UnaryOperator<String> origins(CommandSpec spec) {
        return option -> {
            ParseResult parsed = spec == null ? null : spec.commandLine().getParseResult();
            if (parsed == null || parsed.hasMatchedOption(option)) {
                return "";
            }
            OptionSpec o = spec.findOption(option);
            return CommandLines.fromEnvironment(o, o.getValue());
        };
    }

    /** What the report covers. */
    public ReportRun.Options options() {
        return new ReportRun.Options(filters, includeClosed, state);
    }

    private static String value(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * The schedule's period as the user wrote it, with messages that echo that text (not
     * {@code PT0S}) and give the floor: the shared duration message offers {@code 500ms}, which a
     * schedule refuses.
     */
    private static Duration every(String text, String origin) {
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--every '" + text + "' is not a duration: write e.g. 30s, 15m, 6h, 1d "
                    + "or an ISO-8601 duration such as PT6H, at least 1s" + origin);
        }
        if (d.compareTo(MIN_EVERY) < 0) {
            throw new IllegalArgumentException("--every must be at least 1s, got '" + text + "'" + origin);
        }
        return d;
    }

    private static LocalDate date(String text, String flag, String origin) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(flag + " '" + text + "' is not a date: write it as YYYY-MM-DD, e.g. "
                    + "2026-11-01" + origin);
        }
    }
}
