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
            score(c, label.level(), tags.level(), Count.LEVEL_OK, Count.LEVEL_N);
        }
        if (label.manager() != null && tags.manager() != null) {
            score(c, label.manager(), tags.manager(), Count.MANAGER_OK, Count.MANAGER_N);
        }
        if (!(gold && predicted)) {
            return;
        }
        score(c, label.responsibility(), tags.responsibility(), Count.RESPONSIBILITY_OK, Count.RESPONSIBILITY_N);
        score(c, label.specialization(), tags.specialization(), Count.SPECIALIZATION_OK, Count.SPECIALIZATION_N);
        Quadrant gq = Quadrant.of(label.responsibility(), label.specialization());
        score(c, gq, tags.quadrant(), Count.QUADRANT_OK, Count.QUADRANT_N);
        overlap(c, label.domains(), domains(tags), Count.DOMAIN_TP, Count.DOMAIN_FP, Count.DOMAIN_FN);
    }

    /** The domains the tags give, without their scores. */
    static Set<Domain> domains(Tags tags) {
        Set<Domain> out = EnumSet.noneOf(Domain.class);
        tags.domains().forEach(d -> out.add(d.domain()));
        return out;
    }

    private static void processCounts(int[] c, ProcessLabel label, InterviewProcess process) {
        inc(c, Count.PROCESS_LABELS);
        boolean gold = label.describesProcess();
        boolean predicted = process != null;
        inc(c, gold && predicted ? Count.PROCESS_TP : predicted ? Count.PROCESS_FP
                : gold ? Count.PROCESS_FN : Count.PROCESS_TN);
        Set<Round> stated = predicted && !process.statedRounds().isEmpty()
                ? EnumSet.copyOf(process.statedRounds()) : EnumSet.noneOf(Round.class);
        overlap(c, label.statedRounds(), stated, Count.ROUND_TP, Count.ROUND_FP, Count.ROUND_FN);
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

    /**
     * A micro-averaged count of two sets of tags: each value in both a true positive, in the
     * prediction only a false positive, in the label only a false negative.
     */
    private static <E> void overlap(int[] c, Set<E> gold, Set<E> predicted, Count tp, Count fp, Count fn) {
        for (E value : predicted) {
            inc(c, gold.contains(value) ? tp : fp);
        }
        for (E value : gold) {
            if (!predicted.contains(value)) {
                inc(c, fn);
            }
        }
    }

    private static void inc(int[] c, Count count) {
        c[count.ordinal()]++;
    }
}
