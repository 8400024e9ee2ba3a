package io.roleradar.classifier.eval;

/**
 * What one posting adds to the counts behind every figure of an evaluation: a posting's counts are
 * one {@code int[]} indexed by {@link #ordinal()}, so a part's figures, and each bootstrap
 * resample's, are sums of such rows.
 */
enum Count {
    /** Postings with a tag label (mlRole and the rest). */
    TAG_LABELS,
    ML_TP, ML_FP, ML_FN, ML_TN,
    /** Responsibility, specialization, quadrant and domains are scored where both call an ML role. */
    RESPONSIBILITY_OK, RESPONSIBILITY_N,
    SPECIALIZATION_OK, SPECIALIZATION_N,
    QUADRANT_OK, QUADRANT_N,
    /** Level and manager are scored on every posting whose label has one (TAXONOMY.md section 7). */
    LEVEL_OK, LEVEL_N,
    MANAGER_OK, MANAGER_N,
    DOMAIN_TP, DOMAIN_FP, DOMAIN_FN,
    /** Postings with a process label (does it describe its hiring process, which rounds it states). */
    PROCESS_LABELS,
    PROCESS_TP, PROCESS_FP, PROCESS_FN, PROCESS_TN,
    /** (posting, round) pairs of stated rounds. */
    ROUND_TP, ROUND_FP, ROUND_FN,
    /** Postings that describe no process per their label, and of those, how many get a stated round. */
    NO_PROCESS, NO_PROCESS_STATED;

    static final int SIZE = values().length;
}
