package io.roleradar.classifier.eval;

import io.roleradar.model.Round;

import java.util.Set;

/**
 * One hand label of a posting's hiring process (issue 19, TAXONOMY.md section 7): does the posting
 * describe its own hiring process, and which rounds do its steps state.
 *
 * @param steps the steps as the labeller read them, free text (not scored)
 */
public record ProcessLabel(String id, boolean describesProcess, Set<Round> statedRounds, String steps, String notes) {
    public ProcessLabel {
        statedRounds = statedRounds == null ? Set.of() : Set.copyOf(statedRounds);
    }
}
