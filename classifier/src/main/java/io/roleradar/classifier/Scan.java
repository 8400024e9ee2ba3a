package io.roleradar.classifier;

import io.roleradar.classifier.learn.Bucket;
import io.roleradar.classifier.learn.FeatureVector;
import io.roleradar.classifier.taxonomy.Rule;
import io.roleradar.classifier.taxonomy.Scope;
import io.roleradar.classifier.taxonomy.SectionKind;
import io.roleradar.classifier.taxonomy.Signal;
import io.roleradar.classifier.taxonomy.Taxonomy;
import io.roleradar.classifier.text.Layout;
import io.roleradar.classifier.text.PhraseMatcher;
import io.roleradar.model.Domain;
import io.roleradar.model.Evidence;
import io.roleradar.model.Level;
import io.roleradar.model.SourceField;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;

/**
 * What one pass over one posting found: per rule, how much it matched (weighted by where, capped)
 * and its best evidence; the level words of the title and text; the years of experience asked.
 * One instance per {@link Classifier#classify} call, so the classifier itself holds no state.
 */
final class Scan {
    private final Classifier classifier;
    private final Taxonomy.SectionRules sections;
    private final Taxonomy.Thresholds thresholds;
    private final Rule[] rules;
    private final double[] sums;
    private final Evidences[] evidence;

    Level titleLevel = Level.UNKNOWN;
    Evidence titleLevelEvidence;
    Level textLevel = Level.UNKNOWN;
    Evidence textLevelEvidence;
    int years = -1;
    Evidence yearsEvidence;

    /** Domain evidence on requirement lines: what the role asks expertise in. */
    final double[] requiredDomain = new double[Domain.values().length];

    /** What the learned decisions read: each rule's matches by place, and the title's words. */
    final FeatureVector features;

    /**
     * Each signal's sum and each domain's, made on the first read once the scan is over: the
     * decisions read them many times.
     */
    private double[] signalSums;
    private double[] domainSums;

    private int[] hits = new int[96];
    private int textLength;
    private int hitCount;

    Scan(Classifier classifier) {
        this.classifier = classifier;
        this.sections = classifier.taxonomy().sections();
        this.thresholds = classifier.taxonomy().thresholds();
        this.rules = classifier.rules;
        this.sums = new double[rules.length];
        this.evidence = new Evidences[rules.length];
        this.features = new FeatureVector(classifier.featureNames);
    }

    /** Level, boilerplate and requirement-line rules describe the posting's shape, not its work. */
    private static boolean isFeature(Rule rule) {
        return rule.signal() != Signal.LEVEL && rule.signal() != Signal.BOILERPLATE && rule.signal() != Signal.REQUIREMENT;
    }

    /**
     * Matches the title's rules (those of scope TITLE or ANY) in the title, or in the department
     * ({@code field} DEPARTMENT), which weighs less and says only what the team does.
     */
    void title(String text, SourceField field) {
        boolean isTitle = field == SourceField.TITLE;
        features.words(text, field);
        classifier.titleMatcher.scan(text, (p, s, e) -> {
            int[] ofPattern = classifier.titleRules[p];
            for (int k = 0; k < ofPattern.length; k++) {
                int r = ofPattern[k];
                Rule rule = rules[r];
                if (isFeature(rule)) {
                    features.add(r, classifier.titlePhrases[p][k], isTitle ? Bucket.TITLE : Bucket.DEPARTMENT, 1, text,
                            field, s, e);
                }
                double w = rule.scope() == Scope.TITLE ? 1.0 : sections.titleWeight();
                if (isTitle) {
                    add(r, w, text, field, s, e);
                    if (rule.signal() == Signal.LEVEL && Classifier.rank(rule.level()) > Classifier.rank(titleLevel)
                            && classifier.levelReader.qualifiesRole(text, s, e)) {
                        titleLevel = rule.level();
                        titleLevelEvidence = new Evidence(text.substring(s, e), field, s, e, rule.id());
                    }
                } else if (rule.signal() != Signal.LEVEL && rule.signal() != Signal.MANAGER
                        && rule.signal() != Signal.NOT_ML) {
                    // A department says what the team does, not how senior the role is or whom it manages.
                    add(r, w * sections.departmentWeight(), text, field, s, e);
                }
            }
        });
    }

