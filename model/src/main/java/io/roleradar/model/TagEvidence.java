package io.roleradar.model;

import java.util.List;

/**
 * The evidence behind each single-valued tag. Domains and rounds carry their own evidence.
 * A list is empty where a tag fell back to its default (e.g. {@code level} UNKNOWN).
 */
public record TagEvidence(
        List<Evidence> mlRole,
        List<Evidence> responsibility,
        List<Evidence> specialization,
        List<Evidence> level,
        List<Evidence> manager) {

    public static final TagEvidence NONE = new TagEvidence(List.of(), List.of(), List.of(), List.of(), List.of());

    public TagEvidence {
        mlRole = copy(mlRole);
        responsibility = copy(responsibility);
        specialization = copy(specialization);
        level = copy(level);
        manager = copy(manager);
    }

    private static List<Evidence> copy(List<Evidence> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
