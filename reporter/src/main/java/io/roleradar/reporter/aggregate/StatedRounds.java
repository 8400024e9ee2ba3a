package io.roleradar.reporter.aggregate;

import io.roleradar.model.Round;

import java.util.EnumMap;
import java.util.Map;

/**
 * What the employers of a group of ML postings state about their hiring process, apart from what
 * roleradar infers: how many postings describe their process at all, and of those, how many state
 * each round (a round is stated when a step of the process names it, TAXONOMY.md section 7).
 */
public final class StatedRounds {
    private long postings;
    private long describingProcess;
    private final Map<Round, Long> stating = new EnumMap<>(Round.class);

    StatedRounds() {
        for (Round r : Round.values()) {
            stating.put(r, 0L);
        }
    }

    void add(PostingFacts f) {
        postings++;
        if (f.describesProcess()) {
            describingProcess++;
            f.statedRounds().forEach(r -> stating.merge(r, 1L, Long::sum));
        }
    }

    /** ML postings in the group. */
    public long postings() {
        return postings;
    }

    /** Postings of the group that describe their hiring process. */
    public long describingProcess() {
        return describingProcess;
    }

    /** Postings whose described process states the round. */
    public long stating(Round round) {
        return stating.get(round);
    }

    /** {@link #describingProcess()} / {@link #postings()}; 0 for an empty group. */
    public double processShare() {
        return postings == 0 ? 0.0 : (double) describingProcess / postings;
    }

    /** {@link #stating(Round)} / {@link #describingProcess()}: how often a described process has the round; 0 when none is described. */
    public double statedShare(Round round) {
        return describingProcess == 0 ? 0.0 : (double) stating(round) / describingProcess;
    }
}
