package io.roleradar.classifier;

import io.roleradar.classifier.process.ProcessFinder;
import io.roleradar.classifier.taxonomy.Rule;
import io.roleradar.classifier.taxonomy.SectionKind;
import io.roleradar.classifier.taxonomy.Signal;
import io.roleradar.classifier.taxonomy.Taxonomy;
import io.roleradar.classifier.taxonomy.TaxonomyLoader;
import io.roleradar.classifier.text.Layout;
import io.roleradar.classifier.text.PhraseMatcher;
import io.roleradar.model.Domain;
import io.roleradar.model.DomainTag;
import io.roleradar.model.Evidence;
import io.roleradar.model.InterviewProcess;
import io.roleradar.model.Level;
import io.roleradar.model.RawPosting;
import io.roleradar.model.Responsibility;
import io.roleradar.model.RoundTag;
import io.roleradar.model.Specialization;
import io.roleradar.model.TagEvidence;
import io.roleradar.model.Tags;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Tags one posting by TAXONOMY.md: ML role or not, responsibility, specialization, domains, level,
 * manager and interview rounds, each with the posting text that set it.
 *
 * <p>How: every phrase of the taxonomy is compiled once into one automaton; the title, department
 * and description are each scanned once. Each match adds its rule's weight to a signal, times the
 * weight of where it was found (title, duties, requirements, nice-to-have, ...); company
 * boilerplate counts zero. The decisions are thresholds on those sums, all read from the taxonomy.
 * No rule names a company or a posting, so the same text always gets the same tags.
 *
 * <p>Immutable and thread-safe: one instance serves any number of threads.
 */
public final class Classifier {
    /** Below this many characters a description is too short to contradict the title. */
    static final int MIN_TEXT_FOR_EVIDENCE = 300;
    private final Taxonomy taxonomy;
    private final Rule[] rules;
    private final PhraseMatcher titleMatcher;
    private final int[][] titleRules;
    private final PhraseMatcher textMatcher;
    private final int[][] textRules;
    private final int yearsPattern;
    private final PhraseMatcher headings;
    private final SectionKind[] headingKinds;
    private final RoundPlanner rounds;
    private final ProcessFinder processFinder;
    private final LevelReader levelReader;

