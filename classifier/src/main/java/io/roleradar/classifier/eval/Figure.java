package io.roleradar.classifier.eval;

import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * Every figure an evaluation reports, each computed from summed {@link Count}s, so the same
 * definition serves the point estimate, every bootstrap resample and every source. A figure with
 * nothing to count (no predicted positives for a precision, no labelled ML roles for an accuracy)
 * is NaN, printed as "-", rather than a made-up 0 or 1.
 */
public enum Figure {
    ML_F1("mlRole.f1", "mlRole F1", Group.TAGS, c -> f1(c, Count.ML_TP, Count.ML_FP, Count.ML_FN), c -> at(c, Count.TAG_LABELS)),
    ML_PRECISION("mlRole.precision", "  precision", Group.TAGS, c -> ratio(at(c, Count.ML_TP), at(c, Count.ML_TP) + at(c, Count.ML_FP)),
            c -> at(c, Count.ML_TP) + at(c, Count.ML_FP)),
    ML_RECALL("mlRole.recall", "  recall", Group.TAGS, c -> ratio(at(c, Count.ML_TP), at(c, Count.ML_TP) + at(c, Count.ML_FN)),
            c -> at(c, Count.ML_TP) + at(c, Count.ML_FN)),
    RESPONSIBILITY("responsibility.accuracy", "responsibility", Group.TAGS,
            c -> ratio(at(c, Count.RESPONSIBILITY_OK), at(c, Count.RESPONSIBILITY_N)), c -> at(c, Count.RESPONSIBILITY_N)),
    SPECIALIZATION("specialization.accuracy", "specialization", Group.TAGS,
            c -> ratio(at(c, Count.SPECIALIZATION_OK), at(c, Count.SPECIALIZATION_N)), c -> at(c, Count.SPECIALIZATION_N)),
    QUADRANT("quadrant.accuracy", "quadrant", Group.TAGS,
            c -> ratio(at(c, Count.QUADRANT_OK), at(c, Count.QUADRANT_N)), c -> at(c, Count.QUADRANT_N)),
    LEVEL("level.accuracy", "level", Group.TAGS, c -> ratio(at(c, Count.LEVEL_OK), at(c, Count.LEVEL_N)), c -> at(c, Count.LEVEL_N)),
    MANAGER("manager.accuracy", "manager", Group.TAGS,
            c -> ratio(at(c, Count.MANAGER_OK), at(c, Count.MANAGER_N)), c -> at(c, Count.MANAGER_N)),
    DOMAINS_F1("domains.microF1", "domains micro-F1", Group.TAGS,
            c -> f1(c, Count.DOMAIN_TP, Count.DOMAIN_FP, Count.DOMAIN_FN), c -> at(c, Count.RESPONSIBILITY_N)),
    PROCESS_PRECISION("process.describes.precision", "describes process P", Group.PROCESS,
            c -> ratio(at(c, Count.PROCESS_TP), at(c, Count.PROCESS_TP) + at(c, Count.PROCESS_FP)),
            c -> at(c, Count.PROCESS_TP) + at(c, Count.PROCESS_FP)),
    PROCESS_RECALL("process.describes.recall", "describes process R", Group.PROCESS,
            c -> ratio(at(c, Count.PROCESS_TP), at(c, Count.PROCESS_TP) + at(c, Count.PROCESS_FN)),
            c -> at(c, Count.PROCESS_TP) + at(c, Count.PROCESS_FN)),
    PROCESS_F1("process.describes.f1", "describes process F1", Group.PROCESS,
            c -> f1(c, Count.PROCESS_TP, Count.PROCESS_FP, Count.PROCESS_FN), c -> at(c, Count.PROCESS_LABELS)),
    ROUNDS_PRECISION("process.statedRounds.precision", "stated rounds P", Group.PROCESS,
            c -> ratio(at(c, Count.ROUND_TP), at(c, Count.ROUND_TP) + at(c, Count.ROUND_FP)),
            c -> at(c, Count.ROUND_TP) + at(c, Count.ROUND_FP)),
    ROUNDS_RECALL("process.statedRounds.recall", "stated rounds R", Group.PROCESS,
            c -> ratio(at(c, Count.ROUND_TP), at(c, Count.ROUND_TP) + at(c, Count.ROUND_FN)),
            c -> at(c, Count.ROUND_TP) + at(c, Count.ROUND_FN)),
    ROUNDS_F1("process.statedRounds.f1", "stated rounds F1", Group.PROCESS,
            c -> f1(c, Count.ROUND_TP, Count.ROUND_FP, Count.ROUND_FN), c -> at(c, Count.PROCESS_LABELS));

    /** Which labels a figure needs: tag labels or process labels. */
    public enum Group { TAGS, PROCESS }

    private final String key;
    private final String label;
    private final Group group;
    private final ToDoubleFunction<int[]> value;
    private final ToIntFunction<int[]> n;

    Figure(String key, String label, Group group, ToDoubleFunction<int[]> value, ToIntFunction<int[]> n) {
        this.key = key;
        this.label = label;
        this.group = group;
        this.value = value;
        this.n = n;
    }

    /** The figure's name in {@code --json} output, e.g. {@code mlRole.f1}. */
    public String key() {
        return key;
    }

    /** The figure's name in the text report. */
    public String label() {
        return label;
    }

    public Group group() {
        return group;
    }

    /** The figure over summed counts; NaN when there is nothing to count. */
    double of(int[] counts) {
        return value.applyAsDouble(counts);
    }

    /** How many postings (or predictions) the figure is a share of. */
    int n(int[] counts) {
        return n.applyAsInt(counts);
    }

    private static int at(int[] c, Count count) {
        return c[count.ordinal()];
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? Double.NaN : numerator / (double) denominator;
    }

    private static double f1(int[] c, Count tp, Count fp, Count fn) {
        int t = at(c, tp);
        int denominator = 2 * t + at(c, fp) + at(c, fn);
        return denominator == 0 ? Double.NaN : 2.0 * t / denominator;
    }
}
