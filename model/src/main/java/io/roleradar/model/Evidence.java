package io.roleradar.model;

import java.util.Objects;

/**
 * The text that set a tag: what matched, in which field, at which character offsets of that field
 * ({@code start} inclusive, {@code end} exclusive), and the taxonomy rule that it matched.
 */
public record Evidence(String text, SourceField field, int start, int end, String rule) {
    public Evidence {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(field, "field");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("evidence offsets must satisfy 0 <= start <= end, got "
                    + start + ".." + end);
        }
    }
}
