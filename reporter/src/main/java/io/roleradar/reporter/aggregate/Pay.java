package io.roleradar.reporter.aggregate;

import io.roleradar.model.Salary;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A posting's pay range as the source states it (kept raw for postings.csv), and its annualised
 * midpoint for the pay figures: hourly x 2,080, daily x 260, weekly x 52, monthly x 12. A range the
 * figures cannot trust (a bound of zero or less, min over max, a yearly figure under 1,000, no
 * known period, no bound within a double's range) is kept raw but has no annual midpoint:
 * {@link #countable()} is false. Immutable.
 *
 * @param min      the lower bound, NaN when the source states none (or one beyond a double's range)
 * @param max      the upper bound, NaN when the source states none (or one beyond a double's range)
 * @param currency ISO 4217 code as the source states it, null when unknown
 * @param period   YEAR, MONTH, WEEK, DAY or HOUR as the source states it, null when unknown
 */
public record Pay(double min, double max, String currency, String period) {
    /** A yearly figure below this is a typo or a unit mix-up (thousands written as "150"), not a salary. */
    static final double LOWEST_PLAUSIBLE_YEARLY = 1_000;

    /** The pay of a posting, or null when it states none. */
    public static Pay of(Salary salary) {
        if (salary == null) {
            return null;
        }
        return new Pay(value(salary.min()), value(salary.max()),
                salary.currency() == null || salary.currency().isBlank() ? null
                        : salary.currency().strip().toUpperCase(Locale.ROOT),
                salary.period() == null || salary.period().isBlank() ? null
                        : salary.period().strip().toUpperCase(Locale.ROOT));
    }

    /** A bound as a double; NaN when none is stated or when it lies beyond a double's range (1e400 is no pay). */
    private static double value(BigDecimal v) {
        if (v == null) {
            return Double.NaN;
        }
        double d = v.doubleValue();
        return Double.isFinite(d) ? d : Double.NaN;
    }

    /** How many of a period make a year of full-time work; NaN for an unknown period. */
    static double perYear(String period) {
        if (period == null) {
            return Double.NaN;
        }
        return switch (period) {
            case "YEAR", "YEARLY", "ANNUAL" -> 1;
            case "MONTH", "MONTHLY" -> 12;
            case "WEEK", "WEEKLY" -> 52;
            case "DAY", "DAILY" -> 260;
            case "HOUR", "HOURLY" -> 2_080;
            default -> Double.NaN;
        };
    }

    /** The midpoint of the range (or its one bound) per year; NaN when the range is not {@link #countable()}. */
    public double annualMid() {
        double factor = perYear(period);
        if (Double.isNaN(factor)) {
            return Double.NaN;
        }
        boolean hasMin = !Double.isNaN(min);
        boolean hasMax = !Double.isNaN(max);
        if ((hasMin && min <= 0) || (hasMax && max <= 0) || (hasMin && hasMax && min > max)) {
            return Double.NaN;
        }
        double mid = hasMin && hasMax ? (min + max) / 2 : hasMin ? min : max;
        double yearly = mid * factor;
        return yearly < LOWEST_PLAUSIBLE_YEARLY || !Double.isFinite(yearly) ? Double.NaN : yearly;
    }

    /** Whether the figures count this range (see the class comment for what they do not). */
    public boolean countable() {
        return !Double.isNaN(annualMid());
    }
}
