package io.roleradar.reporter.aggregate;

import io.roleradar.model.Domain;
import io.roleradar.model.Level;
import io.roleradar.model.Quadrant;
import io.roleradar.model.Round;
import io.roleradar.reporter.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The numbers follow by hand from tagged-basic.jsonl (see the comments in each test). */
class MarketReportTest {
    private static final int ALL = MarketReport.ALL;

    private final LatestPostings latest = Fixtures.read(Fixtures.BASIC);
    private final MarketReport report = MarketReport.of(latest, Filters.NONE, false);

    @Test
    void keepsOnlyTheLatestTagsOfAPostingTaggedTwice() {
        assertThat(latest.records()).isEqualTo(7);
        assertThat(latest.size()).isEqualTo(6);
        assertThat(latest.replaced()).isEqualTo(1);
        PostingFacts acme1 = latest.get("greenhouse:acme:1");
        assertThat(acme1.title()).isEqualTo("Staff ML Engineer, Search Ranking");
        assertThat(acme1.level()).isEqualTo(Level.STAFF_PLUS);
        assertThat(report.level(ALL, Level.SENIOR)).isEqualTo(1); // only gamma:1 now
    }

    @Test
    void leavesNonMlPostingsOutOfTheMarketFiguresButCountsThem() {
        assertThat(report.postings()).isEqualTo(5);
        assertThat(report.nonMl()).isEqualTo(1);
        assertThat(report.filteredOut()).isZero();
        assertThat(report.companies()).extracting(Map.Entry::getKey).containsExactly("Acme", "Beta", "Gamma");
        assertThat(report.companies().get(2).getValue().postings()).isEqualTo(1); // the recruiter is not counted
    }

    @Test
    void countsPostingsPerQuadrant() {
        assertThat(report.postings(Quadrant.MODELING_SPECIALIST.ordinal())).isEqualTo(2);
        assertThat(report.postings(Quadrant.MODELING_GENERALIST.ordinal())).isEqualTo(1);
        assertThat(report.postings(Quadrant.INFRA_GENERALIST.ordinal())).isEqualTo(1);
        assertThat(report.postings(Quadrant.INFRA_SPECIALIST.ordinal())).isEqualTo(1);
        assertThat(report.postings(ALL)).isEqualTo(5);
    }

    @Test
    void countsEachDomainOfAPostingAndPostingsWithoutAnyDomain() {
        int ms = Quadrant.MODELING_SPECIALIST.ordinal();
        assertThat(report.domain(ms, Domain.RANKING_RECOMMENDATION)).isEqualTo(1);
        assertThat(report.domain(ms, Domain.NLP_LLM)).isEqualTo(1);
        assertThat(report.domain(ms, Domain.SPEECH_AUDIO)).isEqualTo(1);
        assertThat(report.domain(ms, Domain.COMPUTER_VISION)).isZero();
        assertThat(report.domain(ALL, Domain.COMPUTER_VISION)).isEqualTo(1);
        assertThat(report.domain(ALL, Domain.ADS)).isZero();
        assertThat(report.noDomain(ALL)).isEqualTo(1); // the platform engineer
        assertThat(report.noDomain(Quadrant.INFRA_GENERALIST.ordinal())).isEqualTo(1);
    }

    @Test
    void sumsRoundWeightsOverall() {
        // fundamentals 5 x 1.0; case study .9+.4+1+.2+.6; system design 1+1+.6+.2+1; coding .2+.2+.2+.6+.4
        assertThat(report.roundDemand(ALL, Round.ML_FUNDAMENTALS)).isCloseTo(5.0, within(1e-6));
        assertThat(report.roundDemand(ALL, Round.ML_CASE_STUDY)).isCloseTo(3.1, within(1e-6));
        assertThat(report.roundDemand(ALL, Round.ML_SYSTEM_DESIGN)).isCloseTo(3.8, within(1e-6));
        assertThat(report.roundDemand(ALL, Round.ML_CODING)).isCloseTo(1.6, within(1e-6));
    }

