package io.roleradar.model;

import java.math.BigDecimal;

/**
 * A pay range as the source states it. Either bound may be null (an "up to" or "from" figure), but
 * not both; {@code period} is YEAR, MONTH, WEEK, DAY or HOUR; {@code currency} an ISO 4217 code where
 * known. The bounds are kept as stated, implausible ones too (min over max, a bound of zero): a
 * reader decides what it can count, as the reporter does (it leaves such a range out of the pay
 * figures and counts it in its manifest).
 */
public record Salary(BigDecimal min, BigDecimal max, String currency, String period) {
    public Salary {
        if (min == null && max == null) {
            throw new IllegalArgumentException("salary needs at least one of min and max");
        }
    }
}
