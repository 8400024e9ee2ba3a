package io.roleradar.ingest.text;

import io.roleradar.model.Salary;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Salary ranges from the forms sources use: structured min/max/currency/interval fields, and
 * stated ranges such as Glassdoor's {@code $53K-$91K (Glassdoor est.)},
 * {@code Employer Provided Salary:$150K-$160K} or {@code $17-$24 Per Hour(Glassdoor est.)}.
 */
public final class Salaries {
    private static final Pattern RANGE = Pattern.compile(
            "([$€£])\\s?(\\d[\\d,]*(?:\\.\\d+)?)\\s*([kKmM])?\\s*(?:-|–|—|to)\\s*(?:[$€£])?\\s?(\\d[\\d,]*(?:\\.\\d+)?)\\s*([kKmM])?");
    private static final Pattern SINGLE = Pattern.compile("([$€£])\\s?(\\d[\\d,]*(?:\\.\\d+)?)\\s*([kKmM])?");

    /** A period after "/", "per" or "a(n)" ("/hr", "per annum", "an hour"), or an adverb of its own ("hourly"). */
    private static final Pattern PERIOD_WORDS = Pattern.compile("(?:/\\s?|\\bper\\s|\\ban?\\s)(?:(?<hour>hours?|hrs?|h)"
            + "|(?<year>years?|yrs?|annum)|(?<month>months?|mos?)|(?<week>weeks?|wks?)|(?<day>days?))\\b"
            + "|\\b(?:(?<hourly>hourly)|(?<yearly>annually|annual|yearly)|(?<monthly>monthly)|(?<weekly>weekly)|(?<daily>daily))\\b");

    private Salaries() {
    }

    /**
     * A salary from structured values; null when neither bound is a number above zero. A bound of
     * zero and bounds stated the wrong way round (min over max) are kept as stated: the reporter
     * leaves such a range out of the pay figures and counts it in its manifest. A negative bound is
     * no bound.
     */
    public static Salary of(BigDecimal min, BigDecimal max, String currency, String period) {
        if (min != null && min.signum() < 0) {
            min = null;
        }
        if (max != null && max.signum() < 0) {
            max = null;
        }
        if ((min == null || min.signum() == 0) && (max == null || max.signum() == 0)) {
            return null;
        }
        String cur = currency == null || currency.isBlank() ? null : currency.trim().toUpperCase(Locale.ROOT);
        return new Salary(min, max, cur, period(period));
    }

    /** A salary range stated in text, such as a Glassdoor estimate; null when there is none. */
    public static Salary parse(String text) {
        String t = Texts.blankToNull(text);
        if (t == null) {
            return null;
        }
        String stated = periodIn(t.toLowerCase(Locale.ROOT));
        String period = stated != null ? stated : "YEAR";
        Matcher m = RANGE.matcher(t);
        if (m.find()) {
            BigDecimal min = amount(m.group(2), m.group(3) != null ? m.group(3) : m.group(5));
            BigDecimal max = amount(m.group(4), m.group(5));
            return of(min, max, currency(m.group(1)), period);
        }
        Matcher s = SINGLE.matcher(t);
        if (s.find()) {
            BigDecimal v = amount(s.group(2), s.group(3));
            return of(v, v, currency(s.group(1)), period);
        }
        return null;
    }

    /**
     * The period a piece of lower-case text states first ("/hour", "per hour", "an hour", "hourly",
     * "/yr", "per annum", "annually", "monthly", ...), or null when it states none.
     */
    static String periodIn(String lower) {
        Matcher m = PERIOD_WORDS.matcher(lower);
        if (!m.find()) {
            return null;
        }
        return m.group("hour") != null || m.group("hourly") != null ? "HOUR"
                : m.group("year") != null || m.group("yearly") != null ? "YEAR"
                : m.group("month") != null || m.group("monthly") != null ? "MONTH"
                : m.group("week") != null || m.group("weekly") != null ? "WEEK" : "DAY";
    }

    /** YEAR, MONTH, WEEK, DAY or HOUR from the many spellings ("1 YEAR", "per-year-salary", "HOUR", "PA"). */
    public static String period(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String p = raw.toLowerCase(Locale.ROOT);
        if (p.contains("hour") || p.equals("ph")) {
            return "HOUR";
        }
        if (p.contains("day") || p.equals("pd")) {
            return "DAY";
        }
        if (p.contains("week") || p.equals("pw")) {
            return "WEEK";
        }
        if (p.contains("month") || p.equals("pm")) {
            return "MONTH";
        }
        if (p.contains("year") || p.contains("annual") || p.equals("pa")) {
            return "YEAR";
        }
        return null;
    }

    private static BigDecimal amount(String digits, String multiplier) {
        BigDecimal v = new BigDecimal(digits.replace(",", ""));
        if (multiplier != null) {
            v = v.multiply(BigDecimal.valueOf(multiplier.equalsIgnoreCase("k") ? 1_000 : 1_000_000));
        }
        return plain(v);
    }

    /** The amount without trailing zeros, and as a whole number (150000, not 1.5E+5) when it is one. */
    static BigDecimal plain(BigDecimal v) {
        return v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros();
    }

    private static String currency(String symbol) {
        return switch (symbol) {
            case "$" -> "USD";
            case "€" -> "EUR";
            case "£" -> "GBP";
            default -> null;
        };
    }
}
