package io.roleradar.ingest.text;

import io.roleradar.model.RemoteMode;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides REMOTE, HYBRID, ONSITE or UNKNOWN from a source's structured field, its location and the
 * description. An ONSITE field is often a default nobody set ("On-Site" on a job whose text says
 * "hybrid, three days in the office"), so a clear statement in the text wins over it; without a
 * structured field the text decides alone. The text only counts when it uses unambiguous phrases, since "remote" alone also means remote sensing or
 * remote teams.
 */
public final class RemoteModes {
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
    private static final Pattern REMOTE_LOCATION = Pattern.compile("\\bremote\\b|\\banywhere\\b|\\bwork from home\\b",
            Pattern.CASE_INSENSITIVE);

    private RemoteModes() {
    }

    /** A source's own word for the workplace ("Remote", "OnSite", "hybrid", "TELECOMMUTE") as a mode. */
    public static RemoteMode fromField(String value) {
        if (value == null || value.isBlank()) {
            return RemoteMode.UNKNOWN;
        }
        String v = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (v.contains("hybrid")) {
            return RemoteMode.HYBRID;
        }
        if (v.contains("remote") || v.contains("telecommute") || v.contains("wfh") || v.contains("anywhere")) {
            return RemoteMode.REMOTE;
        }
        if (v.contains("onsite") || v.contains("inoffice") || v.contains("office") || v.contains("inperson")) {
            return RemoteMode.ONSITE;
        }
        return RemoteMode.UNKNOWN;
    }

    /**
     * The mode, given the structured field's mode (UNKNOWN when the source has none), the primary
     * location and the description text.
     */
    public static RemoteMode decide(RemoteMode structured, String location, String title, String description) {
        RemoteMode s = structured == null ? RemoteMode.UNKNOWN : structured;
        if (s == RemoteMode.REMOTE || s == RemoteMode.HYBRID) {
            // Deliberate choices the text does not overrule: no need to read it.
            return s;
        }
        if (s == RemoteMode.UNKNOWN && location != null && REMOTE_LOCATION.matcher(location).find()) {
            s = location.toLowerCase(Locale.ROOT).contains("hybrid") ? RemoteMode.HYBRID : RemoteMode.REMOTE;
        } else if (s == RemoteMode.UNKNOWN && location != null && location.toLowerCase(Locale.ROOT).contains("hybrid")) {
            s = RemoteMode.HYBRID;
        }
        if (s == RemoteMode.REMOTE || s == RemoteMode.HYBRID) {
            return s;
        }
        RemoteMode inTitle = fromText(title);
        RemoteMode fromText = inTitle != RemoteMode.UNKNOWN ? inTitle : fromText(description);
        if (s == RemoteMode.UNKNOWN) {
            return fromText;
        }
        // Only an ONSITE field is overridden by the text: it is the default many ATS forms leave
        // set, while REMOTE and HYBRID are deliberate choices (and company boilerplate such as a
        // "hybrid policy" paragraph would otherwise overrule them).
        if (s == RemoteMode.ONSITE && (fromText == RemoteMode.HYBRID || fromText == RemoteMode.REMOTE)) {
            return fromText;
        }
        return s;
    }

    private static final int WINDOW = 60;
    /** The words the patterns start from, each in lower case; a hit is found ignoring ASCII case. */
    private static final String[] WORDS = {"hybrid", "office", "remote", "anywhere", "site", "person"};
    private static final int HYBRID_WORD = 1;
    private static final int OFFICE_WORD = 1 << 1;
    private static final int REMOTE_WORD = 1 << 2;
    private static final int ANYWHERE_WORD = 1 << 3;
    private static final int SITE_WORD = 1 << 4;
    private static final int PERSON_WORD = 1 << 5;
    private static final RemoteWordScanner WORD_SCANNER = new RemoteWordScanner(WORDS);

    /**
     * Where the words occur: {@code position << 6 | word bit}, in text order. One pass of
     * {@link RemoteWordScanner}, comparing ASCII case-insensitively in place: lower-casing every
     * description first, then searching it once per word, showed in profiles.
     */
    static long[] hits(String text) {
        return WORD_SCANNER.hits(text);
    }

