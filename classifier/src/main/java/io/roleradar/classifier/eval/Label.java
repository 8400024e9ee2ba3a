package io.roleradar.classifier.eval;

import io.roleradar.model.Domain;
import io.roleradar.model.Level;
import io.roleradar.model.Responsibility;
import io.roleradar.model.Specialization;

import java.util.Set;

/**
 * One hand label of one posting, by TAXONOMY.md: the tags a careful person gave it. The ML-only
 * fields are null when {@code mlRole} is false; {@code level} and {@code manager} are null where
 * the label does not give them (non-ML roles in files written before TAXONOMY.md section 7).
 */
public record Label(String id, String company, String title, boolean mlRole, Responsibility responsibility,
                    Specialization specialization, Set<Domain> domains, Level level, Boolean manager, String notes) {
    public Label {
        domains = domains == null ? Set.of() : Set.copyOf(domains);
    }
}
