package io.roleradar.ingest.text;

import io.roleradar.model.Salary;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class SalariesTest {
    @Test
    void glassdoorEstimatesInThousandsAreRead() {
        Salary s = Salaries.parse("$53K-$91K (Glassdoor est.)");
        assertThat(s.min()).isEqualByComparingTo("53000");
        assertThat(s.max()).isEqualByComparingTo("91000");
        assertThat(s.currency()).isEqualTo("USD");
        assertThat(s.period()).isEqualTo("YEAR");
    }

    @Test
    void hourlyAndEmployerProvidedFormsAreRead() {
        Salary hourly = Salaries.parse("$17-$24 Per Hour(Glassdoor est.)");
        assertThat(hourly.period()).isEqualTo("HOUR");
        assertThat(hourly.max()).isEqualByComparingTo("24");
        Salary employer = Salaries.parse("Employer Provided Salary:$150K-$160K");
        assertThat(employer.min()).isEqualByComparingTo("150000");
    }

    @Test
    void placeholdersAndTextWithoutAmountsGiveNoSalary() {
        assertThat(Salaries.parse("-1")).isNull();
        assertThat(Salaries.parse("competitive")).isNull();
        assertThat(Salaries.parse(null)).isNull();
    }

    @Test
    void structuredBoundsTheWrongWayRoundAndAZeroBoundAreKeptAsStated() {
        // Implausible, so the reporter does not count them, but kept raw as the source states them.
        Salary s = Salaries.of(new BigDecimal("90000"), new BigDecimal("70000"), "eur", "per-year-salary");
        assertThat(s.min()).isEqualByComparingTo("90000");
        assertThat(s.max()).isEqualByComparingTo("70000");
        assertThat(s.currency()).isEqualTo("EUR");
        assertThat(s.period()).isEqualTo("YEAR");
        assertThat(Salaries.of(BigDecimal.ZERO, new BigDecimal("150000"), "USD", "YEAR").min()).isEqualByComparingTo("0");
        assertThat(Salaries.of(BigDecimal.ZERO, null, "USD", "YEAR")).isNull();
        assertThat(Salaries.of(new BigDecimal("-1"), null, "USD", "YEAR")).isNull();
    }

    @Test
    void aRangeStatedTheWrongWayRoundIsKeptAsStated() {
        Salary s = Salaries.parse("Employer Provided Salary:$160K-$150K");
        assertThat(s.min()).isEqualByComparingTo("160000");
        assertThat(s.max()).isEqualByComparingTo("150000");
    }

    @Test
    void statedPeriodsAreReadInTheirShortForms() {
        assertThat(Salaries.parse("$90 - $150 /hour").period()).isEqualTo("HOUR");
        assertThat(Salaries.parse("$90 - $150 an hour").period()).isEqualTo("HOUR");
        assertThat(Salaries.parse("$5,000 - $6,000 / month").period()).isEqualTo("MONTH");
        assertThat(Salaries.parse("$150k - $230k").period()).isEqualTo("YEAR");
    }

    @Test
    void periodsAreReadFromTheManySpellings() {
        assertThat(Salaries.period("1 YEAR")).isEqualTo("YEAR");
        assertThat(Salaries.period("HOUR")).isEqualTo("HOUR");
        assertThat(Salaries.period("PA")).isEqualTo("YEAR");
        assertThat(Salaries.period("monthly")).isEqualTo("MONTH");
        assertThat(Salaries.period("NONE")).isNull();
    }
}
