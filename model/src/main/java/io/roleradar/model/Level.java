package io.roleradar.model;

/** Seniority of the role (TAXONOMY.md section 5); {@link #UNKNOWN} when the posting gives no signal. */
public enum Level {
    JUNIOR,
    MID,
    SENIOR,
    STAFF_PLUS,
    UNKNOWN
}
