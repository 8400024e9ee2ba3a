package io.roleradar.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them, for every {@code --every}, timeout and interval flag of every
 * command: {@code 6h}, {@code 30m}, {@code 1d}, {@code 500ms}, or ISO-8601 ({@code PT6H}).
 */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /** A duration as people write it, the largest whole unit: 6h, 30m, 1d, 90s, 500ms; never PT6H. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1000L};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (ms % units[i] == 0) {
                return ms / units[i] + names[i];
            }
        }
        return ms + "ms";
    }

    /**
     * @param name the flag or environment variable the text came from, named in the error message
     * @throws IllegalArgumentException with the accepted forms when the text is neither
     */
    public static Duration parse(String text, String name) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " " + e.getMessage());
        }
    }

    /**
     * @throws IllegalArgumentException saying the text is not a duration and what one looks like,
     *                                  without naming where the text came from
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write e.g. 30s, 15m, 6h, 1d, 500ms "
                    + "or an ISO-8601 duration such as PT6H");
        }
    }
}
