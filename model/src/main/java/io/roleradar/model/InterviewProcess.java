package io.roleradar.model;

import java.util.List;

/**
 * What a posting says about its own hiring process (TAXONOMY.md section 7): the steps it names, in
 * order, each with the round it states. Only words about the process count; the same words as a
 * skill or a duty state nothing. A posting that describes no process has no {@code InterviewProcess}
 * at all ({@code tags.interviewProcess} is null).
 *
 * @param steps the steps found, in the posting's order; never empty
 */
public record InterviewProcess(List<Step> steps) {
    public InterviewProcess {
        steps = steps == null ? List.of() : List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("an interview process has at least one step");
        }
    }

    /** The rounds the process states, in the order of their first step. */
    public List<Round> statedRounds() {
        return steps.stream().map(Step::round).filter(r -> r != null).distinct().toList();
    }

    /**
     * One step of the process.
     *
     * @param text the step as the posting words it
     * @param round the round it states, or null for a step with no ML content (recruiter call, team fit)
     * @param evidence where the step is in the posting
     */
    public record Step(String text, Round round, Evidence evidence) {
        public Step {
            java.util.Objects.requireNonNull(text, "text");
        }
    }
}