    @Test
    void sumsRoundWeightsPerLevelAndPerDomain() {
        // STAFF_PLUS: acme:1 (v2) and beta:1
        assertThat(report.roundDemandAtLevel(Level.STAFF_PLUS, Round.ML_CASE_STUDY)).isCloseTo(1.9, within(1e-6));
        assertThat(report.roundDemandAtLevel(Level.STAFF_PLUS, Round.ML_SYSTEM_DESIGN)).isCloseTo(1.6, within(1e-6));
        assertThat(report.roundDemandInDomain(Domain.NLP_LLM, Round.ML_CASE_STUDY)).isCloseTo(1.0, within(1e-6));
        assertThat(report.roundDemandInDomain(Domain.FORECASTING, Round.ML_CODING)).isCloseTo(0.6, within(1e-6));
    }

    @Test
    void groupsPostingsByIsoWeekOfPostedAtElseFetchedAt() {
        // W45: acme:1 (11-02), acme:2 (11-04); W46: beta:1 (11-10), beta:2 (no postedAt, fetched 11-12); W47: gamma:1
        assertThat(report.weeks().keySet()).containsExactly("2026-W45", "2026-W46", "2026-W47");
        assertThat(report.weeks().get("2026-W45").postings()).isEqualTo(2);
        assertThat(report.weeks().get("2026-W46").postings()).isEqualTo(2);
        assertThat(report.weeks().get("2026-W46").start()).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(report.weeks().get("2026-W46").domain(Domain.FORECASTING)).isEqualTo(1);
        assertThat(report.weeks().get("2026-W47").quadrant(Quadrant.INFRA_SPECIALIST)).isEqualTo(1);
    }

    @Test
    void fillsWeeksWithoutPostingsWithZerosSoTheTrendHasNoGaps() {
        LatestPostings moved = Fixtures.read(Fixtures.BASIC);
        String gamma1 = Fixtures.lines(Fixtures.BASIC).get(4).replace("\"postedAt\": \"2026-11-17\"", "\"postedAt\": \"2026-12-01\"");
        moved.accept(gamma1.getBytes(java.nio.charset.StandardCharsets.UTF_8), "moved");
        MarketReport r = MarketReport.of(moved, Filters.NONE, false);

        assertThat(r.weeks().keySet()).containsExactly("2026-W45", "2026-W46", "2026-W47", "2026-W48", "2026-W49");
        assertThat(r.weeks().get("2026-W47").postings()).isZero();
        assertThat(r.weeks().get("2026-W48").start()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(r.weeks().get("2026-W49").postings()).isEqualTo(1);
    }

    @Test
    void listsCompanyTopDomainsByCountThenTaxonomyOrder() {
        MarketReport.CompanyFigures beta = report.companies().get(1).getValue();
        assertThat(beta.topDomains(3)).containsExactly(Domain.NLP_LLM, Domain.SPEECH_AUDIO, Domain.FORECASTING);
        assertThat(beta.quadrant(Quadrant.MODELING_GENERALIST)).isEqualTo(1);
    }

    @Test
    void keepsDomainsInScoreOrder() {
        assertThat(latest.get("ashby:beta:1").domains()).containsExactly(Domain.NLP_LLM, Domain.SPEECH_AUDIO);
    }

    @Test
    void isoWeekUsesTheWeekBasedYear() {
        assertThat(MarketReport.isoWeek(LocalDate.of(2027, 1, 1))).isEqualTo("2026-W53");
        assertThat(MarketReport.isoWeek(LocalDate.of(2025, 12, 29))).isEqualTo("2026-W01");
    }

    @Test
    void recentPostingsAreNewestFirst() {
        List<MarketReport.Recent> recent = report.recent();
        assertThat(recent).extracting(MarketReport.Recent::id).first().isEqualTo("lever:gamma:1");
        assertThat(recent).hasSize(5);
    }
}
