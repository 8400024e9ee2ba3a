package io.roleradar.model;

import java.util.List;
import java.util.Objects;

/** One field the role's work sits in, how strongly (score in [0, 1]) and the evidence for it. */
public record DomainTag(Domain domain, double score, List<Evidence> evidence) {
    public DomainTag {
        Objects.requireNonNull(domain, "domain");
        Checks.requireUnit(score, "score");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
