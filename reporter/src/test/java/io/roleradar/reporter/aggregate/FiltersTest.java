package io.roleradar.reporter.aggregate;

import io.roleradar.reporter.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FiltersTest {
    private final LatestPostings latest = Fixtures.read(Fixtures.BASIC);

    @Test
    void sinceAndUntilAreInclusiveAndUseFetchedAtWhenPostedAtIsMissing() {
        Filters filters = new Filters(LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 12), null, null);
        MarketReport r = MarketReport.of(latest, filters, false);
        // acme:2 (11-04), beta:1 (11-10), beta:2 (fetched 11-12); acme:1, gamma:1 and the recruiter are out
        assertThat(r.postings()).isEqualTo(3);
        assertThat(r.filteredOut()).isEqualTo(3);
        assertThat(r.nonMl()).isZero();
    }

    @Test
    void companyMatchesIgnoringCase() {
        MarketReport r = MarketReport.of(latest, new Filters(null, null, "beta", null), false);
        assertThat(r.postings()).isEqualTo(2);
        assertThat(r.filteredOut()).isEqualTo(4);
    }

    @Test
    void sourceMatchesTheWholeNameOrItsKind() {
        assertThat(MarketReport.of(latest, new Filters(null, null, null, "greenhouse"), false).postings()).isEqualTo(2);
        assertThat(MarketReport.of(latest, new Filters(null, null, null, "lever:gamma"), false).postings())
                .isEqualTo(1);
        assertThat(MarketReport.of(latest, new Filters(null, null, null, "lever:gamma"), false).nonMl()).isEqualTo(1);
        assertThat(MarketReport.of(latest, new Filters(null, null, null, "lever:gam"), false).postings()).isZero();
    }

    @Test
    void refusesASinceAfterTheUntil() {
        assertThatThrownBy(() -> new Filters(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), null, null))
                .hasMessageContaining("--since").hasMessageContaining("on or before");
    }
}
