package io.roleradar.classifier;

import io.roleradar.classifier.learn.FeatureNames;
import io.roleradar.classifier.learn.FeatureVector;
import io.roleradar.classifier.learn.LearnedModel;
import io.roleradar.classifier.process.ProcessFinder;
import io.roleradar.classifier.taxonomy.Rule;
import io.roleradar.classifier.taxonomy.Scope;
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
import io.roleradar.model.SourceField;
import io.roleradar.model.Specialization;
import io.roleradar.model.TagEvidence;
import io.roleradar.model.Tags;

import java.util.ArrayList;
import java.util.Comparator;
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
    // What Scan reads of the compiled taxonomy: the rules, the two automata, and for each pattern id
    // the rules it belongs to and, in the same order, which phrase of that rule it is (rule r's i-th
    // phrase is the sum of the earlier rules' phrases + i).
    final Rule[] rules;
    final PhraseMatcher titleMatcher;
    final int[][] titleRules;
    final PhraseMatcher textMatcher;
    final int[][] textRules;
    final int[][] titlePhrases;
    final int[][] textPhrases;
    /** The pattern id of "years", where the years-of-experience pattern is tried. */
    final int yearsPattern;
    private final PhraseMatcher headings;
    private final SectionKind[] headingKinds;
    private final RoundPlanner rounds;
    private final ProcessFinder processFinder;
    final LevelReader levelReader;
    final FeatureNames featureNames;
    /** The learned decisions, or null when the taxonomy has no model and its thresholds decide. */
    private final LearnedModel learned;

    public Classifier(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.rules = taxonomy.rules().toArray(new Rule[0]);
        this.featureNames = new FeatureNames(taxonomy.rules());
        this.learned = taxonomy.model() == null ? null : new LearnedModel(taxonomy);
        // Two automata: the title's rules and the description's, so each text is scanned only for
        // the phrases that can count there (a title's "it" or "ii" is noise in a description).
        PhraseMatcher.Builder titlePhrases = new PhraseMatcher.Builder();
        PhraseMatcher.Builder textPhrases = new PhraseMatcher.Builder();
        List<List<Integer>> byTitlePattern = new ArrayList<>();
        List<List<Integer>> byTextPattern = new ArrayList<>();
        // Parallel to the rules of each pattern: which phrase of that rule it is (a learned feature).
        List<List<Integer>> titlePhraseOf = new ArrayList<>();
        List<List<Integer>> textPhraseOf = new ArrayList<>();
        int phraseId = 0;
        for (int r = 0; r < rules.length; r++) {
            for (String phrase : rules[r].phrases()) {
                if (rules[r].scope().title()) {
                    index(byTitlePattern, titlePhraseOf, titlePhrases.add(phrase), r, phraseId);
                }
                if (rules[r].scope().text()) {
                    index(byTextPattern, textPhraseOf, textPhrases.add(phrase), r, phraseId);
                }
                phraseId++;
            }
        }
        // "years" is not a rule: it tells where to try the years-of-experience pattern.
        this.yearsPattern = textPhrases.add("years");
        index(byTextPattern, textPhraseOf, yearsPattern, -1, -1);
        this.titleMatcher = titlePhrases.build();
        this.textMatcher = textPhrases.build();
        this.titleRules = toArrays(byTitlePattern);
        this.textRules = toArrays(byTextPattern);
        this.titlePhrases = toArrays(titlePhraseOf);
        this.textPhrases = toArrays(textPhraseOf);
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
        Scan scan = scan(posting);
        // The hiring process is read on every posting, ML role or not: it is a fact of the posting.
        return decide(scan, processFinder.find(posting.description()));
    }

    /**
     * The signal sums behind a posting's tags, one line per signal and domain, for someone tuning a
     * taxonomy to see why a posting came out as it did.
     */
    public String explain(RawPosting posting) {
        Scan scan = scan(posting);
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
        out.append(String.format(java.util.Locale.ROOT, "textML=%.2f ", scan.signal(Signal.ML, Scope.TEXT)));
        out.append("titleLevel=").append(scan.titleLevel).append(" years=").append(scan.years);
        return out.toString().trim();
    }

    /** What the ML-role, responsibility, specialization and domain decisions said, with their evidence. */
    private record Calls(boolean ml, double confidence, List<Evidence> mlEvidence, Responsibility responsibility,
                         List<Evidence> responsibilityEvidence, Specialization specialization,
                         List<Evidence> specializationEvidence, List<DomainTag> domains) {
    }

    private Tags decide(Scan scan, InterviewProcess process) {
        Taxonomy.Thresholds t = taxonomy.thresholds();
        Calls calls;
        if (learned != null) {
            handFeatures(byThresholds(scan, t, true), scan);
            calls = byModel(scan.features);
        } else {
            calls = byThresholds(scan, t, false);
        }
        // Level and manager are tagged on every posting, ML role or not (TAXONOMY.md section 7).
        LevelReader.Result level = levelReader.read(scan);
        boolean manager = scan.signal(Signal.MANAGER) >= t.manager();
        List<Evidence> managerEvidence = manager ? scan.evidence(Signal.MANAGER, 3) : List.of();
        if (!calls.ml()) {
            return Tags.notMl(calls.confidence(), level.level(), manager,
                    new TagEvidence(calls.mlEvidence(), null, null, level.evidence(), managerEvidence), process, taxonomy.version());
        }
        TagEvidence evidence = new TagEvidence(calls.mlEvidence(), calls.responsibilityEvidence(),
                calls.specializationEvidence(), level.evidence(), managerEvidence);
        List<RoundTag> roundTags = rounds.plan(new RoundPlanner.Facts(calls.responsibility(), calls.specialization(),
                level.level(), calls.domains(), scan, evidence, process));
        return new Tags(true, calls.confidence(), calls.responsibility(), calls.specialization(), null, calls.domains(),
                level.level(), manager, roundTags, evidence, process, taxonomy.version());
    }

    /**
     * The decisions learned from the labels: each a logistic regression over the rules' matches by
     * place and the title's words; its evidence is the features that pushed most towards the answer.
     */
    private Calls byModel(FeatureVector f) {
        double p = learned.mlRole().probability(f);
        boolean ml = learned.mlRole().yes(p);
        List<Evidence> mlEvidence = learned.mlRole().evidence(f, ml, 4);
        if (!ml) {
            return new Calls(false, round2(1.0 - p), mlEvidence, null, null, null, null, List.of());
        }
        boolean infra = learned.infra().yes(learned.infra().probability(f));
        boolean specialist = learned.specialist().yes(learned.specialist().probability(f));
        List<DomainTag> domains = new ArrayList<>();
        for (Domain d : Domain.values()) {
            double pd = learned.domain(d).probability(f);
            if (learned.domain(d).yes(pd)) {
                domains.add(new DomainTag(d, round2(pd), learned.domain(d).evidence(f, true, 3)));
            }
        }
        domains.sort(Comparator.comparingDouble(DomainTag::score).reversed());
        return new Calls(true, round2(p), mlEvidence,
                infra ? Responsibility.INFRA : Responsibility.MODELING, learned.infra().evidence(f, infra, 3),
                specialist ? Specialization.SPECIALIST : Specialization.GENERALIST,
                learned.specialist().evidence(f, specialist, 3), domains);
    }

    /**
     * The hand-set calls as features of the learned decisions (each "yes" a feature with the
     * evidence it came with), so the learned weights correct them rather than start from nothing.
     */
    private static void handFeatures(Calls hand, Scan scan) {
        FeatureVector f = scan.features;
        // The evidence of a call is computed only if that call ends up among a tag's evidence.
        if (hand.ml()) {
            f.hand(LearnedModel.ML_ROLE, () -> scan.evidence(Signal.ML, 4));
        }
        if (hand.responsibility() == Responsibility.INFRA) {
            f.hand(LearnedModel.INFRA, () -> scan.evidence(Signal.INFRA, 3));
        }
        if (hand.specialization() == Specialization.SPECIALIST) {
            f.hand(LearnedModel.SPECIALIST, () -> scan.evidence(Signal.SPECIALIST, 3));
        }
        for (DomainTag d : hand.domains()) {
            f.hand(LearnedModel.DOMAIN_PREFIX + d.domain().name(), () -> scan.domainEvidence(d.domain(), 3));
        }
    }

    /**
     * The hand-set decisions: thresholds on the weighted sums of the rules (a taxonomy without a
     * model). With {@code asFeatures}, responsibility, specialization and domains are called for a
     * posting that is no ML role too, as features of the learned decisions, and no evidence is
     * gathered (the features keep their own).
     */
    private Calls byThresholds(Scan scan, Taxonomy.Thresholds t, boolean asFeatures) {
        // Work named in an ML field (speech recognition, object detection, recommender systems) is
        // itself evidence of ML work, up to a cap so a company's product words cannot carry a role.
        double domainTotal = 0;
        for (Domain d : Domain.values()) {
            domainTotal += scan.domain(d);
        }
        double textMl = scan.signal(Signal.ML, Scope.TEXT);
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
        List<Evidence> mlEvidence = asFeatures ? List.of() : scan.evidence(ml ? Signal.ML : Signal.NOT_ML, 4);
        if (!ml && !asFeatures) {
            return new Calls(false, confidence, mlEvidence, null, null, null, null, List.of());
        }
        double infra = scan.signal(Signal.INFRA);
        double modeling = scan.signal(Signal.MODELING);
        Responsibility responsibility = infra - modeling > t.infraMargin() ? Responsibility.INFRA : Responsibility.MODELING;
        List<Evidence> responsibilityEvidence = asFeatures ? List.of() : scan.evidence(
                responsibility == Responsibility.INFRA ? Signal.INFRA : Signal.MODELING, 3);

        List<DomainTag> domains = new ArrayList<>();
        for (Domain d : Domain.values()) {
            double s = scan.domain(d);
            if (s >= t.domain()) {
                domains.add(new DomainTag(d, round2(s / (s + t.domainScale())), asFeatures ? List.of() : scan.domainEvidence(d, 3)));
            }
        }
        domains.sort(Comparator.comparingDouble(DomainTag::score).reversed());

        double specialistScore = scan.signal(Signal.SPECIALIST) + scan.signal(Signal.GENERALIST);
        List<Evidence> specialistEvidence = asFeatures ? new ArrayList<>() : new ArrayList<>(scan.evidence(Signal.SPECIALIST, 3));
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
            if (!asFeatures) {
                specialistEvidence.addAll(scan.domainEvidence(required, 2));
            }
        }
        Specialization specialization = specialistScore >= t.specialist()
                ? Specialization.SPECIALIST : Specialization.GENERALIST;
        if (specialization == Specialization.GENERALIST && !asFeatures) {
            specialistEvidence = scan.evidence(Signal.GENERALIST, 3);
        }
        return new Calls(ml, confidence, mlEvidence, responsibility, responsibilityEvidence, specialization,
                specialistEvidence, domains);
    }

    /**
     * The features the learned decisions read for one posting, by name: what the training tool
     * learns from, the same the classifier computes when it tags.
     */
    public Map<String, Double> features(RawPosting posting) {
        Scan scan = scan(posting);
        handFeatures(byThresholds(scan, taxonomy.thresholds(), true), scan);
        return scan.features.named();
    }

    private Scan scan(RawPosting posting) {
        Scan scan = new Scan(this);
        scan.title(posting.title(), SourceField.TITLE);
        if (posting.department() != null && !posting.department().isBlank()) {
            scan.title(posting.department(), SourceField.DEPARTMENT);
        }
        scan.description(posting.description());
        return scan;
    }

    static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    private static void index(List<List<Integer>> byPattern, List<List<Integer>> phraseOf, int pattern, int rule, int phrase) {
        while (byPattern.size() <= pattern) {
            byPattern.add(new ArrayList<>());
            phraseOf.add(new ArrayList<>());
        }
        if (rule >= 0 && !byPattern.get(pattern).contains(rule)) {
            byPattern.get(pattern).add(rule);
            phraseOf.get(pattern).add(phrase);
        }
    }

    private static int[][] toArrays(List<List<Integer>> byPattern) {
        return byPattern.stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
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
}
