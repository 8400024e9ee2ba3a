package io.roleradar.classifier.taxonomy;

import io.roleradar.model.Domain;
import io.roleradar.model.Level;

import java.util.List;

/**
 * One rule of the taxonomy: phrases that, when found in its scope, add {@code weight} to a signal.
 * At most {@code cap} matches of a rule count for one posting, so a long posting that repeats a
 * phrase does not outweigh a short one that states it once.
 *
 * @param domain set for {@link Signal#DOMAIN} rules only
 * @param level  set for {@link Signal#LEVEL} rules only
 */
public record Rule(String id, Signal signal, Scope scope, double weight, int cap, List<String> phrases,
                   Domain domain, Level level) {
    public Rule {
        phrases = List.copyOf(phrases);
    }
}
