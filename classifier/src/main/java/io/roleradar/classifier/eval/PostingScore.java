package io.roleradar.classifier.eval;

import io.roleradar.model.Domain;
import io.roleradar.model.InterviewProcess;
import io.roleradar.model.Quadrant;
import io.roleradar.model.Round;
import io.roleradar.model.Tags;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The counts one posting adds to every figure ({@link Count}), from its labels and its tags:
 * mlRole on every tag-labelled posting; responsibility, specialization, quadrant and domains where
 * the label and the tags both call an ML role (so an mlRole miss is not counted twice); level and
 * manager wherever the label has one; the hiring process wherever a process label exists.
 */
final class PostingScore {
    private PostingScore() {
    }

    /** The counts of one posting; either label may be null. */
    static int[] of(Label label, ProcessLabel process, Tags tags) {
        int[] c = new int[Count.SIZE];
        if (label != null) {
            tagCounts(c, label, tags);
        }
        if (process != null) {
            processCounts(c, process, tags.interviewProcess());
        }
        return c;
    }

    private static void tagCounts(int[] c, Label label, Tags tags) {
        inc(c, Count.TAG_LABELS);
        boolean gold = label.mlRole();
        boolean predicted = tags.mlRole();
        inc(c, gold && predicted ? Count.ML_TP : predicted ? Count.ML_FP : gold ? Count.ML_FN : Count.ML_TN);
        if (label.level() != null) {
            inc(c, Count.LEVEL_N);
            if (label.level() == tags.level()) {
                inc(c, Count.LEVEL_OK);
            }
        }
        if (label.manager() != null && tags.manager() != null) {
            inc(c, Count.MANAGER_N);
            if (label.manager().equals(tags.manager())) {
                inc(c, Count.MANAGER_OK);
            }
        }
        if (!(gold && predicted)) {
            return;
        }
        score(c, label.responsibility(), tags.responsibility(), Count.RESPONSIBILITY_OK, Count.RESPONSIBILITY_N);
        score(c, label.specialization(), tags.specialization(), Count.SPECIALIZATION_OK, Count.SPECIALIZATION_N);
        Quadrant gq = Quadrant.of(label.responsibility(), label.specialization());
        score(c, gq, tags.quadrant(), Count.QUADRANT_OK, Count.QUADRANT_N);
        Set<Domain> got = Evaluator.predictedDomains(tags);
        for (Domain d : Domain.values()) {
            boolean g = label.domains().contains(d);
            boolean p = got.contains(d);
            if (g && p) {
                inc(c, Count.DOMAIN_TP);
            } else if (p) {
                inc(c, Count.DOMAIN_FP);
            } else if (g) {
                inc(c, Count.DOMAIN_FN);
            }
        }
    }

    private static void processCounts(int[] c, ProcessLabel label, InterviewProcess process) {
        inc(c, Count.PROCESS_LABELS);
        boolean gold = label.describesProcess();
        boolean predicted = process != null;
        inc(c, gold && predicted ? Count.PROCESS_TP : predicted ? Count.PROCESS_FP
                : gold ? Count.PROCESS_FN : Count.PROCESS_TN);
        Set<Round> stated = predicted && !process.statedRounds().isEmpty()
                ? EnumSet.copyOf(process.statedRounds()) : EnumSet.noneOf(Round.class);
        for (Round r : Round.values()) {
            boolean g = label.statedRounds().contains(r);
            boolean p = stated.contains(r);
            if (g && p) {
                inc(c, Count.ROUND_TP);
            } else if (p) {
                inc(c, Count.ROUND_FP);
            } else if (g) {
                inc(c, Count.ROUND_FN);
            }
        }
        if (!gold) {
            inc(c, Count.NO_PROCESS);
            if (!stated.isEmpty()) {
                inc(c, Count.NO_PROCESS_STATED);
            }
        }
    }

    private static void score(int[] c, Object gold, Object predicted, Count ok, Count n) {
        inc(c, n);
        if (Objects.equals(gold, predicted)) {
            inc(c, ok);
        }
    }

    private static void inc(int[] c, Count count) {
        c[count.ordinal()]++;
    }
}
