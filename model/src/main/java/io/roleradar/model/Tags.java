package io.roleradar.model;

import java.util.List;
import java.util.Objects;

/**
 * The classifier's answer for one posting, with the names and values of TAXONOMY.md.
 * For a non-ML role ({@code mlRole} false) the ML-only tags (responsibility, specialization,
 * quadrant, domains, rounds) are null or empty; level and manager are tagged on every posting
 * (TAXONOMY.md section 7). Messages written before that rule carry a null level and manager on
 * non-ML roles, and stay readable.
 *
 * @param mlConfidence how sure the classifier is of {@code mlRole}, in [0, 1]
 * @param interviewProcess the hiring process the posting describes, or null when it describes none
 * @param taxonomyVersion the version of the taxonomy resource that produced these tags
 */
public record Tags(
        boolean mlRole,
        double mlConfidence,
        Responsibility responsibility,
        Specialization specialization,
        Quadrant quadrant,
        List<DomainTag> domains,
        Level level,
        Boolean manager,
        List<RoundTag> rounds,
        TagEvidence evidence,
        InterviewProcess interviewProcess,
        String taxonomyVersion) {

    public Tags {
        Checks.requireUnit(mlConfidence, "mlConfidence");
        Objects.requireNonNull(taxonomyVersion, "taxonomyVersion");
        domains = domains == null ? List.of() : List.copyOf(domains);
        rounds = rounds == null ? List.of() : List.copyOf(rounds);
        evidence = evidence == null ? TagEvidence.NONE : evidence;
        if (mlRole) {
            Objects.requireNonNull(responsibility, "responsibility is required for an ML role");
            Objects.requireNonNull(specialization, "specialization is required for an ML role");
            Objects.requireNonNull(level, "level is required for an ML role");
            Objects.requireNonNull(manager, "manager is required for an ML role");
            if (quadrant == null) {
                quadrant = Quadrant.of(responsibility, specialization);
            } else if (quadrant != Quadrant.of(responsibility, specialization)) {
                throw new IllegalArgumentException("quadrant " + quadrant + " does not match "
                        + responsibility + " x " + specialization);
            }
        } else if (responsibility != null || specialization != null || quadrant != null
                || !domains.isEmpty() || !rounds.isEmpty()) {
            throw new IllegalArgumentException("a non-ML role carries no ML-only tags");
        }
    }

    /** Tags for a role that is not an ML role: its level and manager flag, no ML-only tags. */
    public static Tags notMl(double mlConfidence, Level level, Boolean manager, TagEvidence evidence,
                             InterviewProcess interviewProcess, String taxonomyVersion) {
        return new Tags(false, mlConfidence, null, null, null, List.of(), level, manager, List.of(), evidence,
                interviewProcess, taxonomyVersion);
    }
}
