package io.roleradar.classifier.brief;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleradar.model.Domain;
import io.roleradar.model.Responsibility;
import io.roleradar.model.Round;
import io.roleradar.model.Tags;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What to study for each interview round, as data ({@value #RESOURCE}): topics per round for every
 * ML role, for infrastructure roles, and per domain. A posting's list is its domains' topics first,
 * then the infrastructure ones for an INFRA role, then the general ones. Immutable once loaded.
 */
public final class StudyTopics {
    public static final String RESOURCE = "/brief/study-topics.json";
    private final JsonNode root;

    private StudyTopics(JsonNode root) {
        this.root = root;
    }

    public static StudyTopics load() {
        try (InputStream in = StudyTopics.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the study topics " + RESOURCE + " are missing from the classpath");
            }
            return new StudyTopics(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The topics to study for one round of one tagged posting, most specific first, at most {@code max}. */
    public List<String> forRound(Tags tags, Round round, int max) {
        Set<String> topics = new LinkedHashSet<>();
        for (var domain : tags.domains()) {
            add(topics, root.path("byDomain").path(domain.domain().name()).path(round.name()));
        }
        if (tags.responsibility() == Responsibility.INFRA) {
            add(topics, root.path("infra").path(round.name()));
        }
        add(topics, root.path("general").path(round.name()));
        List<String> out = new ArrayList<>(topics);
        return out.subList(0, Math.min(max, out.size()));
    }

    /** True when the resource has topics for every round of every domain, so no brief comes out empty. */
    public boolean coversEveryDomainAndRound() {
        for (Domain d : Domain.values()) {
            for (Round r : Round.values()) {
                if (root.path("byDomain").path(d.name()).path(r.name()).isEmpty()) {
                    return false;
                }
            }
        }
        for (Round r : Round.values()) {
            if (root.path("general").path(r.name()).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static void add(Set<String> topics, JsonNode list) {
        for (JsonNode t : list) {
            topics.add(t.asText());
        }
    }
}
