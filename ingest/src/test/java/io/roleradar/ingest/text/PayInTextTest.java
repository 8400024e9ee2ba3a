package io.roleradar.ingest.text;

import io.roleradar.model.Salary;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class PayInTextTest {
    private static Salary pay(String text) {
        return PayInText.find(text, null);
    }

    private static Salary salary(String min, String max, String currency, String period) {
        return new Salary(new BigDecimal(min), new BigDecimal(max), currency, period);
    }

    @Test
    void rangesWrittenTheUsualWaysAreReadWithCurrencyAndPeriod() {
        assertThat(pay("The salary range for this position is $150,000 - $200,000."))
                .isEqualTo(salary("150000", "200000", "USD", "YEAR"));
        assertThat(pay("Salary Range: $150K-$200K")).isEqualTo(salary("150000", "200000", "USD", "YEAR"));
        assertThat(pay("Compensation: EUR 70-90k depending on experience")).isEqualTo(salary("70000", "90000", "EUR", "YEAR"));
        assertThat(pay("We pay £60,000 to £80,000 plus equity.")).isEqualTo(salary("60000", "80000", "GBP", "YEAR"));
        assertThat(pay("Pay: $60/hour, weekly.")).isEqualTo(salary("60", "60", "USD", "HOUR"));
        assertThat(pay("The base salary is between 120k and 150k USD.")).isEqualTo(salary("120000", "150000", "USD", "YEAR"));
        assertThat(pay("The estimated base salary range is $6,900 to $11,000 per month."))
                .isEqualTo(salary("6900", "11000", "USD", "MONTH"));
        assertThat(pay("Expected OTE is $90k-$110k")).isEqualTo(salary("90000", "110000", "USD", "YEAR"));
        assertThat(pay("the expected base pay range is $135,000\u2010$185,000/year"))
                .isEqualTo(salary("135000", "185000", "USD", "YEAR"));
    }

    @Test
    void aDotBeforeGroupsOfThreeDigitsSeparatesThousands() {
        assertThat(pay("Gehalt: EUR 60.000 - 70.000 OTE")).isEqualTo(salary("60000", "70000", "EUR", "YEAR"));
        assertThat(pay("Salary: \u20ac55.000 \u2013 \u20ac65.000 per year")).isEqualTo(salary("55000", "65000", "EUR", "YEAR"));
        assertThat(pay("Salary: \u20ac1.250.000 - \u20ac1.500.000 per year")).isEqualTo(salary("1250000", "1500000", "EUR", "YEAR"));
        assertThat(pay("Gehalt: EUR 70.000-90.000 + Equity")).isEqualTo(salary("70000", "90000", "EUR", "YEAR"));
        assertThat(pay("Ein Gehaltspaket von EUR 90.000-110.000")).isEqualTo(salary("90000", "110000", "EUR", "YEAR"));
        // Two decimals are cents (kept without their trailing zero, as every amount is).
        assertThat(pay("Pay: $25.50 per hour")).isEqualTo(salary("25.5", "25.5", "USD", "HOUR"));
        assertThat(pay("Pay: $25.50 - $30.75 per hour")).isEqualTo(salary("25.5", "30.75", "USD", "HOUR"));
    }

    @Test
    void aBareMinIsInTheThousandsOfAMaxWrittenInThousands() {
        assertThat(pay("Annual salary range: $170-195,000")).isEqualTo(salary("170000", "195000", "USD", "YEAR"));
        assertThat(pay("Gehalt: EUR 55 - 65.000 OTE")).isEqualTo(salary("55000", "65000", "EUR", "YEAR"));
        // Not when the min in thousands would pass the max: the min is as stated.
        assertThat(pay("Pay: $20 - $1,000 per day")).isEqualTo(salary("20", "1000", "USD", "DAY"));
        assertThat(pay("Pay: $800 - $1,250 per month")).isEqualTo(salary("800", "1250", "USD", "MONTH"));
    }

    @Test
    void moneyThatIsNotPayIsNotRead() {
        assertThat(pay("We raised a $50M Series B and our salary bands are generous.")).isNull();
        assertThat(pay("Benefits: 401(k) matching, competitive salary.")).isNull();
        assertThat(pay("Compensation is great. You will close deals in the $25k\u2013$50k range.")).isNull();
        assertThat(pay("Competitive salary. Own land deals of \u20ac35\u201345K ARR.")).isNull();
        assertThat(pay("One Medical annual membership - Fertility HRA (up to $5,000 per year)")).isNull();
        assertThat(pay("Company paid commuter benefit; $300/month")).isNull();
    }

    @Test
    void anAmountIsReadWholeWhereTheWindowAroundAnEarlierCurrencyEndsInsideIt() {
        // The window around "$10,000" ends inside "$85,000": read there, the max was 85.
        assertThat(pay("Sign-on bonus: $5,000 - $10,000 for the right person. Salary range: $60,000 - $85,000"))
                .isEqualTo(salary("60000", "85000", "USD", "YEAR"));
    }

    @Test
    void aPayWordNearerThanAnotherKindOfMoneyMakesThePay() {
        // scribe's RevOps Coordinator: the benefits list ends with a stipend just before the pay.
        assertThat(pay("- 401k\n\n- WFH Stipend\n\nCompensation\n\n- Bay Area Salary Range: $70,000 \u2013 $95,000"))
                .isEqualTo(salary("70000", "95000", "USD", "YEAR"));
        assertThat(pay("A competitive salary and a home office stipend of $500 - $1,000.")).isNull();
    }

    @Test
    void payFollowedByInAndAPlaceOrAPayWordIsPay() {
        assertThat(pay("Salary range: $60,000 - $85,000 in the US.")).isEqualTo(salary("60000", "85000", "USD", "YEAR"));
        assertThat(pay("Salary range: $90,000 - $110,000 in New York")).isEqualTo(salary("90000", "110000", "USD", "YEAR"));
        assertThat(pay("Compensation: $120k-$150k in base salary plus equity")).isEqualTo(salary("120000", "150000", "USD", "YEAR"));
    }

    @Test
    void anAmountFollowedByInAndAnotherKindOfMoneyIsNotPay() {
        assertThat(pay("Salary is competitive. Our customers drive $25k-$50k in ARR each.")).isNull();
        assertThat(pay("Compensation aside, you will own $500k-$900k in annual recurring revenue.")).isNull();
        assertThat(pay("Salary is competitive. Grants of $10,000 - $50,000 in seed funding.")).isNull();
    }

    @Test
    void anAmountWithoutAPayWordNearbyIsNotPay() {
        assertThat(pay("Our customers save $100,000 - $120,000 a year with the product.")).isNull();
    }

    @Test
    void aBareDollarIsTheDollarOfThePostingsCountry() {
        assertThat(PayInText.find("Salary range: $120,000 - $150,000", "CA").currency()).isEqualTo("CAD");
        assertThat(PayInText.find("Salary range: $120,000 - $150,000", "DE").currency()).isEqualTo("USD");
        assertThat(PayInText.find("Salary range: C$120,000 - C$150,000", null).currency()).isEqualTo("CAD");
    }

    @Test
    void smallAmountsWithoutAStatedPeriodKeepNoPeriod() {
        // Clearly not a year's pay, and the text does not say per what: the reporter leaves it uncounted.
        assertThat(pay("Compensation will be paid in the range of $20 - $34.")).isEqualTo(salary("20", "34", "USD", null));
    }

    @Test
    void aRangeWrittenWithMinAboveMaxIsKeptAsStated() {
        // Implausible: the reporter leaves it out of the pay figures and counts it, but it is kept raw.
        assertThat(pay("The base salary range for this role is $200,000 - $150,000."))
                .isEqualTo(salary("200000", "150000", "USD", "YEAR"));
        assertThat(pay("Compensation: EUR 90-70k")).isEqualTo(salary("90000", "70000", "EUR", "YEAR"));
    }
}
