package io.roleradar.ingest.text;

import io.roleradar.model.RemoteMode;

import java.util.regex.Pattern;

/**
 * {@link RemoteModes#fromText} as it was before {@link RemoteWordScanner}, kept word for word as the
 * answers the faster code must give: first letters looked up in a table, then compared in place,
 * and each pattern run over every character of the windows that hold its literals.
 */
final class RemoteModesReference {
    private RemoteModesReference() {
    }

    private static final Pattern HYBRID = Pattern.compile(
            "\\bhybrid\\b(?![- ](?:cloud|model|search|approach|architecture|system|quantum|infrastructure|deployment|environment))"
                    + "|\\b(?:one|two|three|four|[1-4])\\s*(?:\\+\\s*)?(?:days?)\\s+(?:a|per|each)\\s+week\\s+(?:in|at|from)\\s+(?:the|our)\\s+office",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REMOTE = Pattern.compile(
            "\\b(?:fully|100%|completely|entirely)\\s+remote\\b|\\bremote[- ](?:first|friendly|only)\\b"
                    + "|\\bwork\\s+from\\s+anywhere\\b|\\b(?:this|the)\\s+(?:role|position|job)\\s+is\\s+(?:fully\\s+)?remote\\b"
                    + "|\\bremote\\s+(?:role|position|opportunity|job)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ONSITE = Pattern.compile(
            "\\b(?:on[- ]?site|in[- ]office|in[- ]person)\\s+(?:role|position|job)\\b"
                    + "|\\b(?:five|5)\\s+days\\s+(?:a|per)\\s+week\\s+(?:in|at)\\s+(?:the|our)\\s+office"
                    + "|\\bthis\\s+(?:role|position)\\s+is\\s+(?:based\\s+)?(?:on[- ]?site|in[- ]office|in[- ]person)\\b"
                    + "|\\bnot\\s+(?:a\\s+)?remote\\b",
            Pattern.CASE_INSENSITIVE);
    private static final int WINDOW = 60;
    /** The words the patterns start from, each in lower case; a hit is found ignoring ASCII case. */
    private static final String[] WORDS = {"hybrid", "office", "remote", "anywhere", "site", "person"};
    private static final int HYBRID_WORD = 1;
    private static final int OFFICE_WORD = 1 << 1;
    private static final int REMOTE_WORD = 1 << 2;
    private static final int ANYWHERE_WORD = 1 << 3;
    private static final int SITE_WORD = 1 << 4;
    private static final int PERSON_WORD = 1 << 5;

    /**
     * Where the words occur: {@code position << 6 | word bit}, in text order. One pass, comparing
     * ASCII case-insensitively in place: lower-casing every description first, then searching it
     * once per word, showed in profiles.
     */
    static long[] hits(char[] chars) {
        long[] hits = new long[8];
        int count = 0;
        int n = chars.length;
        final byte[] first = FIRST_CHAR;
        for (int i = 0; i + 3 < n; i++) {
            char c = chars[i];
            if (c >= 128) {
                continue;
            }
            int word = first[c];
            if (word < 0) {
                continue;
            }
            char[] w = WORD_CHARS[word];
            // Two more letters before the full comparison: "re", "an", "of" and "pe" are common.
            if ((chars[i + 1] | 0x20) != w[1] || (chars[i + 2] | 0x20) != w[2] || !startsWithIgnoringAsciiCase(chars, i, w)) {
                continue;
            }
            if (count + 1 >= hits.length) {
                hits = java.util.Arrays.copyOf(hits, hits.length * 2);
            }
            hits[count++] = (long) i << 6 | 1L << word;
        }
        return java.util.Arrays.copyOf(hits, count);
    }

    /** For each ASCII character, the index in {@link #WORDS} of the word starting with it (either case), else -1. */
    private static final byte[] FIRST_CHAR = new byte[128];
    private static final char[][] WORD_CHARS = new char[WORDS.length][];

    static {
        java.util.Arrays.fill(FIRST_CHAR, (byte) -1);
        for (int w = 0; w < WORDS.length; w++) {
            char lower = WORDS[w].charAt(0);
            FIRST_CHAR[lower] = (byte) w;
            FIRST_CHAR[Character.toUpperCase(lower)] = (byte) w;
            WORD_CHARS[w] = WORDS[w].toCharArray();
        }
    }

    private static boolean startsWithIgnoringAsciiCase(char[] text, int at, char[] lowerWord) {
        int m = lowerWord.length;
        if (at + m > text.length) {
            return false;
        }
        for (int k = 0; k < m; k++) {
            char c = text[at + k];
            if (c != lowerWord[k] && !(c >= 'A' && c <= 'Z' && c + ('a' - 'A') == lowerWord[k])) {
                return false;
            }
        }
        return true;
    }

    /** A literal every HYBRID match that is not the word "hybrid" itself holds ("two days a week in the office"). */
    private static final char[][] HYBRID_LITERALS = {"week".toCharArray()};
    /** Every ONSITE alternative holds one of these literals ("on-site role", "days a week", "this position", "not remote"). */
    private static final char[][] ONSITE_LITERALS = {"role".toCharArray(), "position".toCharArray(), "job".toCharArray(),
            "week".toCharArray(), "not".toCharArray()};

    /**
     * True when the pattern matches in a window around an occurrence of one of the words. The
     * windows of the words in {@code checked} are skipped when they hold none of the literals: a
     * match inside a window holds one of them (case-insensitively, as the patterns compare), so
     * the answer is the same, without running the pattern over most windows.
     */
    private static boolean matchesNear(Pattern pattern, String text, char[] chars, long[] hits, int words, int checked,
            char[][] literals) {
        java.util.regex.Matcher m = null;
        for (long hit : hits) {
            int word = (int) (hit & 63);
            if ((word & words) == 0) {
                continue;
            }
            int at = (int) (hit >>> 6);
            int length = WORDS[Integer.numberOfTrailingZeros(word)].length();
            int from = Math.max(0, at - WINDOW);
            int to = Math.min(text.length(), at + length + WINDOW);
            if ((word & checked) != 0 && !containsAny(chars, from, to, literals)) {
                continue;
            }
            if (m == null) {
                m = pattern.matcher(text);
            }
            m.region(from, to);
            // Word boundaries look past the region, so a cut word does not match by accident.
            m.useTransparentBounds(true);
            if (m.find()) {
                return true;
            }
        }
        return false;
    }

    /** True when one of the lower-case literals lies wholly within {@code chars[from, to)}, ignoring ASCII case. */
    private static boolean containsAny(char[] chars, int from, int to, char[][] literals) {
        for (int k = from; k < to; k++) {
            int first = chars[k] | 0x20;
            for (char[] literal : literals) {
                if (first == literal[0] && k + literal.length <= to && startsWithIgnoringAsciiCase(chars, k, literal)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What the text alone says, as {@link RemoteModes#fromText} answered before its word scanner. */
    static RemoteMode fromText(String text) {
        if (text == null || text.isBlank()) {
            return RemoteMode.UNKNOWN;
        }
        // The patterns only run in a window around the words they start from: scanning whole
        // descriptions with them dominated extraction time.
        char[] chars = text.toCharArray();
        long[] hits = hits(chars);
        if (hits.length == 0) {
            return RemoteMode.UNKNOWN;
        }
        // An "office" window can only hold a HYBRID match through "week": the word "hybrid" is
        // found in its own window.
        if (matchesNear(HYBRID, text, chars, hits, HYBRID_WORD | OFFICE_WORD, OFFICE_WORD, HYBRID_LITERALS)) {
            return RemoteMode.HYBRID;
        }
        boolean remote = matchesNear(REMOTE, text, chars, hits, REMOTE_WORD | ANYWHERE_WORD, 0, null);
        int onsiteWords = SITE_WORD | OFFICE_WORD | PERSON_WORD | REMOTE_WORD;
        boolean onsite = matchesNear(ONSITE, text, chars, hits, onsiteWords, onsiteWords, ONSITE_LITERALS);
        if (remote == onsite) {
            return RemoteMode.UNKNOWN;
        }
        return remote ? RemoteMode.REMOTE : RemoteMode.ONSITE;
    }
}
