package io.roleradar.classifier.train;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LogisticRegressionTest {
    /** Feature 0 says yes, feature 1 fires as often on both sides, so it says nothing. */
    private static List<LogisticRegression.Row> rows() {
        List<LogisticRegression.Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean yes = i % 2 == 0;
            boolean noise = i % 4 < 2;
            int[] index = yes ? (noise ? new int[]{0, 1} : new int[]{0}) : (noise ? new int[]{1} : new int[]{});
            double[] value = new double[index.length];
            java.util.Arrays.fill(value, 1.0);
            rows.add(new LogisticRegression.Row(index, value, yes, 1.0));
        }
        return rows;
    }

    @Test
    void theInformativeFeatureGetsTheWeightAndTheUninformativeOneNone() {
        double[] w = LogisticRegression.fit(rows(), 2, 1.0);
        assertThat(w[0]).isGreaterThan(2);
        assertThat(w[1]).isCloseTo(0, within(0.05));
        assertThat(LogisticRegression.probability(w, rows().get(0))).isGreaterThan(0.8);
    }

    @Test
    void strongerRegularisationGivesSmallerWeights() {
        assertThat(LogisticRegression.fit(rows(), 2, 0.05)[0]).isLessThan(LogisticRegression.fit(rows(), 2, 1.0)[0]);
    }

    @Test
    void aRowThatCountsLessPullsLess() {
        List<LogisticRegression.Row> rows = new ArrayList<>(rows());
        // Ten contrary rows: "feature 0 and no", at full weight they drag feature 0's weight down more.
        List<LogisticRegression.Row> full = new ArrayList<>(rows);
        List<LogisticRegression.Row> light = new ArrayList<>(rows);
        for (int i = 0; i < 10; i++) {
            full.add(new LogisticRegression.Row(new int[]{0}, new double[]{1}, false, 1.0));
            light.add(new LogisticRegression.Row(new int[]{0}, new double[]{1}, false, 0.1));
        }
        assertThat(LogisticRegression.fit(light, 2, 1.0)[0]).isGreaterThan(LogisticRegression.fit(full, 2, 1.0)[0]);
    }

    @Test
    void theSameRowsAlwaysGiveTheSameWeights() {
        assertThat(LogisticRegression.fit(rows(), 2, 1.0)).containsExactly(LogisticRegression.fit(rows(), 2, 1.0));
    }
}
