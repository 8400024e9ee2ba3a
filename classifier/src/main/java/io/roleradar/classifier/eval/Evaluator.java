package io.roleradar.classifier.eval;

import io.roleradar.classifier.Classifier;
import io.roleradar.model.Domain;
import io.roleradar.model.DomainTag;
import io.roleradar.model.RawPosting;
import io.roleradar.model.Tags;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Measures a classifier against hand labels: precision, recall and F1 of {@code mlRole}; accuracy
 * of level and manager over every posting whose label gives them; accuracy of responsibility and
 * specialization over the postings both the labels and the classifier call ML roles (so an mlRole
 * miss is not counted twice); micro-F1 of domains over the same postings, and per domain; and the
 * main confusions, so a user can see what to fix. {@link Measurement} adds the split, confidence
 * intervals, the baseline and the hiring process.
 */
public final class Evaluator {
    private final Classifier classifier;

    public Evaluator(Classifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    /**
     * Classifies each labelled posting found in {@code postings} (by id) and compares.
     * Labels whose posting is absent are counted as missing, not guessed.
     */
    public EvaluationReport evaluate(List<Label> labels, Map<String, RawPosting> postings) {
        EvaluationReport.Builder report = new EvaluationReport.Builder(classifier.taxonomyVersion());
        for (Label label : labels) {
            RawPosting posting = postings.get(label.id());
            if (posting == null) {
                report.missing(label.id());
                continue;
            }
            report.add(label, posting, classifier.classify(posting));
        }
        return report.build();
    }

    /** Counts of a binary decision. */
    public record Binary(int tp, int fp, int fn, int tn) {
        public double precision() {
            return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1.0 : tp / (double) (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
        }
    }

    /** Accuracy of a single-valued tag, with its confusions (gold -> predicted -> count). */
    public record Accuracy(int correct, int total, Map<String, Integer> confusions) {
        public double value() {
            return total == 0 ? 1.0 : correct / (double) total;
        }
    }

    /** Per-domain and micro-averaged counts. */
    public record DomainScores(Map<Domain, Binary> perDomain, Binary micro) {
    }

    static Set<Domain> predictedDomains(Tags tags) {
        Set<Domain> out = EnumSet.noneOf(Domain.class);
        for (DomainTag d : tags.domains()) {
            out.add(d.domain());
        }
        return out;
    }
}
