package io.roleradar.classifier.taxonomy;

import java.util.List;

/**
 * A taxonomy file that cannot be used, with every problem found (not just the first), each
 * naming the place in the file and what to write instead.
 */
public final class TaxonomyException extends RuntimeException {
    private final List<String> problems;

    public TaxonomyException(String origin, List<String> problems) {
        super("taxonomy " + origin + " is not valid:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