    /** A literal every HYBRID match that is not the word "hybrid" itself holds ("two days a week in the office"). */
    private static final RemoteWordScanner HYBRID_LITERALS = new RemoteWordScanner("week");
    /** Every ONSITE alternative holds one of these literals ("on-site role", "days a week", "this position", "not remote"). */
    private static final RemoteWordScanner ONSITE_LITERALS = new RemoteWordScanner("role", "position", "job", "week", "not");

    /*
     * Every alternative of the patterns starts with \b and a letter or digit, so a match can only
     * start on one of these characters (either case) with no ASCII letter, digit or underscore
     * before it: windows are searched from those places alone, as running the pattern from every
     * character of every window showed in profiles. Keep them in step with the patterns.
     */
    /** First characters of HYBRID's alternatives: hybrid; one, two, three, four, 1-4. */
    private static final boolean[] HYBRID_STARTS = startCharacters("hotf1234");
    /** First characters of REMOTE's alternatives: fully, 100%, completely, entirely; remote; work; this, the. */
    private static final boolean[] REMOTE_STARTS = startCharacters("f1cerwt");
    /** First characters of ONSITE's alternatives: on-site; in-office, in-person; five, 5; this; not. */
    private static final boolean[] ONSITE_STARTS = startCharacters("oif5tn");

    private static boolean[] startCharacters(String lowerCase) {
        boolean[] starts = new boolean[128];
        for (char c : lowerCase.toCharArray()) {
            starts[c] = true;
            starts[Character.toUpperCase(c)] = true;
        }
        return starts;
    }

    /**
     * True when the pattern, whose alternatives start with the {@code starts} characters, matches
     * in a window around an occurrence of one of the words. The windows of the words in
     * {@code checked} are skipped when they hold none of the literals: a match inside a window
     * holds one of them (case-insensitively, as the patterns compare), so the answer is the same,
     * without running the pattern over most windows.
     */
    private static boolean matchesNear(Pattern pattern, boolean[] starts, String text, long[] hits, int words,
            int checked, RemoteWordScanner literals) {
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
            if ((word & checked) != 0 && !literals.anyWithin(text, from, to)) {
                continue;
            }
            // The pattern finds a match in [from, to) exactly when one starts on one of its start
            // characters there and ends by `to`.
            for (int s = from; s < to; s++) {
                char c = text.charAt(s);
                if (c >= 128 || !starts[c] || s > 0 && isAsciiWordCharacter(text.charAt(s - 1))) {
                    continue;
                }
                if (m == null) {
                    m = pattern.matcher(text);
                }
                m.region(s, to);
                // Word boundaries look past the region, so a cut word does not match by accident.
                m.useTransparentBounds(true);
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True for the ASCII characters {@code \b} counts as part of a word: no word starts after one. */
    private static boolean isAsciiWordCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** What the text alone says, UNKNOWN unless it uses one of the unambiguous phrases. */
    public static RemoteMode fromText(String text) {
        if (text == null || text.isBlank()) {
            return RemoteMode.UNKNOWN;
        }
        // The patterns only run in a window around the words they start from: scanning whole
        // descriptions with them dominated extraction time.
        long[] hits = hits(text);
        if (hits.length == 0) {
            return RemoteMode.UNKNOWN;
        }
        // An "office" window can only hold a HYBRID match through "week": the word "hybrid" is
        // found in its own window.
        if (matchesNear(HYBRID, HYBRID_STARTS, text, hits, HYBRID_WORD | OFFICE_WORD, OFFICE_WORD, HYBRID_LITERALS)) {
            return RemoteMode.HYBRID;
        }
        boolean remote = matchesNear(REMOTE, REMOTE_STARTS, text, hits, REMOTE_WORD | ANYWHERE_WORD, 0, null);
        int onsiteWords = SITE_WORD | OFFICE_WORD | PERSON_WORD | REMOTE_WORD;
        boolean onsite = matchesNear(ONSITE, ONSITE_STARTS, text, hits, onsiteWords, onsiteWords, ONSITE_LITERALS);
        if (remote == onsite) {
            return RemoteMode.UNKNOWN;
        }
        return remote ? RemoteMode.REMOTE : RemoteMode.ONSITE;
    }
}
