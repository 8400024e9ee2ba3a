package io.roleradar.model;

import java.math.BigDecimal;

/**
 * A pay range as the source states it. Either bound may be null (an "up to" or "from" figure);
 * {@code period} is YEAR, MONTH, WEEK, DAY or HOUR; {@code currency} an ISO 4217 code where known.
 */
public record Salary(BigDecimal min, BigDecimal max, String currency, String period) {
    public Salary {
        if (min == null && max == null) {
            throw new IllegalArgumentException("salary needs at least one of min and max");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("salary min " + min + " is above max " + max);
        }
    }
}
