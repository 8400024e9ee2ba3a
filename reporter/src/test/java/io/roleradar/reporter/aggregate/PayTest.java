package io.roleradar.reporter.aggregate;

import io.roleradar.model.Salary;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Pay ranges annualised as the README says, implausible ones kept but not counted. */
class PayTest {
    private static Pay pay(String min, String max, String currency, String period) {
        return Pay.of(new Salary(min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max),
                currency, period));
    }

    @Test
    void annualisesTheMidpointByPeriod() {
        assertThat(pay("150000", "200000", "USD", "YEAR").annualMid()).isEqualTo(175_000);
        assertThat(pay("80", "100", "USD", "HOUR").annualMid()).isEqualTo(90 * 2_080);
        assertThat(pay("400", "600", "EUR", "DAY").annualMid()).isEqualTo(500 * 260);
        assertThat(pay("2000", null, "GBP", "WEEK").annualMid()).isEqualTo(2_000 * 52);
        assertThat(pay(null, "6000", "EUR", "MONTH").annualMid()).isEqualTo(6_000 * 12);
    }

    @Test
    void zeroAYearlyFigureUnderAThousandOrNoPeriodAreNotCounted() {
        assertThat(pay("0", "0", "USD", "YEAR").countable()).isFalse();
        assertThat(pay("150", "200", "USD", "YEAR").countable()).isFalse();
        assertThat(pay("150000", "200000", "USD", null).countable()).isFalse();
        assertThat(pay("200000", "150000", "USD", "YEAR").countable()).isFalse(); // min over max, as a source might state it
        assertThat(pay("200000", "150000", "USD", "YEAR").min()).isEqualTo(200_000); // kept raw
        assertThat(pay("150000", "200000", "usd", "year").currency()).isEqualTo("USD");
    }

    @Test
    void boundsBeyondADoublesRangeAreNoBoundAndAYearBeyondItIsNotCounted() {
        Pay huge = pay("1e400", "-1e400", "USD", "YEAR");
        assertThat(huge.min()).isNaN();
        assertThat(huge.max()).isNaN();
        assertThat(huge.countable()).isFalse();
        assertThat(pay("1e400", "2e400", "USD", "YEAR").countable()).isFalse();
        assertThat(pay("1e306", "1e306", "USD", "HOUR").countable()).isFalse(); // finite, but not once annualised
    }
}
