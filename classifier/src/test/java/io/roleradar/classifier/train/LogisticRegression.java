package io.roleradar.classifier.train;

import java.util.Arrays;
import java.util.List;

/**
 * L2-regularised logistic regression over sparse, weighted rows, fitted by full-batch gradient
 * descent with Adam steps from zero weights: no randomness, so the same rows always give the same
 * weights. Minimises {@code sum of weighted log losses + |w|^2 / (2 C)}, as scikit-learn's
 * {@code C} does; the bias is not regularised. (On the rule features alone it gives the weights of
 * an exact Newton solve to the third decimal; Newton does not scale to the phrase features.)
 */
final class LogisticRegression {
    private static final int ITERATIONS = 800;
    private static final double STEP = 0.05;

    private LogisticRegression() {
    }

    /** One training example: the indices and values of its non-zero features, its label and how much it counts. */
    record Row(int[] index, double[] value, boolean yes, double weight) {
    }

    /** The fitted weights; {@code weights[dims]} is the bias. */
    static double[] fit(List<Row> rows, int dims, double c) {
        double[] w = new double[dims + 1];
        double[] m = new double[dims + 1];
        double[] v = new double[dims + 1];
        double[] g = new double[dims + 1];
        double total = 0;
        for (Row row : rows) {
            total += row.weight();
        }
        // The objective divided by the total weight, so one step size suits any number of rows.
        double lambda = 1.0 / (c * total);
        for (int it = 1; it <= ITERATIONS; it++) {
            Arrays.fill(g, 0);
            for (Row row : rows) {
                double err = (probability(w, row) - (row.yes() ? 1 : 0)) * row.weight() / total;
                for (int k = 0; k < row.index().length; k++) {
                    g[row.index()[k]] += err * row.value()[k];
                }
                g[dims] += err;
            }
            for (int j = 0; j < dims; j++) {
                g[j] += lambda * w[j];
            }
            double b1 = 1 - Math.pow(0.9, it);
            double b2 = 1 - Math.pow(0.999, it);
            for (int j = 0; j <= dims; j++) {
                m[j] = 0.9 * m[j] + 0.1 * g[j];
                v[j] = 0.999 * v[j] + 0.001 * g[j] * g[j];
                w[j] -= STEP * (m[j] / b1) / (Math.sqrt(v[j] / b2) + 1e-8);
            }
        }
        return w;
    }

    static double probability(double[] w, Row row) {
        double z = w[w.length - 1];
        for (int k = 0; k < row.index().length; k++) {
            z += w[row.index()[k]] * row.value()[k];
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
