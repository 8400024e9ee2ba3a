package io.roleradar.classifier.process;

import io.roleradar.classifier.taxonomy.Taxonomy;
import io.roleradar.classifier.text.PhraseMatcher;
import io.roleradar.model.Evidence;
import io.roleradar.model.InterviewProcess;
import io.roleradar.model.Round;
import io.roleradar.model.SourceField;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds what a posting says about its own hiring process (TAXONOMY.md section 7) and the rounds it
 * states. Only two kinds of text count:
 * <ul>
 *   <li>a <b>process section</b>: a heading about the interview, hiring, recruitment or selection
 *       process ("Interview Process", "Our hiring process", "Our interview process consists of 4
 *       stages:") and the steps listed under it, each list item or short line one step; a vaguer
 *       heading ("What to expect", "Next steps") only when its items name steps;</li>
 *   <li>a <b>sentence about the process</b> anywhere else: one that speaks of the candidate's
 *       interviews or stages ("as part of our interview process, you'll complete a take-home") and
 *       names a step.</li>
 * </ul>
 * Everything else (skills, duties, requirements) states nothing, however much it speaks of system
 * design or ML fundamentals; and a line of process boilerplate (accommodations, fraud warnings, "a
 * fair hiring process", the use of AI in interviews, compensation) states nothing either.
 *
 * <p>All phrases come from the taxonomy ({@code rounds.process}); this class holds only the reading
 * of a posting's layout. Immutable and thread-safe.
 */
public final class ProcessFinder {
    /** A process section ends after this many lines at the latest: a list of steps is short. */
    private static final int MAX_SECTION_LINES = 40;
    /** Prose lines a section may open with before its first step ("We move fast and value your time:"). */
    private static final int MAX_LEAD_IN_LINES = 3;
    /** A longer line that names the process is a paragraph, not the lead-in of a list. */
    private static final int MAX_LEAD_IN_CHARS = 300;
    /** A vague heading ("What to expect:", "How to apply") has no more words than this. */
    private static final int MAX_WEAK_HEADING_WORDS = 5;
    private static final String ITEM_RULE = "process.step";

    private enum Heading { NONE, STRONG, WEAK }

    private final Taxonomy.ProcessRules rules;
    private final PhraseMatcher headings;
    private final PhraseMatcher weakHeadings;
    private final PhraseMatcher sentenceCues;
    private final PhraseMatcher notProcess;
    private final PhraseMatcher listLeadIns;
    private final StepVocabulary vocabulary;

    public ProcessFinder(Taxonomy.ProcessRules rules) {
        this.rules = rules;
        this.headings = PhraseMatcher.compile(rules.headings());
        this.weakHeadings = PhraseMatcher.compile(rules.weakHeadings());
        this.sentenceCues = PhraseMatcher.compile(rules.sentenceCues());
        this.notProcess = PhraseMatcher.compile(rules.notProcess());
        this.listLeadIns = PhraseMatcher.compile(rules.listLeadIns());
        this.vocabulary = new StepVocabulary(rules);
    }

    /** The hiring process {@code description} describes, or null when it describes none. */
    public InterviewProcess find(String description) {
        List<Line> lines = Line.split(description);
        List<InterviewProcess.Step> steps = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Heading heading = heading(description, lines, i);
            if (heading != Heading.NONE) {
                Section section = section(description, lines, i, heading);
                if (section.accepted()) {
                    steps.addAll(section.steps());
                    i = section.next();
                    continue;
                }
            }
            steps.addAll(sentenceSteps(description, lines.get(i)));
            i++;
        }
        return steps.isEmpty() ? null : new InterviewProcess(withRequiredSteps(description, steps));
    }

    /**
     * A step of a group that {@code requires} others ("deep dive") states its round only when the
     * process also names a step of one of them (a coding, design or technical step, possibly in the
     * same item: "Deep dive technical interview"); else it stays a step that states no round, so the
     * "hiring manager deep dive" of a sales process states no case study.
     */
    private List<InterviewProcess.Step> withRequiredSteps(String text, List<InterviewProcess.Step> steps) {
        Set<String> named = new HashSet<>();
        for (InterviewProcess.Step s : steps) {
            vocabulary.find(text, s.evidence().start(), s.evidence().end()).forEach(f -> named.add(f.rule().id()));
        }
        List<InterviewProcess.Step> out = new ArrayList<>();
        for (InterviewProcess.Step s : steps) {
            List<String> requires = vocabulary.rule(s.evidence().rule()).map(Taxonomy.StepRule::requires).orElse(List.of());
            if (s.round() == null || requires.isEmpty() || requires.stream().anyMatch(named::contains)) {
                out.add(s);
            } else if (out.stream().noneMatch(o -> o.evidence().start() == s.evidence().start())
                    && steps.stream().noneMatch(o -> o != s && o.round() != null && o.evidence().start() == s.evidence().start())) {
                out.add(new InterviewProcess.Step(s.text(), null, s.evidence()));
            }
        }
        return out;
    }

    private Heading heading(String text, List<Line> lines, int i) {
        Line line = lines.get(i);
        Heading heading = headingByItsWords(text, lines, i);
        // A line of process boilerplate ("our fair hiring process") heads no process section. Looked
        // for only on a line that would otherwise head one: most lines head nothing.
        return heading != Heading.NONE && contains(notProcess, text, line.start(), line.end()) ? Heading.NONE : heading;
    }

    /** What {@link #heading} says of line {@code i} before process boilerplate is ruled out. */
    private Heading headingByItsWords(String text, List<Line> lines, int i) {
        Line line = lines.get(i);
        if (leadsIntoListOfSteps(text, lines, i)) {
            return Heading.STRONG;
        }
        if (line.headingLike(text, rules.headingMaxChars())) {
            if (contains(headings, text, line.start(), line.end())) {
                return Heading.STRONG;
            }
            // A vague heading is the whole line ("Next steps"), not a phrase inside a longer one
            // ("... experience applying data science methods" in a posting without bullets).
            if (words(text, line) <= MAX_WEAK_HEADING_WORDS && contains(weakHeadings, text, line.start(), line.end())) {
                return Heading.WEAK;
            }
            return Heading.NONE;
        }
        // "We've designed a quick interview process to assess mutual fit" followed by a numbered list.
        boolean leadsIn = text.charAt(line.end() - 1) == ':' || i + 1 < lines.size() && lines.get(i + 1).listItem();
        return !line.listItem() && line.length() <= MAX_LEAD_IN_CHARS && leadsIn
                && contains(headings, text, line.start(), line.end()) ? Heading.STRONG : Heading.NONE;
    }

    /** "... you will enter the main process, which consists of three interviews:" right before a list. */
    private boolean leadsIntoListOfSteps(String text, List<Line> lines, int i) {
        Line line = lines.get(i);
        int colon = line.end() - 1;
        if (line.listItem() || text.charAt(colon) != ':' || i + 1 >= lines.size() || !lines.get(i + 1).listItem()) {
            return false;
        }
        int end = colon;
        while (end > line.content() && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int[] lastEnd = {-1};
        listLeadIns.scan(text, line.content(), end, (p, s, e) -> lastEnd[0] = Math.max(lastEnd[0], e));
        return lastEnd[0] == end;
    }

    /** What a process section holds, and the index of the first line after it. */
    private record Section(List<InterviewProcess.Step> steps, int next, boolean accepted) {
    }

    private Section section(String text, List<Line> lines, int headingIndex, Heading kind) {
        List<Line> items = new ArrayList<>();
        List<InterviewProcess.Step> prose = new ArrayList<>(proseSteps(text, lines.get(headingIndex)));
        int stepLike = 0;
        int leadIn = 0;
        boolean inNumberedStep = false;
        Map<Line, List<Line>> explanations = new HashMap<>();
        int j = headingIndex + 1;
        for (; j < lines.size() && j <= headingIndex + MAX_SECTION_LINES; j++) {
            Line line = lines.get(j);
            boolean boilerplate = contains(notProcess, text, line.start(), line.end());
            boolean numbered = rules.stepNumbering().matcher(text).region(line.content(), line.end()).lookingAt();
            if (numbered || line.listItem() && !boilerplate) {
                items.add(line);
                stepLike += vocabulary.isStepLike(text, line.content(), line.end()) ? 1 : 0;
                inNumberedStep = numbered;
                continue;
            }
            boolean leadsIn = items.isEmpty() && prose.isEmpty() && text.charAt(line.end() - 1) == ':';
            if (line.headingLike(text, rules.headingMaxChars()) && !leadsIn) {
                if (boilerplate || heading(text, lines, j) != Heading.NONE || text.charAt(line.end() - 1) == ':'
                        || !vocabulary.isStepLike(text, line.content(), line.end())) {
                    break; // another section begins ("What we offer:" names no step, though "offer" may be one)
                }
                items.add(line); // a step on a line of its own: "TA phone screen, 45 min", "Offer"
                stepLike++;
                continue;
            }
            if (inNumberedStep && !boilerplate) {
                // What a "Step 2: Take home challenge" line goes on to explain: no step of its own, but it
                // may say what the step is ("... in which you train a model on a small dataset").
                explanations.computeIfAbsent(items.get(items.size() - 1), k -> new ArrayList<>()).add(line);
                continue;
            }
            if (boilerplate) {
                continue; // an accommodation note
            }
            List<InterviewProcess.Step> found = proseSteps(text, line);
            if (!found.isEmpty()) {
                prose.addAll(found);
            } else if (items.isEmpty() && prose.isEmpty() && ++leadIn <= MAX_LEAD_IN_LINES) {
                continue; // "We move intentionally and communicate clearly at every step:"
            } else {
                break; // prose after the steps: the section is over
            }
        }
        // Most items of a real process name a step; a vague heading must also name at least one.
        boolean accepted = items.isEmpty() ? !prose.isEmpty() : stepLike * 2 >= items.size();
        List<InterviewProcess.Step> steps = new ArrayList<>(prose);
        for (Line item : items) {
            steps.addAll(itemSteps(text, item, explanations.getOrDefault(item, List.of())));
        }
        if (kind == Heading.WEAK) {
            accepted &= steps.stream().anyMatch(s -> !ITEM_RULE.equals(s.evidence().rule()));
        }
        return new Section(orderOf(steps), j, accepted && !steps.isEmpty());
    }

    /** A list item is one step, with every round it names ("Live case study & technical interview"). */
    private List<InterviewProcess.Step> itemSteps(String text, Line item, List<Line> explanation) {
        String stepText = text.substring(item.content(), item.end());
        Map<Round, String> rounds = new LinkedHashMap<>();
        List<StepVocabulary.Found> found = vocabulary.find(text, item.content(), item.end());
        List<StepVocabulary.Found> explained = new ArrayList<>(found);
        explanation.forEach(line -> explained.addAll(vocabulary.find(text, line.content(), line.end())));
        for (StepVocabulary.Found f : explained) {
            if (f.rule().round() != null) {
                rounds.putIfAbsent(f.rule().round(), f.rule().id());
            }
        }
        List<InterviewProcess.Step> steps = new ArrayList<>();
        if (rounds.isEmpty()) {
            String rule = found.isEmpty() ? ITEM_RULE : found.get(0).rule().id();
            steps.add(step(stepText, null, item.content(), item.end(), rule));
        }
        rounds.forEach((round, rule) -> steps.add(step(stepText, round, item.content(), item.end(), rule)));
        return steps;
    }

    /** In running text each step phrase is a step: "a recruiter call, a coding interview and a deep dive". */
    private List<InterviewProcess.Step> proseSteps(String text, Line line) {
        return phraseSteps(text, vocabulary.find(text, line.content(), line.end()));
    }

    private List<InterviewProcess.Step> phraseSteps(String text, List<StepVocabulary.Found> found) {
        List<InterviewProcess.Step> steps = new ArrayList<>();
        for (StepVocabulary.Found f : found) {
            Round round = f.rule().round();
            if (round == null || steps.stream().noneMatch(s -> s.round() == round)) {
                int end = vocabulary.stepNounAfter(text, f.end());
                steps.add(step(text.substring(f.start(), end), round, f.start(), end, f.rule().id()));
            }
        }
        return steps;
    }

    /** Outside a process section: the steps named by sentences about the candidate's process. */
    private List<InterviewProcess.Step> sentenceSteps(String text, Line line) {
        // Most lines speak of no process: a line without a cue has no sentence with one. Process
        // boilerplate is looked for only in a line that has one.
        if (!contains(sentenceCues, text, line.content(), line.end())
                || contains(notProcess, text, line.start(), line.end())) {
            return List.of();
        }
        List<InterviewProcess.Step> steps = new ArrayList<>();
        for (int[] sentence : line.sentences(text)) {
            List<PhraseMatcher.Match> cues = new ArrayList<>();
            sentenceCues.scan(text, sentence[0], sentence[1], (p, s, e) -> cues.add(new PhraseMatcher.Match(p, s, e)));
            if (cues.isEmpty()) {
                continue;
            }
            List<StepVocabulary.Found> found = new ArrayList<>(vocabulary.find(text, sentence[0], sentence[1]));
            // The cue itself ("the interview process") is no step.
            found.removeIf(f -> cues.stream().anyMatch(c -> c.start() < f.end() && f.start() < c.end()));
            // Alone, a sentence must name a round: "remote candidates will be considered (onsite)" or a
            // recruiter's "behavioral interviewing" duty speak of hiring but describe no process.
            // A step that stands alone ("a basic SQL assessment will be part of the interview process") is enough.
            if (found.stream().anyMatch(f -> f.rule().round() != null || f.rule().describesAlone())) {
                steps.addAll(phraseSteps(text, found));
            }
        }
        return steps;
    }

    private static List<InterviewProcess.Step> orderOf(List<InterviewProcess.Step> steps) {
        List<InterviewProcess.Step> ordered = new ArrayList<>(steps);
        ordered.sort(java.util.Comparator.comparingInt(s -> s.evidence().start()));
        return ordered;
    }

    private static InterviewProcess.Step step(String text, Round round, int start, int end, String rule) {
        return new InterviewProcess.Step(text, round, new Evidence(text, SourceField.DESCRIPTION, start, end, rule));
    }

    private static int words(String text, Line line) {
        int words = 0;
        boolean inWord = false;
        for (int i = line.content(); i < line.end(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }
        return words;
    }

    static boolean contains(PhraseMatcher matcher, String text, int from, int to) {
        boolean[] found = {false};
        matcher.scan(text, from, to, (p, s, e) -> found[0] = true);
        return found[0];
    }
}
