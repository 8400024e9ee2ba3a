package io.roleradar.classifier.learn;

import io.roleradar.model.Evidence;
import io.roleradar.model.SourceField;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The features of one posting that the learned decisions read: how often each taxonomy rule, and
 * each phrase of it, matched in each {@link Bucket} (a feature's value is {@code log(1 + matches)},
 * so the tenth repetition of a phrase adds little), the words of the title and department, and the
 * calls of the hand-set thresholds. Each feature keeps the span of its first match, which becomes
 * the evidence of a tag it sways; evidence text is cut out only for the few spans shown.
 * One instance per posting; filled by the classifier's scan.
 */
public final class FeatureVector {
    /** The prefix of a title-word feature's name: {@code title:engineer}. */
    public static final String TITLE_WORD = "title:";
    /** The prefix of a department-word feature's name: {@code department:research}. */
    public static final String DEPARTMENT_WORD = "department:";
    /**
     * The prefix of a feature that is a call of the hand-set thresholds ({@code hand:mlRole},
     * {@code hand:infra}, {@code hand:specialist}, {@code hand:domain.NLP_LLM}): 1 when they say yes.
     * The learned weights correct those calls rather than start from nothing.
     */
    public static final String HAND = "hand:";
    private static final SourceField[] FIELDS = SourceField.values();

    private final FeatureNames names;
    /** The text of each field, by {@link SourceField} ordinal, for cutting evidence out of it. */
    private final String[] texts = new String[FIELDS.length];
    private final double[] counts;
    /** The first match of each rule feature: start, end and field, packed. */
    private final int[] firstStart;
    private final int[] firstEnd;
    private final byte[] firstField;
    private int[] fired;
    /** {@code log(1 + count)} of each rule feature, made on the first read once the scan is over. */
    private double[] values;
    /** Phrase features by {@code phrase * Bucket.COUNT + bucket}: few fire per posting, so a map. */
    private final Map<Integer, PhraseCount> phrases = new HashMap<>();
    private final Map<String, PhraseCount> words = new LinkedHashMap<>();
    private final Map<String, Supplier<List<Evidence>>> hand = new LinkedHashMap<>();

    /** How often one phrase or word matched in one place, and where first. */
    public final class PhraseCount {
        private double count;
        /** {@code log(1 + count)} once asked for: every decision reads it, the count no longer changes. */
        private double value = Double.NaN;
        private final int start;
        private final int end;
        private final SourceField field;
        private final String rule;

        PhraseCount(SourceField field, int start, int end, String rule) {
            this.field = field;
            this.start = start;
            this.end = end;
            this.rule = rule;
        }

        public double value() {
            if (Double.isNaN(value)) {
                value = Math.log1p(count);
            }
            return value;
        }

        private void add(double amount) {
            count += amount;
            value = Double.NaN;
        }

        public Evidence evidence() {
            return new Evidence(texts[field.ordinal()].substring(start, end), field, start, end, rule);
        }
    }

    /** @param names the names of the taxonomy's rule and phrase features */
    public FeatureVector(FeatureNames names) {
        this.names = names;
        this.counts = new double[names.rules() * Bucket.COUNT];
        this.firstStart = new int[counts.length];
        this.firstEnd = new int[counts.length];
        this.firstField = new byte[counts.length];
    }

    /** The index of the feature "rule {@code rule} in {@code bucket}". */
    public static int index(int rule, Bucket bucket) {
        return rule * Bucket.COUNT + bucket.ordinal();
    }

