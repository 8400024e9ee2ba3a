package io.roleradar.reporter.aggregate;

import io.roleradar.model.Round;
import io.roleradar.model.RoundTag;

import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * The weight (0..1) the classifier gave each interview round of one posting; 0 for a round it did
 * not tag (every round of a non-ML posting). Weights are kept as floats, enough for weights given
 * in hundredths, at half a double's memory. Immutable.
 */
public final class RoundWeights {
    private static final Round[] ROUNDS = Round.values();
    /** No weight for any round: what a non-ML posting has. */
    public static final RoundWeights NONE = new RoundWeights(new float[ROUNDS.length]);

    /** Indexed by {@link Round#ordinal()}, one slot for each round there is. */
    private final float[] byRound;

    private RoundWeights(float[] byRound) {
        this.byRound = byRound;
    }

    /** The weights of the tagged rounds; a round tagged twice keeps its last weight, as the codec reads it. */
    public static RoundWeights of(List<RoundTag> rounds) {
        if (rounds.isEmpty()) {
            return NONE;
        }
        float[] weights = new float[ROUNDS.length];
        for (RoundTag r : rounds) {
            weights[r.round().ordinal()] = (float) r.weight();
        }
        return new RoundWeights(weights);
    }

    /** The weights by round ordinal, as the facts store keeps them; {@link #NONE} when all are 0. */
    static RoundWeights ofWeights(float[] weights) {
        for (float w : weights) {
            if (w != 0) {
                return new RoundWeights(weights.clone());
            }
        }
        return NONE;
    }

    /** The round's weight as stored (a float). */
    float floatWeight(int ordinal) {
        return byRound[ordinal];
    }

    /** The round's weight, 0 when the posting has none. */
    public double weight(Round round) {
        return byRound[round.ordinal()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoundWeights other && Arrays.equals(byRound, other.byRound);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(byRound);
    }

    @Override
    public String toString() {
        StringJoiner s = new StringJoiner(", ", "{", "}");
        for (Round r : ROUNDS) {
            s.add(r + "=" + byRound[r.ordinal()]);
        }
        return s.toString();
    }
}
