package io.roleradar.classifier.brief;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roleradar.model.DomainTag;
import io.roleradar.model.Evidence;
import io.roleradar.model.InterviewProcess;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.model.Round;
import io.roleradar.model.RoundTag;
import io.roleradar.model.Tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A brief for a person preparing for one posting's interviews: the quadrant, domains and level;
 * first what the posting itself says about its hiring process, when it says anything, then the
 * interview rounds in priority order with the posting text behind each, and what to study for each
 * round given the domains. {@link #text} for people, {@link #json} for tools. Thread-safe.
 */
public final class BriefRenderer {
    private static final int TOPICS_PER_ROUND = 5;
    /** A step longer than this is cut in the one-line summary of the process (the JSON keeps it whole). */
    private static final int STEP_CHARS = 60;
    private final StudyTopics topics = StudyTopics.load();

    /** The brief as plain text, one section per round. */
    public String text(RawPosting posting, Tags tags) {
        StringBuilder out = new StringBuilder();
        out.append(posting.title().strip());
        if (posting.company() != null && !posting.company().isBlank()) {
            out.append(" - ").append(posting.company().strip());
        }
        out.append('\n').append("id: ").append(posting.id()).append('\n');
        if (!tags.mlRole()) {
            out.append(String.format(Locale.ROOT, "%nNot an ML role (confidence %.2f) by docs/TAGS.md.%n", tags.mlConfidence()));
            if (tags.evidence().mlRole().isEmpty()) {
                out.append("  evidence: neither the title (\"").append(posting.title().strip())
                        .append("\") nor the description names machine-learning work\n");
            } else {
                appendEvidence(out, posting, "  evidence: ", tags.evidence().mlRole());
            }
            appendProcess(out, tags.interviewProcess());
            out.append("No ML interview rounds to prepare for.\n");
            return out.toString();
        }
        out.append(String.format(Locale.ROOT, "%nML role (confidence %.2f)%n", tags.mlConfidence()));
        out.append("Quadrant: ").append(tags.quadrant()).append('\n');
        appendEvidence(out, posting, "  responsibility " + tags.responsibility() + ": ", tags.evidence().responsibility());
        appendEvidence(out, posting, "  specialization " + tags.specialization() + ": ", tags.evidence().specialization());
        out.append("Level: ").append(tags.level()).append(Boolean.TRUE.equals(tags.manager()) ? ", manages people" : "")
                .append('\n');
        appendEvidence(out, posting, "  ", tags.evidence().level());
        out.append("Domains: ");
        out.append(tags.domains().isEmpty() ? "none in particular"
                : tags.domains().stream().map(d -> String.format(Locale.ROOT, "%s (%.2f)", d.domain(), d.score()))
                .collect(Collectors.joining(", ")));
        out.append('\n');
        for (DomainTag d : tags.domains()) {
            appendEvidence(out, posting, "  " + d.domain() + ": ", d.evidence());
        }
        List<String> tools = topics.toolsNamedIn(posting);
        if (!tools.isEmpty()) {
            out.append("Tools it names: ").append(String.join(", ", tools)).append(" (in the study lists below)\n");
        }
        if (tags.interviewProcess() != null) {
            appendProcess(out, tags.interviewProcess());
        } else {
            out.append("\nThe posting does not describe its hiring process: the rounds below are inferred from its tags.\n");
        }
        List<Round> stated = tags.interviewProcess() == null ? List.of() : tags.interviewProcess().statedRounds();
        out.append("\nInterview rounds, in priority order\n");
        int n = 1;
        for (RoundTag round : tags.rounds()) {
            out.append(String.format(Locale.ROOT, "%n%d. %s  (weight %.2f%s)%n", n++, label(round.round()), round.weight(),
                    stated.contains(round.round()) ? ", stated by the posting" : ""));
            for (String reason : round.reasons()) {
                out.append("   - ").append(reason).append('\n');
            }
            appendEvidence(out, posting, "   evidence: ", round.evidence());
            out.append("   study:\n");
            for (String topic : topics.forRound(posting, tags, round.round(), TOPICS_PER_ROUND)) {
                out.append("     * ").append(topic).append('\n');
            }
        }
        out.append("\n(taxonomy ").append(tags.taxonomyVersion()).append(")\n");
        return out.toString();
    }

    /** The brief as one JSON object (with a trailing newline). */
    public String json(RawPosting posting, Tags tags) {
        ObjectNode root = PostingJson.mapper().createObjectNode();
        root.put("id", posting.id());
        root.put("title", posting.title().strip());
        root.put("company", posting.company());
        root.put("mlRole", tags.mlRole());
        root.put("mlConfidence", tags.mlConfidence());
        root.put("quadrant", tags.quadrant() == null ? null : tags.quadrant().name());
        root.put("level", tags.level() == null ? null : tags.level().name());
        root.put("manager", tags.manager());
        process(root, tags.interviewProcess());
        ArrayNode tools = root.putArray("tools");
        topics.toolsNamedIn(posting).forEach(tools::add);
        ArrayNode domains = root.putArray("domains");
        for (DomainTag d : tags.domains()) {
            ObjectNode node = domains.addObject();
            node.put("domain", d.domain().name());
            node.put("score", d.score());
            evidence(node.putArray("evidence"), d.evidence());
        }
        ArrayNode rounds = root.putArray("rounds");
        int priority = 1;
        for (RoundTag r : tags.rounds()) {
            ObjectNode node = rounds.addObject();
            node.put("priority", priority++);
            node.put("round", r.round().name());
            node.put("weight", r.weight());
            node.put("stated", tags.interviewProcess() != null && tags.interviewProcess().statedRounds().contains(r.round()));
            ArrayNode reasons = node.putArray("reasons");
            r.reasons().forEach(reasons::add);
            evidence(node.putArray("evidence"), r.evidence());
            ArrayNode study = node.putArray("study");
            topics.forRound(posting, tags, r.round(), TOPICS_PER_ROUND).forEach(study::add);
        }
        evidence(root.putArray("mlRoleEvidence"), tags.evidence().mlRole());
        root.put("taxonomyVersion", tags.taxonomyVersion());
        return PostingJson.writeLine(root) + "\n";
    }

    /** {@code interviewProcess}: null when the posting describes none; else its steps and the rounds they state. */
    private static void process(ObjectNode root, InterviewProcess process) {
        if (process == null) {
            root.putNull("interviewProcess");
            return;
        }
        ObjectNode node = root.putObject("interviewProcess");
        ArrayNode stated = node.putArray("statedRounds");
        process.statedRounds().forEach(r -> stated.add(r.name()));
        ArrayNode steps = node.putArray("steps");
        for (InterviewProcess.Step step : process.steps()) {
            ObjectNode s = steps.addObject();
            s.put("text", step.text());
            s.put("round", step.round() == null ? null : step.round().name());
            evidence(s.putArray("evidence"), step.evidence() == null ? List.of() : List.of(step.evidence()));
        }
    }

    private static void evidence(ArrayNode array, List<Evidence> evidence) {
        for (Evidence e : evidence) {
            ObjectNode node = array.addObject();
            node.put("text", e.text());
            node.put("field", e.field().name());
            node.put("start", e.start());
            node.put("end", e.end());
            node.put("rule", e.rule());
        }
    }

    /** "This posting says: live coding interview [ML coding]; technical deep dive [ML case study]; team fit". */
    private static void appendProcess(StringBuilder out, InterviewProcess process) {
        if (process == null) {
            return;
        }
        // A step that states two rounds comes as two steps with the same evidence: say it once.
        Map<String, List<String>> rounds = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (InterviewProcess.Step step : process.steps()) {
            String where = step.evidence() == null ? step.text() : step.evidence().start() + ":" + step.evidence().end();
            rounds.computeIfAbsent(where, w -> new ArrayList<>());
            texts.putIfAbsent(where, shortStep(step.text()));
            if (step.round() != null) {
                rounds.get(where).add(shortLabel(step.round()));
            }
        }
        List<String> steps = new ArrayList<>();
        texts.forEach((where, text) -> steps.add(rounds.get(where).isEmpty() ? text
                : text + " [" + String.join(", ", rounds.get(where)) + "]"));
        out.append("\nThis posting says: ").append(String.join("; ", steps)).append('\n');
    }

    /** A step as the summary line shows it: one line, without links, cut at a readable length. */
    static String shortStep(String text) {
        String s = text.replaceAll("https?://\\S+", "").replaceAll("\\s+", " ").strip();
        s = s.replaceAll("[\\s,.;:!]+$", "");
        return s.length() <= STEP_CHARS ? s : s.substring(0, STEP_CHARS).strip() + "...";
    }

    /**
     * Each sentence the evidence comes from, once, its matched phrases in [brackets]; the first on
     * the prefix's line, the others aligned under it.
     */
    private static void appendEvidence(StringBuilder out, RawPosting posting, String prefix, List<Evidence> evidence) {
        List<EvidenceQuotes.Quote> quotes = EvidenceQuotes.of(posting, evidence);
        String indent = " ".repeat(prefix.length());
        for (int i = 0; i < quotes.size(); i++) {
            out.append(i == 0 ? prefix : indent).append(quotes.get(i).render()).append('\n');
        }
    }

    private static String shortLabel(Round round) {
        return switch (round) {
            case ML_FUNDAMENTALS -> "ML fundamentals";
            case ML_CASE_STUDY -> "ML case study";
            case ML_SYSTEM_DESIGN -> "ML system design";
            case ML_CODING -> "ML coding";
        };
    }

    private static String label(Round round) {
        return switch (round) {
            case ML_FUNDAMENTALS -> "ML fundamentals (breadth)";
            case ML_CASE_STUDY -> "ML case study (depth, past projects)";
            case ML_SYSTEM_DESIGN -> "ML system design";
            case ML_CODING -> "ML coding";
        };
    }
}