    /**
     * One match of phrase {@code phrase} of rule {@code rule} in {@code bucket}, counting
     * {@code amount} (1, less on a line of examples): a feature of the rule and one of the phrase.
     */
    public void add(int rule, int phrase, Bucket bucket, double amount, String fieldText, SourceField field, int start, int end) {
        texts[field.ordinal()] = fieldText;
        fired = null;
        values = null;
        int f = index(rule, bucket);
        if (counts[f] == 0) {
            keepFirst(f, field, start, end);
        } else if (firstField[f] == field.ordinal() && start < firstEnd[f] && firstStart[f] < end
                && end - start > firstEnd[f] - firstStart[f]) {
            // Of overlapping matches ("speech" inside "speech recognition") the longer is the evidence.
            keepFirst(f, field, start, end);
        }
        counts[f] += amount;
        phrases.computeIfAbsent(phrase * Bucket.COUNT + bucket.ordinal(),
                k -> new PhraseCount(field, start, end, names.ruleId(rule))).add(amount);
    }

    private void keepFirst(int f, SourceField field, int start, int end) {
        firstStart[f] = start;
        firstEnd[f] = end;
        firstField[f] = (byte) field.ordinal();
    }

    /** The phrase features that fired, by {@code phrase * Bucket.COUNT + bucket}. */
    public Map<Integer, PhraseCount> phrases() {
        return phrases;
    }

    /** The name of phrase feature {@code key}: {@code ruleId:phrase@BUCKET}. */
    public String phraseName(int key) {
        return names.phraseFeature(key);
    }

    /** Adds every word of a title or department, lower-cased, as a feature with its span. */
    public void words(String text, SourceField field) {
        texts[field.ordinal()] = text;
        String prefix = field == SourceField.TITLE ? TITLE_WORD : DEPARTMENT_WORD;
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                String word = prefix + text.substring(start, i).toLowerCase(Locale.ROOT);
                words.putIfAbsent(word, new PhraseCount(field, start, i, "words"));
            }
        }
    }

    /** A "yes" of the hand-set thresholds, named after its decision, with the evidence they would give. */
    public void hand(String decision, Supplier<List<Evidence>> evidence) {
        hand.put(HAND + decision, evidence);
    }

    /** The hand-set calls that said yes, by feature name, each with its evidence (computed when asked). */
    public Map<String, Supplier<List<Evidence>>> hand() {
        return hand;
    }

    /** The value of rule feature {@code f}: {@code log(1 + matches)}, 0 when it never matched. */
    public double value(int f) {
        if (values == null) {
            values = new double[counts.length];
            for (int g = 0; g < counts.length; g++) {
                values[g] = counts[g] == 0 ? 0 : Math.log1p(counts[g]);
            }
        }
        return values[f];
    }

    public Evidence evidence(int f) {
        SourceField field = FIELDS[firstField[f]];
        return new Evidence(texts[field.ordinal()].substring(firstStart[f], firstEnd[f]), field, firstStart[f], firstEnd[f],
                names.ruleId(f / Bucket.COUNT));
    }

    /** The title and department words, by feature name, each with its first span. */
    public Map<String, PhraseCount> words() {
        return words;
    }

    /** The name of rule feature {@code f}, as the taxonomy's {@code model} section spells it. */
    public String name(int f) {
        return names.ruleFeature(f);
    }

    public static String name(String ruleId, Bucket bucket) {
        return ruleId + "@" + bucket.name();
    }

    /** Every feature that fired, by name, with its value: what the training tool learns from. */
    public Map<String, Double> named() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int f : fired()) {
            out.put(name(f), value(f));
        }
        phrases.forEach((key, c) -> out.put(phraseName(key), c.value()));
        for (String w : words.keySet()) {
            out.put(w, 1.0);
        }
        for (String h : hand.keySet()) {
            out.put(h, 1.0);
        }
        return out;
    }

    /** The rule features that fired, in index order. */
    int[] fired() {
        if (fired == null) {
            int n = 0;
            for (double c : counts) {
                n += c > 0 ? 1 : 0;
            }
            int[] out = new int[n];
            n = 0;
            for (int f = 0; f < counts.length; f++) {
                if (counts[f] > 0) {
                    out[n++] = f;
                }
            }
            fired = out;
        }
        return fired;
    }
}
