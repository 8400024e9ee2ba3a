package io.roleradar.reporter.aggregate;

import io.roleradar.model.Level;
import io.roleradar.model.Quadrant;
import io.roleradar.model.Round;
import io.roleradar.reporter.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The rounds employers state, from tagged-process.jsonl. By hand: ML postings acme:1 (MODELING_SPECIALIST,
 * SENIOR; recruiter call, live coding, ML system design), acme:2 (INFRA_GENERALIST, MID; deep dive, team fit),
 * acme:3 (MODELING_SPECIALIST, MID; recruiter call only), beta:1 (MODELING_SPECIALIST, SENIOR; no process),
 * beta:2 (MODELING_GENERALIST, JUNIOR; take-home and coding interview, both coding), gamma:1
 * (INFRA_SPECIALIST, STAFF_PLUS; no process); gamma:2 is a recruiter role (not ML) with a process.
 */
class StatedRoundsTest {
    private final MarketReport report = MarketReport.of(Fixtures.read(Fixtures.PROCESS), Filters.NONE, false);

    @Test
    void countsTheMlPostingsThatDescribeTheirProcessAndLeavesNonMlOut() {
        StatedRounds all = report.statedRounds();
        assertThat(all.postings()).isEqualTo(6);
        assertThat(all.describingProcess()).isEqualTo(4); // acme:1, acme:2, acme:3, beta:2
        assertThat(all.processShare()).isCloseTo(4 / 6.0, within(1e-9));
    }

    @Test
    void countsARoundOncePerPostingAmongThoseDescribingTheirProcess() {
        StatedRounds all = report.statedRounds();
        assertThat(all.stating(Round.ML_CODING)).isEqualTo(2); // acme:1, and beta:2 once for its two coding steps
        assertThat(all.stating(Round.ML_SYSTEM_DESIGN)).isEqualTo(1);
        assertThat(all.stating(Round.ML_CASE_STUDY)).isEqualTo(1);
        assertThat(all.stating(Round.ML_FUNDAMENTALS)).isZero();
        assertThat(all.statedShare(Round.ML_CODING)).isCloseTo(0.5, within(1e-9));
        assertThat(all.statedShare(Round.ML_SYSTEM_DESIGN)).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void givesTheFiguresPerQuadrant() {
        StatedRounds ms = report.statedRounds(Quadrant.MODELING_SPECIALIST);
        assertThat(ms.postings()).isEqualTo(3);
        assertThat(ms.describingProcess()).isEqualTo(2); // acme:1 and acme:3 (a process that states no round)
        assertThat(ms.statedShare(Round.ML_CODING)).isCloseTo(0.5, within(1e-9));
        assertThat(report.statedRounds(Quadrant.INFRA_GENERALIST).statedShare(Round.ML_CASE_STUDY)).isEqualTo(1.0);
        StatedRounds is = report.statedRounds(Quadrant.INFRA_SPECIALIST);
        assertThat(is.postings()).isEqualTo(1);
        assertThat(is.describingProcess()).isZero();
        assertThat(is.statedShare(Round.ML_CODING)).as("no share of nothing described").isZero();
    }

    @Test
    void givesTheFiguresPerLevel() {
        StatedRounds mid = report.statedRounds(Level.MID);
        assertThat(mid.postings()).isEqualTo(2);
        assertThat(mid.describingProcess()).isEqualTo(2);
        assertThat(mid.stating(Round.ML_CASE_STUDY)).isEqualTo(1);
        StatedRounds senior = report.statedRounds(Level.SENIOR);
        assertThat(senior.postings()).isEqualTo(2);
        assertThat(senior.processShare()).isCloseTo(0.5, within(1e-9));
        assertThat(senior.statedShare(Round.ML_SYSTEM_DESIGN)).isEqualTo(1.0);
        assertThat(report.statedRounds(Level.UNKNOWN).postings()).isZero();
    }

    @Test
    void aPostingWithoutAProcessStatesNothingAndOneWithAProcessMayStateNoRound() {
        LatestPostings latest = Fixtures.read(Fixtures.PROCESS);
        assertThat(latest.get("ashby:beta:1").describesProcess()).isFalse();
        assertThat(latest.get("ashby:beta:1").statedRounds()).isNull();
        assertThat(latest.get("greenhouse:acme:3").describesProcess()).isTrue();
        assertThat(latest.get("greenhouse:acme:3").statedRounds()).isEmpty();
        assertThat(latest.get("greenhouse:acme:1").statedRounds())
                .containsExactlyInAnyOrder(Round.ML_CODING, Round.ML_SYSTEM_DESIGN);
    }

    @Test
    void postingsTaggedBeforeProcessesWereReadDescribeNone() {
        assertThat(MarketReport.of(Fixtures.read(Fixtures.BASIC), Filters.NONE, false).statedRounds()
                .describingProcess()).isZero();
    }
}
