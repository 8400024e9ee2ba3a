package io.roleradar.classifier.learn;

import io.roleradar.classifier.taxonomy.Rule;
import io.roleradar.classifier.taxonomy.Taxonomy;
import io.roleradar.model.Evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One yes/no decision learned from the labels: a logistic regression over a posting's
 * {@link FeatureVector}. Its weights come from the taxonomy's {@code model} section, so deciding is a
 * plain dot product, and the features that pushed hardest towards the answer are its evidence.
 */
public final class LinearDecision {
    private final double bias;
    private final double threshold;
    private final double[] ruleWeights;
    private final Map<String, Double> wordWeights;
    /**
     * By phrase feature key, {@code phrase * Bucket.COUNT + bucket}, as {@link FeatureVector#phrases()};
     * 0 for a phrase feature the decision has no weight for.
     */
    private final double[] phraseWeights;

    private LinearDecision(double bias, double threshold, double[] ruleWeights, Map<String, Double> wordWeights,
                           double[] phraseWeights) {
        this.bias = bias;
        this.threshold = threshold;
        this.ruleWeights = ruleWeights;
        this.wordWeights = wordWeights;
        this.phraseWeights = phraseWeights;
    }

    /** Binds the weights by feature name to the taxonomy's rules, in their order. */
    public static LinearDecision compile(Taxonomy.DecisionWeights weights, List<Rule> rules) {
        Map<String, Integer> ruleIndex = new HashMap<>();
        Map<String, Integer> phraseIndex = new HashMap<>();
        int phrase = 0;
        for (int r = 0; r < rules.size(); r++) {
            ruleIndex.put(rules.get(r).id(), r);
            for (String p : rules.get(r).phrases()) {
                phraseIndex.putIfAbsent(rules.get(r).id() + ":" + p, phrase++);
            }
        }
        double[] phrases = new double[phrase * Bucket.COUNT];
        double[] byRule = new double[rules.size() * Bucket.COUNT];
        Map<String, Double> words = new HashMap<>();
        weights.weights().forEach((name, w) -> {
            if (name.startsWith(FeatureVector.TITLE_WORD) || name.startsWith(FeatureVector.DEPARTMENT_WORD)
                    || name.startsWith(FeatureVector.HAND)) {
                words.put(name, w);
                return;
            }
            int at = name.lastIndexOf('@');
            // The loader has checked every name, so the rule, phrase and bucket exist.
            if (name.indexOf(':') >= 0) {
                phrases[phraseIndex.get(name.substring(0, at)) * Bucket.COUNT + Bucket.valueOf(name.substring(at + 1)).ordinal()] = w;
                return;
            }
            byRule[FeatureVector.index(ruleIndex.get(name.substring(0, at)), Bucket.valueOf(name.substring(at + 1)))] = w;
        });
        return new LinearDecision(weights.bias(), weights.threshold(), byRule, words, phrases);
    }

    /** The probability of "yes" for this posting. */
    public double probability(FeatureVector v) {
        double z = bias;
        for (int f : v.fired()) {
            z += ruleWeights[f] * v.value(f);
        }
        for (Map.Entry<Integer, FeatureVector.PhraseCount> p : v.phrases().entrySet()) {
            double w = phraseWeights[p.getKey()];
            if (w != 0) {
                z += w * p.getValue().value();
            }
        }
        for (String word : v.words().keySet()) {
            z += wordWeights.getOrDefault(word, 0.0);
        }
        for (String call : v.hand().keySet()) {
            z += wordWeights.getOrDefault(call, 0.0);
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** "Yes" when the probability reaches the threshold the training chose. */
    public boolean yes(double probability) {
        return probability >= threshold;
    }

    /**
     * The spans of the features that pushed most towards {@code yes} (or towards no), strongest
     * first, at most {@code max}, one per place in the posting.
     */
    public List<Evidence> evidence(FeatureVector v, boolean yes, int max) {
        // A push knows its span, or (a hand-set call) the evidence of the phrases behind it.
        record Push(double amount, String name, FeatureVector.PhraseCount span, Supplier<List<Evidence>> behind) {
            Push(double amount, String name, FeatureVector.PhraseCount span) {
                this(amount, name, span, null);
            }
        }

        List<Push> pushes = new ArrayList<>();
        for (int f : v.fired()) {
            double c = ruleWeights[f] * v.value(f);
            if (yes ? c > 0 : c < 0) {
                pushes.add(new Push(Math.abs(c), v.name(f), null, () -> List.of(v.evidence(f))));
            }
        }
        v.phrases().forEach((key, count) -> {
            double c = phraseWeights[key] * count.value();
            if (yes ? c > 0 : c < 0) {
                pushes.add(new Push(Math.abs(c), v.phraseName(key), count));
            }
        });
        v.words().forEach((word, span) -> {
            double c = wordWeights.getOrDefault(word, 0.0);
            if (yes ? c > 0 : c < 0) {
                pushes.add(new Push(Math.abs(c), word, span));
            }
        });
        v.hand().forEach((call, evidence) -> {
            double c = wordWeights.getOrDefault(call, 0.0);
            if (yes ? c > 0 : c < 0) {
                pushes.add(new Push(Math.abs(c), call, null, evidence));
            }
        });
        pushes.sort(Comparator.comparingDouble(Push::amount).reversed().thenComparing(Push::name));
        List<Evidence> out = new ArrayList<>();
        for (Push p : pushes) {
            if (out.size() >= max) {
                break;
            }
            List<Evidence> candidates = p.span() != null ? List.of(p.span().evidence()) : p.behind().get();
            if (candidates.isEmpty()) {
                continue;
            }
            // A hand-set call stands for the phrases behind it: their first span speaks for it.
            Evidence e = candidates.get(0);
            if (out.stream().noneMatch(o -> o.field() == e.field() && o.start() < e.end() && e.start() < o.end())) {
                out.add(e);
            }
        }
        return out;
    }
}
