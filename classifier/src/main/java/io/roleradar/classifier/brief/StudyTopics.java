package io.roleradar.classifier.brief;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleradar.model.RawPosting;
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
import java.util.regex.Pattern;

/**
 * What to study for each interview round, as data ({@value #RESOURCE}): topics per round for every
 * ML role, for infrastructure roles, per domain, and per tool a posting names (PyTorch, LoRA,
 * Spark, ...). A posting's list is its tools' topics first (a few: they are the most specific, but
 * must not crowd out the domain), then its domains', then the infrastructure ones for an INFRA
 * role, then the general ones. Immutable once loaded.
 */
public final class StudyTopics {
    public static final String RESOURCE = "/brief/study-topics.json";
    /** At most this many tool topics in one round's list. */
    private static final int TOOL_TOPICS_PER_ROUND = 2;
    private final JsonNode root;
    private final List<Tool> tools;

    private StudyTopics(JsonNode root) {
        this.root = root;
        List<Tool> all = new ArrayList<>();
        for (JsonNode t : root.path("tools")) {
            all.add(Tool.of(t));
        }
        this.tools = List.copyOf(all);
    }

    /** A tool the study list knows, the words that name it, and its topics by round. */
    private record Tool(String name, Pattern pattern, JsonNode topics) {
        static Tool of(JsonNode node) {
            List<String> words = new ArrayList<>();
            node.path("match").forEach(w -> words.add(Pattern.quote(w.asText())));
            int flags = node.path("caseSensitive").asBoolean(false) ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
            Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}-])(?:" + String.join("|", words) + ")(?![\\p{L}\\p{N}])", flags);
            return new Tool(node.path("name").asText(), p, node);
        }

        boolean namedIn(RawPosting posting) {
            return pattern.matcher(posting.title()).find() || pattern.matcher(posting.description()).find();
        }
    }

    /** The tools the posting names, in the order of the study list. */
    public List<String> toolsNamedIn(RawPosting posting) {
        return tools.stream().filter(t -> t.namedIn(posting)).map(Tool::name).toList();
    }

    /**
     * The topics to study for one round of one tagged posting: the tools it names first (at most
     * {@value #TOOL_TOPICS_PER_ROUND}), then the domain, infrastructure and general ones, at most
     * {@code max} in all.
     */
    public List<String> forRound(RawPosting posting, Tags tags, Round round, int max) {
        Set<String> topics = new LinkedHashSet<>();
        for (Tool tool : tools) {
            if (topics.size() >= TOOL_TOPICS_PER_ROUND) {
                break;
            }
            if (tool.topics().has(round.name()) && tool.namedIn(posting)) {
                for (JsonNode t : tool.topics().path(round.name())) {
                    if (topics.size() < TOOL_TOPICS_PER_ROUND) {
                        topics.add(t.asText());
                    }
                }
            }
        }
        topics.addAll(forRound(tags, round, max));
        List<String> out = new ArrayList<>(topics);
        return out.subList(0, Math.min(max, out.size()));
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

    private static void add(Set<String> topics, JsonNode list) {
        for (JsonNode t : list) {
            topics.add(t.asText());
        }
    }
}
