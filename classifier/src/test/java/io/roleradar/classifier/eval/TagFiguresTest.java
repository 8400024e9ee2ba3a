package io.roleradar.classifier.eval;

import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.Fixtures;
import io.roleradar.model.RawPosting;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TagFiguresTest {

    @Test
    void countsMlRoleErrorsTagAccuracyOverBothMlAndDomainsMicroF1() throws Exception {
        List<Label> labels = Labels.read(Path.of(getClass().getResource("/labels/small.csv").toURI()));
        Map<String, RawPosting> postings = new LinkedHashMap<>();
        Fixtures.all().forEach(p -> postings.put(p.id(), p));

        MeasurementReport report = Measurement.of(Classifier.withDefaultTaxonomy())
                .measure(labels, List.of(), postings, Split.none(), null);
        MeasurementReport.Part all = report.part(Split.ALL);

        // search-ranking and inference-platform: tp; bi-analyst labelled ML (wrongly): fn; sales: tn.
        assertThat(count(all, Count.ML_TP)).isEqualTo(2);
        assertThat(count(all, Count.ML_FN)).isEqualTo(1);
        assertThat(count(all, Count.ML_FP)).isZero();
        assertThat(count(all, Count.ML_TN)).isEqualTo(1);
        assertThat(all.figure(Figure.ML_F1).value()).isCloseTo(0.8, within(1e-9));
        assertThat(all.figure(Figure.ML_PRECISION).value()).isEqualTo(1.0);
        assertThat(all.figure(Figure.ML_RECALL).value()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(report.tagMissing()).containsExactly("fixture:not-in-postings");
        assertThat(all.figure(Figure.RESPONSIBILITY).n()).isEqualTo(2);
        assertThat(all.figure(Figure.RESPONSIBILITY).value()).isEqualTo(1.0);
        // The extra COMPUTER_VISION label is a false negative of the classifier, on one posting.
        assertThat(report.errors().tagErrors()).filteredOn(e -> e.contains("-COMPUTER_VISION")).hasSize(1);
        assertThat(count(all, Count.DOMAIN_TP)).isGreaterThanOrEqualTo(2);
        assertThat(report.errors().mlErrors()).anyMatch(e -> e.startsWith("FN fixture:bi-analyst"));
        assertThat(report.render()).contains("mlRole F1", "FN fixture:bi-analyst", "-COMPUTER_VISION",
                "(1 without a posting among the postings given)");
    }

    @Test
    void figuresAreUndefinedWhenThereIsNothingToCount() {
        int[] onlyNegatives = new int[Count.SIZE];
        onlyNegatives[Count.ML_TN.ordinal()] = 5;
        assertThat(Figure.ML_PRECISION.of(onlyNegatives)).isNaN();
        assertThat(Figure.ML_RECALL.of(onlyNegatives)).isNaN();
        int[] allWrong = new int[Count.SIZE];
        allWrong[Count.ML_FP.ordinal()] = 3;
        allWrong[Count.ML_FN.ordinal()] = 2;
        assertThat(Figure.ML_F1.of(allWrong)).isZero();
    }

    private static int count(MeasurementReport.Part part, Count c) {
        return part.counts()[c.ordinal()];
    }
}
