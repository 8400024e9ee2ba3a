package io.roleradar.classifier.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every occurrence of a fixed set of phrases in a text in one pass, with an Aho-Corasick
 * automaton compiled to a dense transition table. Matching ignores case, treats any run of
 * whitespace, hyphens and underscores as one space ("fine-tuning" matches "fine tuning") and the
 * two apostrophes as one, and requires a word boundary on both sides, unless a phrase ends in
 * {@code *}, which makes it a prefix ("recommend*" matches "recommender"). The text is never
 * copied or lowercased: characters are folded on the fly, so offsets are those of the caller's text.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class PhraseMatcher {
    private static final int OTHER = 0;
    private static final int SPACE = 37;
    private static final int ALPHABET = 44;
    private static final int STATE_MASK = 0x7fff;
    private static final byte[] ASCII_CODES = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_CODES[c] = (byte) (c - 'a' + 1);
            ASCII_CODES[Character.toUpperCase(c)] = (byte) (c - 'a' + 1);
        }
        for (char c = '0'; c <= '9'; c++) {
            ASCII_CODES[c] = (byte) (c - '0' + 27);
        }
        for (char c : new char[] {' ', '\t', '\n', '\r', '\f', '-', '_'}) {
            ASCII_CODES[c] = SPACE;
        }
        ASCII_CODES['+'] = 38;
        ASCII_CODES['#'] = 39;
        ASCII_CODES['/'] = 40;
        ASCII_CODES['&'] = 41;
        ASCII_CODES['.'] = 42;
        ASCII_CODES['\''] = 43;
    }

    private final int[][] outputs;   // state -> pattern ids ending here (own and through failure links)
    private final int ringMask;
    private final char[] compact;
    private final int[] lengths;     // pattern id -> length in folded characters
    private final boolean[] prefix;  // pattern id -> no right word boundary required

    private PhraseMatcher(int[] transitions, int[][] outputs, int[] lengths, boolean[] prefix) {
        this.outputs = outputs;
        this.lengths = lengths;
        this.prefix = prefix;
        int maxLength = Arrays.stream(lengths).max().orElse(1);
        this.ringMask = Integer.highestOneBit(maxLength + 1) * 2 - 1;
        // The scan's table in half the memory of the build's (it is read once per character, and a
        // table that stays in the CPU cache is what makes the scan fast): the next state in 15 bits,
        // the top bit set when that state ends a pattern, so no second array is read per character.
        if (outputs.length > STATE_MASK) {
            throw new IllegalArgumentException("too many phrases: " + outputs.length + " automaton states, at most "
                    + STATE_MASK + "; split the taxonomy's phrases or shorten them");
        }
        this.compact = new char[transitions.length];
        for (int i = 0; i < transitions.length; i++) {
            int next = transitions[i];
            compact[i] = (char) (next | (outputs[next].length > 0 ? STATE_MASK + 1 : 0));
        }
    }

    /** The folded code of one character: what the automaton sees. */
    static int code(char c) {
        if (c < 128) {
            return ASCII_CODES[c];
        }
        if (c == '\u2019' || c == '\u2018') {
            return 43;
        }
        if (c == '\u2013' || c == '\u2014' || c == '\u00a0' || Character.isWhitespace(c)) {
            return SPACE;
        }
        return OTHER;
    }

    /**
     * Compiles the phrases; pattern ids are their indexes in the list. A phrase must contain at least
     * one letter or digit and only characters the matcher can fold (letters a-z, digits, space,
     * hyphen, {@code + # / & . '}).
     */
    public static PhraseMatcher compile(List<String> phrases) {
        List<int[]> folded = new ArrayList<>();
        boolean[] prefix = new boolean[phrases.size()];
        for (int i = 0; i < phrases.size(); i++) {
            String phrase = phrases.get(i).strip();
            if (phrase.endsWith("*")) {
                prefix[i] = true;
                phrase = phrase.substring(0, phrase.length() - 1).strip();
            }
            folded.add(fold(phrase));
        }
        // Build the trie in growable arrays, then turn it into a full DFA by breadth-first search.
        List<int[]> gotoRows = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        gotoRows.add(newRow());
        out.add(new ArrayList<>());
        int[] lengths = new int[phrases.size()];
        for (int p = 0; p < folded.size(); p++) {
            int state = 0;
            for (int code : folded.get(p)) {
                int next = gotoRows.get(state)[code];
                if (next < 0) {
                    next = gotoRows.size();
                    gotoRows.add(newRow());
                    out.add(new ArrayList<>());
                    gotoRows.get(state)[code] = next;
                }
                state = next;
            }
            out.get(state).add(p);
            lengths[p] = folded.get(p).length;
        }
        int states = gotoRows.size();
        int[] transitions = new int[states * ALPHABET];
        int[] fail = new int[states];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int[] bfsOrder = new int[states];
        int visited = 1;
        for (int c = 0; c < ALPHABET; c++) {
            int next = gotoRows.get(0)[c];
            if (next > 0) {
                fail[next] = 0;
                transitions[c] = next;
                queue.add(next);
            } else {
                transitions[c] = 0;
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            bfsOrder[visited++] = state;
            out.get(state).addAll(out.get(fail[state]));
            for (int c = 0; c < ALPHABET; c++) {
                int next = gotoRows.get(state)[c];
                if (next > 0) {
                    fail[next] = transitions[fail[state] * ALPHABET + c];
                    transitions[state * ALPHABET + c] = next;
                    queue.add(next);
                } else {
                    transitions[state * ALPHABET + c] = transitions[fail[state] * ALPHABET + c];
                }
            }
        }
        // Number the states breadth first: the shallow states, where a scan spends most of its
        // steps, then share a few cache lines at the start of the table.
        int[] renumber = new int[states];
        for (int i = 0; i < states; i++) {
            renumber[bfsOrder[i]] = i;
        }
        int[] ordered = new int[states * ALPHABET];
        int[][] outputs = new int[states][];
        for (int s = 0; s < states; s++) {
            int to = renumber[s];
            for (int c = 0; c < ALPHABET; c++) {
                ordered[to * ALPHABET + c] = renumber[transitions[s * ALPHABET + c]];
            }
            outputs[to] = out.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        return new PhraseMatcher(ordered, outputs, lengths, prefix);
    }

    private static int[] newRow() {
        int[] row = new int[ALPHABET];
        Arrays.fill(row, -1);
        return row;
    }

    private static int[] fold(String phrase) {
        int[] codes = new int[phrase.length()];
        int n = 0;
        boolean hasWordChar = false;
        for (int i = 0; i < phrase.length(); i++) {
            char ch = phrase.charAt(i);
            int c = code(ch);
            if (c == OTHER) {
                throw new IllegalArgumentException("phrase '" + phrase + "' has the character '" + ch
                        + "', which the matcher cannot fold: use letters a-z, digits, spaces, hyphens or + # / & . '");
            }
            if (c == SPACE && n > 0 && codes[n - 1] == SPACE) {
                continue;
            }
            hasWordChar |= c >= 1 && c <= 36;
            codes[n++] = c;
        }
        if (!hasWordChar) {
            throw new IllegalArgumentException("phrase '" + phrase + "' has no letter or digit to match");
        }
        return Arrays.copyOf(codes, n);
    }

    /** Calls {@code sink} for every whole-word occurrence in {@code text}, in order of their end. */
    public void scan(String text, MatchSink sink) {
        scan(text, 0, text.length(), sink);
    }

    /** As {@link #scan(String, MatchSink)} over {@code text[from, to)}; offsets are into {@code text}. */
    public void scan(String text, int from, int to, MatchSink sink) {
        // The hot loop of the classifier: one table lookup per character, no allocation but the ring.
        int state = 0;
        int[] starts = new int[ringMask + 1]; // original offset of each of the last folded characters
        int steps = 0;
        int previous = OTHER;
        char[] table = compact;
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            int c = ch < 128 ? ASCII_CODES[ch] : code(ch);
            if (c == SPACE && previous == SPACE) {
                continue; // a run of spaces is one space
            }
            previous = c;
            starts[steps & ringMask] = i;
            steps++;
            int next = table[state * ALPHABET + c];
            state = next & STATE_MASK;
            if (next > STATE_MASK) {
                int[] ends = outputs[state];
                for (int k = 0; k < ends.length; k++) {
                    int p = ends[k];
                    int start = starts[(steps - lengths[p]) & ringMask];
                    int end = i + 1;
                    if (isBoundary(text, start - 1) && (prefix[p] || isBoundary(text, end))) {
                        sink.match(p, start, end);
                    }
                }
            }
        }
    }

    private static boolean isBoundary(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return true;
        }
        return !Character.isLetterOrDigit(text.charAt(index));
    }

    /** Receives one match: the pattern id and the offsets of the matched text. */
    @FunctionalInterface
    public interface MatchSink {
        void match(int patternId, int start, int end);
    }

    /** One occurrence of a pattern at {@code [start, end)} of the scanned text. */
    public record Match(int patternId, int start, int end) {
    }

    /** Assigns pattern ids to distinct phrases, so one phrase used by several rules is matched once. */
    public static final class Builder {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> phrases = new ArrayList<>();

        /** The id of the phrase, adding it if new; phrases equal after folding share an id. */
        public int add(String phrase) {
            String key = phrase.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_-]+", " ")
                    .replace('\u2019', '\'');
            return ids.computeIfAbsent(key, k -> {
                phrases.add(phrase.strip());
                return phrases.size() - 1;
            });
        }

        public PhraseMatcher build() {
            return compile(phrases);
        }
    }
}
