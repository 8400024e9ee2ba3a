package io.roleradar.model;

import java.util.List;
import java.util.Objects;

/**
 * How much one interview round matters for this role: a weight in [0, 1], the reasons that set it
 * (in words a candidate reads) and the posting text behind those reasons.
 */
public record RoundTag(Round round, double weight, List<String> reasons, List<Evidence> evidence) {
    public RoundTag {
        Objects.requireNonNull(round, "round");
        Checks.requireUnit(weight, "weight");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
