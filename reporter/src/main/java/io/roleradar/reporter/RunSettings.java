package io.roleradar.reporter;

import io.roleradar.cli.Durations;
import io.roleradar.reporter.aggregate.Filters;
import io.roleradar.reporter.aggregate.StateDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The settings of {@code reporter run}, each from its flag or else its environment variable
 * ({@code ROLERADAR_REPORT_DIR}, {@code ROLERADAR_REPORT_INPUT}, {@code ROLERADAR_REPORT_EVERY},
 * {@code ROLERADAR_REPORT_SINCE}, {@code ROLERADAR_REPORT_UNTIL}, {@code ROLERADAR_REPORT_COMPANY},
 * {@code ROLERADAR_REPORT_SOURCE}, {@code ROLERADAR_REPORT_INCLUDE_CLOSED}). Checked on
 * construction, with messages that name the fix.
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

    /** Flags (null or false when not given) over the environment. */
    public static RunSettings of(Map<String, String> env, String out, String input, String every, String since,
                                 String until, String company, String source, boolean includeClosed,
                                 String stateDir, boolean keepState) {
        String state = pick(stateDir, env, "ROLERADAR_REPORT_STATE_DIR");
        String dir = pick(out, env, "ROLERADAR_REPORT_DIR");
        String everyText = pick(every, env, "ROLERADAR_REPORT_EVERY");
        return new RunSettings(
                Path.of(dir == null ? DEFAULT_OUT : dir),
                pick(input, env, "ROLERADAR_REPORT_INPUT"),
                everyText == null ? null : every(everyText, origin(every, "ROLERADAR_REPORT_EVERY")),
                new Filters(
                        date(pick(since, env, "ROLERADAR_REPORT_SINCE"), "--since", origin(since, "ROLERADAR_REPORT_SINCE")),
                        date(pick(until, env, "ROLERADAR_REPORT_UNTIL"), "--until", origin(until, "ROLERADAR_REPORT_UNTIL")),
                        pick(company, env, "ROLERADAR_REPORT_COMPANY"),
                        pick(source, env, "ROLERADAR_REPORT_SOURCE")),
                includeClosed || yes(env.get("ROLERADAR_REPORT_INCLUDE_CLOSED"), "ROLERADAR_REPORT_INCLUDE_CLOSED"),
                new StateDir(state == null ? null : Path.of(state),
                        keepState || yes(env.get("ROLERADAR_REPORT_KEEP_STATE"), "ROLERADAR_REPORT_KEEP_STATE")));
    }

    /** What the report covers. */
    public ReportRun.Options options() {
        return new ReportRun.Options(filters, includeClosed, state);
    }

    private static boolean yes(String text, String variable) {
        if (text == null || text.isBlank()) {
            return false;
        }
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(variable + " '" + text + "' is not true or false");
        };
    }

    private static String pick(String flag, Map<String, String> env, String variable) {
        if (flag != null && !flag.isBlank()) {
            return flag.strip();
        }
        String v = env.get(variable);
        return v == null || v.isBlank() ? null : v.strip();
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

    /**
     * Where a value came from, for its error message: nothing when it was the flag, else the
     * variable it fell back to, in the words picocli's own errors use (CommandLines), so the user
     * fixes the variable rather than looking for a flag never passed.
     */
    private static String origin(String flag, String variable) {
        return flag != null && !flag.isBlank() ? "" : " (the value of the environment variable " + variable + ")";
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
