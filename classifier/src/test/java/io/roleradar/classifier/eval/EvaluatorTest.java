package io.roleradar.classifier.eval;

import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.Fixtures;
import io.roleradar.model.Domain;
import io.roleradar.model.RawPosting;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvaluatorTest {

    @Test
    void countsMlRoleErrorsTagAccuracyOverBothMlAndDomainsMicroF1() throws Exception {
        List<Label> labels = Labels.read(Path.of(getClass().getResource("/labels/small.csv").toURI()));
        Map<String, RawPosting> postings = new LinkedHashMap<>();
        Fixtures.all().forEach(p -> postings.put(p.id(), p));

        EvaluationReport report = new Evaluator(Classifier.withDefaultTaxonomy()).evaluate(labels, postings);

        // search-ranking and inference-platform: tp; bi-analyst labelled ML (wrongly): fn; sales: tn.
        assertThat(report.mlRole().tp()).isEqualTo(2);
        assertThat(report.mlRole().fn()).isEqualTo(1);
        assertThat(report.mlRole().fp()).isZero();
        assertThat(report.mlRole().tn()).isEqualTo(1);
        assertThat(report.mlRole().f1()).isCloseTo(0.8, within(1e-9));
        assertThat(report.missing()).containsExactly("fixture:not-in-postings");
        assertThat(report.responsibility().total()).isEqualTo(2);
        assertThat(report.responsibility().value()).isEqualTo(1.0);
        // The extra COMPUTER_VISION label is a false negative of the classifier.
        assertThat(report.domains().perDomain().get(Domain.COMPUTER_VISION).fn()).isEqualTo(1);
        assertThat(report.domains().micro().tp()).isGreaterThanOrEqualTo(2);
        String text = report.render();
        assertThat(text).contains("mlRole", "precision 1.000", "recall 0.667", "F1 0.800", "FN fixture:bi-analyst",
                "-COMPUTER_VISION", "1 missing");
    }

    @Test
    void binaryFiguresAreDefinedWhenThereIsNothingToCount() {
        Evaluator.Binary none = new Evaluator.Binary(0, 0, 0, 5);
        assertThat(none.precision()).isEqualTo(1.0);
        assertThat(none.recall()).isEqualTo(1.0);
        assertThat(new Evaluator.Binary(0, 3, 2, 0).f1()).isZero();
    }
}