    int textLength() {
        return textLength;
    }

    void description(String text) {
        textLength = text.strip().length();
        hitCount = 0;
        // Sections are found first, so the scan can skip boilerplate sections (about us, benefits,
        // equal opportunity): they are never evidence, and often a third of a posting.
        Layout layout = classifier.layout(text);
        PhraseMatcher.MatchSink sink = (p, s, e) -> {
            if (hitCount * 3 + 3 > hits.length) {
                hits = Arrays.copyOf(hits, hits.length * 2);
            }
            hits[hitCount * 3] = p;
            hits[hitCount * 3 + 1] = s;
            hits[hitCount * 3 + 2] = e;
            hitCount++;
        };
        int lines = layout.lineCount();
        int line = 0;
        while (line < lines) {
            if (layout.kindOfLine(line) == SectionKind.BOILERPLATE) {
                line++;
                continue;
            }
            int from = layout.lineStart(line);
            while (line < lines && layout.kindOfLine(line) != SectionKind.BOILERPLATE) {
                line++;
            }
            int to = line < lines ? layout.lineStart(line) : text.length();
            classifier.textMatcher.scan(text, from, Math.min(to, text.length()), sink);
        }
        // First the boilerplate paragraphs, so that nothing in them counts, and the domains each line
        // names: a line naming many fields ("e.g. risk scoring, recommendation, NLP") lists examples.
        int[] lineDomains = new int[layout.lineCount()];
        for (int h = 0; h < hitCount; h++) {
            int hitLine = layout.lineOf(hits[h * 3 + 1]);
            for (int r : classifier.textRules[hits[h * 3]]) {
                if (rules[r].signal() == Signal.DOMAIN) {
                    lineDomains[hitLine] |= 1 << rules[r].domain().ordinal();
                }
                if (rules[r].signal() == Signal.BOILERPLATE) {
                    layout.markBoilerplateLine(hitLine);
                } else if (rules[r].signal() == Signal.REQUIREMENT) {
                    layout.markRequirementLine(hitLine);
                }
            }
        }
        for (int h = 0; h < hitCount; h++) {
            int p = hits[h * 3];
            int s = hits[h * 3 + 1];
            int e = hits[h * 3 + 2];
            int hitLine = layout.lineOf(s);
            SectionKind kind = layout.kindOfLine(hitLine);
            double w = sections.weight(kind);
            if (w <= 0) {
                continue;
            }
            boolean requirement = layout.isRequirementLine(hitLine);
            if (p == classifier.yearsPattern) {
                years(text, s, e, w);
            }
            int[] ofPattern = classifier.textRules[p];
            for (int k = 0; k < ofPattern.length; k++) {
                int r = ofPattern[k];
                Rule rule = rules[r];
                if (!rule.scope().text() || rule.signal() == Signal.BOILERPLATE || rule.signal() == Signal.REQUIREMENT) {
                    continue;
                }
                double weight = w;
                if (rule.signal() == Signal.DOMAIN
                        && Integer.bitCount(lineDomains[hitLine]) >= thresholds.domainExamples()) {
                    weight *= thresholds.domainExamplesWeight();
                }
                add(r, weight, text, SourceField.DESCRIPTION, s, e);
                if (isFeature(rule)) {
                    features.add(r, classifier.textPhrases[p][k], Bucket.ofText(kind, requirement), weight / w, text,
                            SourceField.DESCRIPTION, s, e);
                }
                if (rule.signal() == Signal.DOMAIN && requirement) {
                    requiredDomain[rule.domain().ordinal()] += rule.weight() * weight / w;
                }
                if (rule.signal() == Signal.LEVEL && Classifier.rank(rule.level()) > Classifier.rank(textLevel)) {
                    textLevel = rule.level();
                    textLevelEvidence = new Evidence(text.substring(s, e), SourceField.DESCRIPTION, s, e, rule.id());
                }
            }
        }
    }

