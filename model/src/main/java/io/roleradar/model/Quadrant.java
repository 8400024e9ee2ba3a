package io.roleradar.model;

import java.util.Objects;

/** The pair of the two axes, the headline answer for a candidate (TAXONOMY.md section 3). */
public enum Quadrant {
    MODELING_GENERALIST(Responsibility.MODELING, Specialization.GENERALIST),
    MODELING_SPECIALIST(Responsibility.MODELING, Specialization.SPECIALIST),
    INFRA_GENERALIST(Responsibility.INFRA, Specialization.GENERALIST),
    INFRA_SPECIALIST(Responsibility.INFRA, Specialization.SPECIALIST);

    private final Responsibility responsibility;
    private final Specialization specialization;

    Quadrant(Responsibility responsibility, Specialization specialization) {
        this.responsibility = responsibility;
        this.specialization = specialization;
    }

    public Responsibility responsibility() {
        return responsibility;
    }

    public Specialization specialization() {
        return specialization;
    }

    /** The quadrant of the two axes; both must be given. */
    public static Quadrant of(Responsibility responsibility, Specialization specialization) {
        Objects.requireNonNull(responsibility, "responsibility");
        Objects.requireNonNull(specialization, "specialization");
        for (Quadrant q : values()) {
            if (q.responsibility == responsibility && q.specialization == specialization) {
                return q;
            }
        }
        throw new AssertionError("every pair has a quadrant");
    }
}
