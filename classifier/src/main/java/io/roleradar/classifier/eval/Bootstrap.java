package io.roleradar.classifier.eval;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * 95% confidence intervals of every {@link Figure} by the percentile bootstrap over postings: draw
 * as many postings as there are, with replacement, sum their counts, compute each figure; repeat
 * {@code resamples} times; the interval runs from the 2.5th to the 97.5th percentile. Resampling
 * postings (not predictions) keeps a posting's counts together, so a figure over pairs such as
 * domains or stated rounds gets the spread of the postings it comes from.
 *
 * <p>Each {@link Figure.Group} is resampled over the postings labelled for it only (a posting with a
 * tag label for the tags, one with a process label for the hiring process), each with its own draws:
 * postings without a label of the group add nothing to its figures, but drawing them would change
 * which postings the others get, so the tags' intervals would move with whether process labels were
 * given at all.
 *
 * <p>Deterministic: {@link Random} with a fixed seed gives the same draws on every JVM, so the same
 * postings in the same order always give the same intervals.
 */
public final class Bootstrap {
    public static final long DEFAULT_SEED = 2026;
    public static final int DEFAULT_RESAMPLES = 1000;
    private static final double ALPHA = 0.05;

    private final long seed;
    private final int resamples;

    public Bootstrap(long seed, int resamples) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
        this.seed = seed;
        this.resamples = resamples;
    }

    public long seed() {
        return seed;
    }

    public int resamples() {
        return resamples;
    }

    /** A figure's point estimate and its interval; all NaN when there is nothing to count. */
    public record Interval(double value, double low, double high, int n) {
        public boolean defined() {
            return !Double.isNaN(value);
        }
    }

    /** The point estimate and interval of every figure over these postings' counts. */
    Map<Figure, Interval> intervals(List<int[]> rows) {
        int[] total = sum(rows);
        Map<Figure, Interval> out = new EnumMap<>(Figure.class);
        for (Figure.Group group : Figure.Group.values()) {
            Count labelled = group == Figure.Group.TAGS ? Count.TAG_LABELS : Count.PROCESS_LABELS;
            List<int[]> drawn = rows.stream().filter(row -> row[labelled.ordinal()] > 0).toList();
            List<Figure> figures = Arrays.stream(Figure.values()).filter(f -> f.group() == group).toList();
            double[][] samples = resample(drawn, figures);
            for (int i = 0; i < figures.size(); i++) {
                Figure f = figures.get(i);
                double value = f.of(total);
                double[] defined = Arrays.stream(samples[i]).filter(v -> !Double.isNaN(v)).sorted().toArray();
                if (Double.isNaN(value) || defined.length == 0) {
                    out.put(f, new Interval(value, Double.NaN, Double.NaN, f.n(total)));
                } else {
                    out.put(f, new Interval(value, percentile(defined, ALPHA / 2), percentile(defined, 1 - ALPHA / 2),
                            f.n(total)));
                }
            }
        }
        return out;
    }

    /** Each figure's value in each resample of {@code rows}: {@code [figure][resample]}, none when no rows. */
    private double[][] resample(List<int[]> rows, List<Figure> figures) {
        int n = rows.size();
        double[][] samples = new double[figures.size()][n == 0 ? 0 : resamples];
        Random random = new Random(seed);
        int[] sums = new int[Count.SIZE];
        for (int r = 0; r < samples[0].length; r++) {
            Arrays.fill(sums, 0);
            for (int i = 0; i < n; i++) {
                int[] row = rows.get(random.nextInt(n));
                for (int c = 0; c < Count.SIZE; c++) {
                    sums[c] += row[c];
                }
            }
            for (int f = 0; f < figures.size(); f++) {
                samples[f][r] = figures.get(f).of(sums);
            }
        }
        return samples;
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    static int[] sum(List<int[]> rows) {
        int[] total = new int[Count.SIZE];
        for (int[] row : rows) {
            for (int c = 0; c < Count.SIZE; c++) {
                total[c] += row[c];
            }
        }
        return total;
    }
}