    public Classifier(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.rules = taxonomy.rules().toArray(new Rule[0]);
        // Two automata: the title's rules and the description's, so each text is scanned only for
        // the phrases that can count there (a title's "it" or "ii" is noise in a description).
        PhraseMatcher.Builder titlePhrases = new PhraseMatcher.Builder();
        PhraseMatcher.Builder textPhrases = new PhraseMatcher.Builder();
        List<List<Integer>> byTitlePattern = new ArrayList<>();
        List<List<Integer>> byTextPattern = new ArrayList<>();
        for (int r = 0; r < rules.length; r++) {
            for (String phrase : rules[r].phrases()) {
                if (rules[r].scope().title()) {
                    index(byTitlePattern, titlePhrases.add(phrase), r);
                }
                if (rules[r].scope().text()) {
                    index(byTextPattern, textPhrases.add(phrase), r);
                }
            }
        }
        // "years" is not a rule: it tells where to try the years-of-experience pattern.
        this.yearsPattern = textPhrases.add("years");
        index(byTextPattern, yearsPattern, -1);
        this.titleMatcher = titlePhrases.build();
        this.textMatcher = textPhrases.build();
        this.titleRules = toArrays(byTitlePattern);
        this.textRules = toArrays(byTextPattern);
        List<String> markers = new ArrayList<>();
        List<SectionKind> kinds = new ArrayList<>();
        taxonomy.sections().markers().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> e.getValue().forEach(m -> {
                    markers.add(m);
                    kinds.add(e.getKey());
                }));
        this.headings = PhraseMatcher.compile(markers);
        this.headingKinds = kinds.toArray(new SectionKind[0]);
        this.rounds = new RoundPlanner(taxonomy.rounds());
        this.processFinder = new ProcessFinder(taxonomy.rounds().process());
        this.levelReader = new LevelReader(taxonomy);
    }

    /** A classifier with the taxonomy shipped in this module. */
    public static Classifier withDefaultTaxonomy() {
        return new Classifier(TaxonomyLoader.loadDefault());
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public String taxonomyVersion() {
        return taxonomy.version();
    }

    /** The tags of one posting; never fails for a valid {@link RawPosting}. */
    public Tags classify(RawPosting posting) {
        Scan scan = new Scan(this);
        scan.title(posting.title());
        if (posting.department() != null && !posting.department().isBlank()) {
            scan.department(posting.department());
        }
        scan.description(posting.description());
        // The hiring process is read on every posting, ML role or not: it is a fact of the posting.
        return decide(scan, processFinder.find(posting.description()));
    }

    /**
     * The signal sums behind a posting's tags, one line per signal and domain, for someone tuning a
     * taxonomy to see why a posting came out as it did.
     */
    public String explain(RawPosting posting) {
        Scan scan = new Scan(this);
        scan.title(posting.title());
        if (posting.department() != null && !posting.department().isBlank()) {
            scan.department(posting.department());
        }
        scan.description(posting.description());
        StringBuilder out = new StringBuilder();
        for (Signal s : Signal.values()) {
            if (s != Signal.DOMAIN && s != Signal.LEVEL && s != Signal.BOILERPLATE) {
                out.append(String.format(java.util.Locale.ROOT, "%s=%.2f ", s, scan.signal(s)));
            }
        }
        for (Domain d : Domain.values()) {
            double v = scan.domain(d);
            if (v > 0) {
                out.append(String.format(java.util.Locale.ROOT, "%s=%.2f ", d, v));
            }
        }
        for (Domain d : Domain.values()) {
            if (scan.requiredDomain[d.ordinal()] > 0) {
                out.append(String.format(java.util.Locale.ROOT, "req.%s=%.2f ", d, scan.requiredDomain[d.ordinal()]));
            }
        }
        out.append(String.format(java.util.Locale.ROOT, "textML=%.2f ", scan.signal(Signal.ML, io.roleradar.classifier.taxonomy.Scope.TEXT)));
        out.append("titleLevel=").append(scan.titleLevel).append(" years=").append(scan.years);
        return out.toString().trim();
    }

    private Tags decide(Scan scan, InterviewProcess process) {
        Taxonomy.Thresholds t = taxonomy.thresholds();
        // Work named in an ML field (speech recognition, object detection, recommender systems) is
        // itself evidence of ML work, up to a cap so a company's product words cannot carry a role.
        double domainTotal = 0;
        for (Domain d : Domain.values()) {
            domainTotal += scan.domain(d);
        }
        double textMl = scan.signal(Signal.ML, io.roleradar.classifier.taxonomy.Scope.TEXT);
        double mlScore = scan.signal(Signal.ML) + scan.signal(Signal.NOT_ML)
                + Math.min(t.domainToMlCap(), t.domainToMl() * domainTotal);
        // A title alone is not enough when the text says otherwise: a "Research Scientist" in a wet
        // lab has no ML in the text. A posting with hardly any text is judged by its title.
        boolean ml;
        if (scan.textLength() < MIN_TEXT_FOR_EVIDENCE) {
            // Hardly any text to contradict the title: all the evidence only has to reach mlText.
            ml = mlScore >= t.mlText();
        } else {
            ml = mlScore >= t.ml() && textMl >= t.mlText();
        }
        double p = 1.0 / (1.0 + Math.exp(-(mlScore - t.ml()) / t.mlScale()));
        double confidence = round2(ml ? p : 1.0 - p);
        List<Evidence> mlEvidence = scan.evidence(ml ? Signal.ML : Signal.NOT_ML, 4);
        // Level and manager are tagged on every posting, ML role or not (TAXONOMY.md section 7).
        LevelReader.Result level = levelReader.read(scan);
        boolean manager = scan.signal(Signal.MANAGER) >= t.manager();
        List<Evidence> managerEvidence = manager ? scan.evidence(Signal.MANAGER, 3) : List.of();
        if (!ml) {
            return Tags.notMl(confidence, level.level(), manager,
                    new TagEvidence(mlEvidence, null, null, level.evidence(), managerEvidence), process, taxonomy.version());
        }
        double infra = scan.signal(Signal.INFRA);
        double modeling = scan.signal(Signal.MODELING);
        Responsibility responsibility = infra - modeling > t.infraMargin() ? Responsibility.INFRA : Responsibility.MODELING;
        List<Evidence> responsibilityEvidence = scan.evidence(
                responsibility == Responsibility.INFRA ? Signal.INFRA : Signal.MODELING, 3);

        List<DomainTag> domains = new ArrayList<>();
        for (Domain d : Domain.values()) {
            double s = scan.domain(d);
            if (s >= t.domain()) {
                domains.add(new DomainTag(d, round2(s / (s + t.domainScale())), scan.domainEvidence(d, 3)));
            }
        }
        domains.sort(Comparator.comparingDouble(DomainTag::score).reversed());

        double specialistScore = scan.signal(Signal.SPECIALIST) + scan.signal(Signal.GENERALIST);
        List<Evidence> specialistEvidence = new ArrayList<>(scan.evidence(Signal.SPECIALIST, 3));
        Domain required = null;
        for (Domain d : Domain.values()) {
            if (scan.requiredDomain[d.ordinal()] >= t.domainSpecialist() && scan.domain(d) >= t.domain()
                    && (required == null || scan.requiredDomain[d.ordinal()] > scan.requiredDomain[required.ordinal()])) {
                required = d;
            }
        }
        if (required != null) {
            // Asking for experience in one field, repeatedly, is "deep expertise in one named field";
            // a field the duties only work in leaves a generalist carrying that domain.
            specialistScore += t.specialist();
            specialistEvidence.addAll(scan.domainEvidence(required, 2));
        }
        Specialization specialization = specialistScore >= t.specialist()
                ? Specialization.SPECIALIST : Specialization.GENERALIST;
        if (specialization == Specialization.GENERALIST) {
            specialistEvidence = scan.evidence(Signal.GENERALIST, 3);
        }

        TagEvidence evidence = new TagEvidence(mlEvidence, responsibilityEvidence, specialistEvidence,
                level.evidence(), managerEvidence);
        List<RoundTag> roundTags = rounds.plan(new RoundPlanner.Facts(responsibility, specialization,
                level.level(), domains, scan, evidence, process));
        return new Tags(true, confidence, responsibility, specialization, null, domains, level.level(), manager,
                roundTags, evidence, process, taxonomy.version());
    }

    static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    // --- what Scan needs from the compiled taxonomy ---

    Rule[] rules() {
        return rules;
    }

    LevelReader levelReader() {
        return levelReader;
    }

    PhraseMatcher titleMatcher() {
        return titleMatcher;
    }

    PhraseMatcher textMatcher() {
        return textMatcher;
    }

    int[] titleRulesOf(int pattern) {
        return titleRules[pattern];
    }

    int[] textRulesOf(int pattern) {
        return textRules[pattern];
    }

    private static void index(List<List<Integer>> byPattern, int pattern, int rule) {
        while (byPattern.size() <= pattern) {
            byPattern.add(new ArrayList<>());
        }
        if (rule >= 0 && !byPattern.get(pattern).contains(rule)) {
            byPattern.get(pattern).add(rule);
        }
    }

    private static int[][] toArrays(List<List<Integer>> byPattern) {
        return byPattern.stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    boolean isYears(int pattern) {
        return pattern == yearsPattern;
    }

    /** The sections of a description as this classifier sees them (headings, boilerplate not yet marked). */
    public Layout layout(String description) {
        return Layout.of(description, headings, headingKinds, taxonomy.sections().headingMaxChars());
    }

    /** Levels in order of seniority, for "the highest level word in the title wins". */
    static int rank(Level level) {
        return switch (level) {
            case UNKNOWN -> -1;
            case JUNIOR -> 0;
            case MID -> 1;
            case SENIOR -> 2;
            case STAFF_PLUS -> 3;
        };
    }

    static <K extends Enum<K>> EnumMap<K, Double> zeros(Class<K> type) {
        EnumMap<K, Double> map = new EnumMap<>(type);
        for (K k : type.getEnumConstants()) {
            map.put(k, 0.0);
        }
        return map;
    }
}
