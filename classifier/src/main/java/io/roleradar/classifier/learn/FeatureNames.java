package io.roleradar.classifier.learn;

import io.roleradar.classifier.taxonomy.Rule;

import java.util.List;

/**
 * The names of a taxonomy's rule and phrase features, {@code ruleId@BUCKET} and
 * {@code ruleId:phrase@BUCKET}, made once per taxonomy: a decision's evidence orders the features
 * that pushed equally by name, and the training tool reads features by name.
 */
public final class FeatureNames {
    private final String[] ruleIds;
    /** By rule feature index, {@code rule * Bucket.COUNT + bucket}. */
    private final String[] ruleFeatures;
    /** By phrase feature key, {@code phrase * Bucket.COUNT + bucket}. */
    private final String[] phraseFeatures;

    /** @param rules the taxonomy's rules, in order; phrase ids count every rule's phrases in that order */
    public FeatureNames(List<Rule> rules) {
        this.ruleIds = rules.stream().map(Rule::id).toArray(String[]::new);
        String[] phrases = rules.stream().flatMap(r -> r.phrases().stream().map(p -> r.id() + ":" + p)).toArray(String[]::new);
        Bucket[] buckets = Bucket.values();
        this.ruleFeatures = new String[ruleIds.length * Bucket.COUNT];
        for (int f = 0; f < ruleFeatures.length; f++) {
            ruleFeatures[f] = FeatureVector.name(ruleIds[f / Bucket.COUNT], buckets[f % Bucket.COUNT]);
        }
        this.phraseFeatures = new String[phrases.length * Bucket.COUNT];
        for (int key = 0; key < phraseFeatures.length; key++) {
            phraseFeatures[key] = phrases[key / Bucket.COUNT] + "@" + buckets[key % Bucket.COUNT].name();
        }
    }

    /** How many rules there are. */
    int rules() {
        return ruleIds.length;
    }

    String ruleId(int rule) {
        return ruleIds[rule];
    }

    /** The name of rule feature {@code f}: {@code ruleId@BUCKET}. */
    String ruleFeature(int f) {
        return ruleFeatures[f];
    }

    /** The name of phrase feature {@code key}: {@code ruleId:phrase@BUCKET}. */
    String phraseFeature(int key) {
        return phraseFeatures[key];
    }
}
