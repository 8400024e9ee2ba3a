package io.roleradar.classifier.eval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BootstrapTest {

    /** n postings, each an ML role correctly called or not, with a level label right or wrong. */
    private static List<int[]> postings(int n, double mlRight, double levelRight, long seed) {
        Random random = new Random(seed);
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] c = new int[Count.SIZE];
            c[Count.TAG_LABELS.ordinal()] = 1;
            c[(random.nextDouble() < mlRight ? Count.ML_TP : (i % 2 == 0 ? Count.ML_FP : Count.ML_FN)).ordinal()] = 1;
            c[Count.LEVEL_N.ordinal()] = 1;
            c[Count.LEVEL_OK.ordinal()] = random.nextDouble() < levelRight ? 1 : 0;
            rows.add(c);
        }
        return rows;
    }

    @Test
    void theSameSeedGivesTheSameIntervals() {
        List<int[]> rows = postings(200, 0.9, 0.8, 1);
        Map<Figure, Bootstrap.Interval> a = new Bootstrap(2026, 1000).intervals(rows);
        Map<Figure, Bootstrap.Interval> b = new Bootstrap(2026, 1000).intervals(rows);
        assertThat(a).isEqualTo(b);
        assertThat(a.get(Figure.LEVEL).low()).isLessThan(a.get(Figure.LEVEL).high());
    }

    @Test
    void everyIntervalContainsItsPointEstimate() {
        for (long seed = 1; seed <= 5; seed++) {
            Map<Figure, Bootstrap.Interval> intervals = new Bootstrap(2026, 1000).intervals(postings(150, 0.85, 0.7, seed));
            for (Figure f : List.of(Figure.ML_F1, Figure.ML_PRECISION, Figure.ML_RECALL, Figure.LEVEL)) {
                Bootstrap.Interval i = intervals.get(f);
                assertThat(i.value()).as(f + " seed " + seed).isBetween(i.low(), i.high());
            }
        }
    }

    @Test
    void thePointEstimateIsTheFigureOverAllPostings() {
        List<int[]> rows = postings(100, 1.0, 0.75, 3);
        int right = (int) rows.stream().filter(r -> r[Count.LEVEL_OK.ordinal()] == 1).count();
        Bootstrap.Interval level = new Bootstrap(7, 200).intervals(rows).get(Figure.LEVEL);
        assertThat(level.value()).isEqualTo(right / 100.0);
        assertThat(level.n()).isEqualTo(100);
        // Every posting right: no resample can be anything else.
        Bootstrap.Interval ml = new Bootstrap(7, 200).intervals(rows).get(Figure.ML_F1);
        assertThat(ml.value()).isEqualTo(1.0);
        assertThat(ml.low()).isEqualTo(1.0);
        assertThat(ml.high()).isEqualTo(1.0);
    }

    @Test
    void moreLabelledPostingsGiveANarrowerInterval() {
        Bootstrap.Interval few = new Bootstrap(2026, 1000).intervals(postings(40, 0.9, 0.7, 9)).get(Figure.LEVEL);
        Bootstrap.Interval many = new Bootstrap(2026, 1000).intervals(postings(2000, 0.9, 0.7, 9)).get(Figure.LEVEL);
        assertThat(many.high() - many.low()).isLessThan((few.high() - few.low()) / 3);
    }

    @Test
    void aFigureWithNothingToCountIsUndefinedNotZeroOrOne() {
        Map<Figure, Bootstrap.Interval> intervals = new Bootstrap(2026, 100).intervals(postings(20, 0.9, 0.9, 2));
        Bootstrap.Interval process = intervals.get(Figure.PROCESS_PRECISION);
        assertThat(process.defined()).isFalse();
        assertThat(process.low()).isNaN();
        assertThat(new Bootstrap(2026, 100).intervals(List.of()).get(Figure.ML_F1).defined()).isFalse();
    }

    @Test
    void theTagsIntervalsDoNotMoveWhenPostingsWithOnlyAProcessLabelAreAdded() {
        List<int[]> tagged = postings(200, 0.85, 0.7, 4);
        List<int[]> withProcess = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int[] c = new int[Count.SIZE];
            c[Count.PROCESS_LABELS.ordinal()] = 1;
            c[(i % 3 == 0 ? Count.PROCESS_TP : Count.PROCESS_TN).ordinal()] = 1;
            withProcess.add(c);
            if (i < tagged.size()) {
                withProcess.add(tagged.get(i)); // interleaved, as postings are read
            }
        }
        Map<Figure, Bootstrap.Interval> alone = new Bootstrap(2026, 500).intervals(tagged);
        Map<Figure, Bootstrap.Interval> mixed = new Bootstrap(2026, 500).intervals(withProcess);
        for (Figure f : List.of(Figure.ML_F1, Figure.ML_PRECISION, Figure.LEVEL)) {
            assertThat(mixed.get(f)).as(f.key()).isEqualTo(alone.get(f));
        }
        assertThat(mixed.get(Figure.PROCESS_F1).defined()).isTrue();
    }

    @Test
    void percentilesAreNearestRank() {
        double[] sorted = new double[1000];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i;
        }
        assertThat(Bootstrap.percentile(sorted, 0.025)).isEqualTo(24.0);
        assertThat(Bootstrap.percentile(sorted, 0.975)).isEqualTo(974.0);
    }
}