    /** Tries the years pattern just before a "years" match; the largest lower bound asked wins. */
    private void years(String text, int s, int e, double weight) {
        Taxonomy.LevelRules levels = classifier.taxonomy().levels();
        Matcher m = levels.years().matcher(text);
        m.region(Math.max(0, s - 24), e);
        // Let the pattern's look-arounds see past the region ("5 years to realize" is no requirement).
        m.useTransparentBounds(true).useAnchoringBounds(false);
        while (m.find()) {
            if (m.end() != e) {
                continue;
            }
            int n;
            try {
                n = Integer.parseInt(m.group(1));
            } catch (NumberFormatException ex) {
                continue;
            }
            if (n >= 0 && n <= levels.maxYears() && n > years
                    && !classifier.levelReader.countsManagingYears(text, m.end())) {
                years = n;
                yearsEvidence = new Evidence(text.substring(m.start(), m.end()), SourceField.DESCRIPTION,
                        m.start(), m.end(), "levels.years");
            }
        }
    }

    private void add(int r, double weight, String fieldText, SourceField field, int s, int e) {
        Rule rule = rules[r];
        sums[r] = Math.min(rule.cap(), sums[r] + weight);
        signalSums = null;
        if (evidence[r] == null) {
            evidence[r] = new Evidences();
        }
        evidence[r].offer(weight, fieldText, field, s, e, rule.id());
    }

    /** The sum of a signal's weighted, capped matches. */
    double signal(Signal signal) {
        sumUp();
        return signalSums[signal.ordinal()];
    }

    /** Adds up each signal's and each domain's rules, in the rules' order. */
    private void sumUp() {
        if (signalSums != null) {
            return;
        }
        double[] bySignal = new double[Signal.values().length];
        double[] byDomain = new double[Domain.values().length];
        for (int r = 0; r < rules.length; r++) {
            bySignal[rules[r].signal().ordinal()] += rules[r].weight() * sums[r];
            if (rules[r].signal() == Signal.DOMAIN) {
                byDomain[rules[r].domain().ordinal()] += rules[r].weight() * sums[r];
            }
        }
        domainSums = byDomain;
        signalSums = bySignal;
    }

    /** The sum of a signal's matches from rules of one scope. */
    double signal(Signal signal, Scope scope) {
        double total = 0;
        for (int r = 0; r < rules.length; r++) {
            if (rules[r].signal() == signal && rules[r].scope() == scope) {
                total += rules[r].weight() * sums[r];
            }
        }
        return total;
    }

    double domain(Domain domain) {
        sumUp();
        return domainSums[domain.ordinal()];
    }

    boolean has(Signal signal) {
        return signal(signal) > 0;
    }

    /** The best evidence of a signal, from the rules that contributed most. */
    List<Evidence> evidence(Signal signal, int max) {
        return evidence(r -> rules[r].signal() == signal, max);
    }

    List<Evidence> domainEvidence(Domain domain, int max) {
        return evidence(r -> rules[r].signal() == Signal.DOMAIN && rules[r].domain() == domain, max);
    }

    private List<Evidence> evidence(java.util.function.IntPredicate which, int max) {
        List<Integer> contributing = new ArrayList<>();
        for (int r = 0; r < rules.length; r++) {
            if (which.test(r) && evidence[r] != null && sums[r] > 0) {
                contributing.add(r);
            }
        }
        contributing.sort(Comparator.<Integer>comparingDouble(r -> -Math.abs(rules[r].weight() * sums[r]))
                .thenComparingInt(r -> r));
        List<Evidence> out = new ArrayList<>();
        for (int r : contributing) {
            for (Evidence ev : evidence[r].list()) {
                if (out.size() < max && out.stream().noneMatch(o -> o.start() == ev.start() && o.field() == ev.field())) {
                    out.add(ev);
                }
            }
        }
        return out;
    }
}
