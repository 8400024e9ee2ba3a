package io.roleradar.classifier.process;

import io.roleradar.classifier.taxonomy.Taxonomy;
import io.roleradar.classifier.text.PhraseMatcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The words of hiring-process steps, compiled once: the step phrases of the taxonomy, each with the
 * round it states ("live coding" states ML_CODING, "team fit" none), and the cue words that make a
 * line of a process section a step without naming one ("interview", "call", "offer").
 *
 * <p>Immutable and thread-safe.
 */
final class StepVocabulary {
    /** One step phrase found at {@code [start, end)}, and the step rule it belongs to. */
    record Found(int start, int end, Taxonomy.StepRule rule) {
    }

    /** The longest cue word looked for after a step phrase ("conversations"). */
    private static final int MAX_CUE_CHARS = 16;
    /**
     * How far a qualifying phrase may stand from the step it qualifies: "Take-home Python challenge",
     * "Practical exercise (Prompt + Python)", never a sentence away.
     */
    private static final int MAX_QUALIFIER_GAP = 25;
    private final PhraseMatcher steps;
    private final Taxonomy.StepRule[] ruleOf;
    private final PhraseMatcher cues;
    private final Map<String, Taxonomy.StepRule> byId = new HashMap<>();

    StepVocabulary(Taxonomy.ProcessRules rules) {
        PhraseMatcher.Builder builder = new PhraseMatcher.Builder();
        List<Taxonomy.StepRule> owners = new ArrayList<>();
        for (Taxonomy.StepRule rule : rules.steps()) {
            byId.put(rule.id(), rule);
            for (String phrase : rule.phrases()) {
                int id = builder.add(phrase);
                if (id == owners.size()) {
                    owners.add(rule); // a phrase listed twice belongs to the first group that lists it
                }
            }
        }
        this.steps = builder.build();
        this.ruleOf = owners.toArray(new Taxonomy.StepRule[0]);
        this.cues = PhraseMatcher.compile(rules.cues());
    }

    /**
     * The step phrases in {@code text[from, to)}, leftmost first; of overlapping phrases the one that
     * starts first (then the longest) is kept, so "live coding interview" is one step, not two. A
     * qualifying phrase ("Python") is no step: it turns the step it stands next to into one of its own
     * group, spanning both, and is dropped when it stands next to none.
     */
    List<Found> find(String text, int from, int to) {
        List<Found> all = new ArrayList<>();
        steps.scan(text, from, to, (p, s, e) -> all.add(new Found(s, e, ruleOf[p])));
        all.sort(Comparator.comparingInt(Found::start).thenComparing(Comparator.comparingInt(Found::end).reversed()));
        List<Found> kept = new ArrayList<>();
        int reach = -1;
        for (Found f : all) {
            if (f.start() >= reach) {
                kept.add(f);
                reach = f.end();
            }
        }
        return qualified(text, kept);
    }

    private static List<Found> qualified(String text, List<Found> found) {
        if (found.stream().noneMatch(f -> !f.rule().qualifies().isEmpty())) {
            return found;
        }
        List<Found> out = new ArrayList<>(found);
        for (Found q : found) {
            if (q.rule().qualifies().isEmpty()) {
                continue;
            }
            out.remove(q);
            Found step = null;
            for (Found f : out) {
                if (q.rule().qualifies().contains(f.rule().id()) && near(text, f, q)
                        && (step == null || gap(f, q) < gap(step, q))) {
                    step = f;
                }
            }
            if (step != null) {
                out.set(out.indexOf(step), new Found(Math.min(step.start(), q.start()), Math.max(step.end(), q.end()), q.rule()));
            }
        }
        return out;
    }

    /** True when nothing but a few words, none ending a sentence or a line, stand between {@code a} and {@code b}. */
    private static boolean near(String text, Found a, Found b) {
        int from = a.end() <= b.start() ? a.end() : b.end();
        int to = a.end() <= b.start() ? b.start() : a.start();
        if (to < from || to - from > MAX_QUALIFIER_GAP) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.' || c == ';' || c == '\n' || c == '!' || c == '?') {
                return false;
            }
        }
        return true;
    }

    private static int gap(Found a, Found b) {
        return a.end() <= b.start() ? b.start() - a.end() : a.start() - b.end();
    }

    /**
     * Where a step phrase found in running text ends once the cue word right after it is taken in:
     * "take-home" + "exercise", "ML system design" + "interview". {@code end} when none follows.
     */
    int stepNounAfter(String text, int end) {
        int next = end;
        while (next < text.length() && next - end < 2 && (text.charAt(next) == ' ' || text.charAt(next) == '-')) {
            next++;
        }
        if (next == end || next >= text.length() || !Character.isLetter(text.charAt(next))) {
            return end;
        }
        int[] reach = {end};
        int from = next;
        cues.scan(text, from, Math.min(text.length(), from + MAX_CUE_CHARS), (p, s, e) -> {
            if (s == from && e > reach[0]) {
                reach[0] = e;
            }
        });
        return reach[0];
    }

    /** The step group with this id, if there is one. */
    Optional<Taxonomy.StepRule> rule(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** True when {@code text[from, to)} names a step or holds a cue word of one. */
    boolean isStepLike(String text, int from, int to) {
        return !find(text, from, to).isEmpty() || ProcessFinder.contains(cues, text, from, to);
    }
}
