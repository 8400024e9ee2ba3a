package io.roleradar.ingest.text;

import io.roleradar.model.RemoteMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides REMOTE, HYBRID, ONSITE or UNKNOWN from a source's structured field, its location and the
 * description. An ONSITE field is often a default nobody set ("On-Site" on a job whose text says
 * "hybrid, three days in the office"), so a clear statement in the text wins over it; a REMOTE
 * field gives way only to days a week in the office; without a structured field the text decides
 * alone.
 * The text only counts when it uses one of the unambiguous {@link #PHRASES}, since "remote" alone
 * also means remote sensing or remote teams.
 */
public final class RemoteModes {
    /** A number of days short of a full week: "two", "3", "3+", "2-3", "2/3". */
    private static final String COUNT = "(?:one|two|three|four|[1-4])(?:\\s*(?:-|\u2013|to|or|/)\\s*(?:two|three|four|[2-4]))?"
            + "\\s*(?:\\+\\s*)?";
    /** "a week", "per week", "each week", "/week". */
    private static final String A_WEEK = "\\s*(?:/\\s*|\\s(?:a|per|each)\\s+)week";
    private static final String IN_OFFICE = "(?:in[- ]?office|in[- ]person|on[- ]?site)";
    /**
     * The HYBRID phrases that state days a week in the office, in a group of their own: the
     * statements clear enough to make a REMOTE field HYBRID (see {@link #decide}). Those starting
     * with a number share it, and "the office" is found from its cue, so that the pattern tries few
     * alternatives at each word.
     */
    private static final String OFFICE_DAYS = "(?<officedays>" + COUNT + "(?:"
            // "3 days a week in the office", "2-3 days per week at our office"
            + "days?" + A_WEEK + "\\s+(?:in|at|from)\\s+(?:the|our)\\s+office"
            // "3 in-office days per week", "four days in-office per week"
            + "|" + IN_OFFICE + "\\s+days?" + A_WEEK + "|days?\\s+" + IN_OFFICE + A_WEEK + ")"
            // "in-office collaboration 3 days a week", "in-person at our NYC HQ (...) at least 2 days/week",
            // "come into the office two days per week": the office and its days in one sentence, not
            // perks ("in-office lunches two days per week")
            + "|(?:" + IN_OFFICE + "|office(?<=(?:in|into|to|at|from)\\s(?:the|our)\\soffice))\\b"
            + "(?:(?!lunch|meal|dinner|breakfast|snack|cater|event)[^.\\n]){0,60}?\\b" + COUNT + "days?" + A_WEEK + ")";
    /**
     * The phrases that state a mode in a title or description, one list per mode: each a regular
     * expression in lower case, matched from the start of a word in the lower-cased text (so case
     * does not matter). To recognise a new phrase, add it here. HYBRID wins over the others;
     * REMOTE and ONSITE phrases in the same text cancel out.
     */
    private static final Map<RemoteMode, List<String>> PHRASES = Map.of(
            RemoteMode.HYBRID, List.of(
                    // Not a hybrid of other things: clouds, models, "hybrid-casual" games, "hybrid teams of human and AI agents".
                    "hybrid\\b(?![- ](?:cloud|model|search|approach|architecture|system|quantum|infrastructure|deployment|environment"
                            + "|games?|casual|publisher|teams?\\s+of))",
                    OFFICE_DAYS),
            RemoteMode.REMOTE, List.of(
                    "(?:fully|100%|completely|entirely)\\s+remote\\b",
                    "remote[- ](?:first|friendly|only)\\b",
                    "work\\s+from\\s+anywhere\\b",
                    "(?:this|the)\\s+(?:role|position|job)\\s+is\\s+(?:fully\\s+)?remote\\b",
                    "remote\\s+(?:role|position|opportunity|job)\\b",
                    // A remote option: "open to remote candidates" (not "not open to ..."), "in London or remotely in the UK".
                    "(?<!not\\s)open\\s+to\\s+remote\\s+(?:candidates|applicants|employees|work)\\b",
                    "or\\s+remotely\\s+(?:in|from|within|across)\\b",
                    // A location stated in the text: "Location: Remote", "Eagan, Minnesota (Remote)".
                    "location\\s*:\\s*remote\\b",
                    "(?<=\\()remote\\)"),
            RemoteMode.ONSITE, List.of(
                    "(?:on[- ]?site|in[- ]office|in[- ]person)\\s+(?:role|position|job)\\b",
                    "fully\\s+(?:on[- ]?site|in[- ]office|in[- ]person)\\b",
                    "(?:five|5)\\s+days\\s+(?:a|per)\\s+week\\s+(?:in|at)\\s+(?:the|our)\\s+office",
                    "this\\s+(?:role|position)\\s+is\\s+(?:based\\s+)?(?:on[- ]?site|in[- ]office|in[- ]person)\\b",
                    "not\\s+(?:a\\s+)?remote\\b"));
    private static final List<RemoteMode> MODES = List.of(RemoteMode.HYBRID, RemoteMode.REMOTE, RemoteMode.ONSITE);
    /**
     * Words every phrase contains (checked at start). A regular expression tried at every position
     * of a 4,000-character description costs hundreds of microseconds, while finding these words
     * with {@code indexOf} costs a few: the phrases are looked for only around them.
     */
    private static final List<String> CUES = List.of("hybrid", "remote", "anywhere", "office", "site", "person", "week");
    /**
     * How far from a cue a phrase can start or end: the longest phrase around its cue, with room to
     * spare. An office and its days a week (up to about 100 characters) have a cue at each end, and
     * windows that overlap are merged.
     */
    private static final int REACH = 64;
    /**
     * All phrases in one pattern, a named group per mode, matched case-sensitively in the
     * lower-cased text. Where phrases of two modes match from the same start ("in-office role 3
     * days a week") the HYBRID one is found, which wins anyway; the search goes on from the
     * character after each match, so a phrase starting inside another is found.
     */
    private static final Pattern STATED = Pattern.compile(statedPattern());

    private static String statedPattern() {
        StringBuilder alternatives = new StringBuilder();
        for (RemoteMode mode : MODES) {
            for (String phrase : PHRASES.get(mode)) {
                String literal = phrase.replaceAll("\\\\.", "");
                if (!literal.equals(literal.toLowerCase(Locale.ROOT))) {
                    throw new IllegalStateException("a remote-mode phrase must be lower case (the text is): " + phrase);
                }
                if (CUES.stream().noneMatch(phrase.replace("[- ]?", "").replace("[- ]", "")::contains)) {
                    throw new IllegalStateException("a remote-mode phrase must contain one of " + CUES + ": " + phrase);
                }
            }
            alternatives.append(alternatives.isEmpty() ? "" : "|")
                    .append("(?<").append(mode.name()).append(">").append(String.join("|", PHRASES.get(mode))).append(")");
        }
        return "\\b(?:" + alternatives + ")";
    }

    /**
     * Words that make a sentence about some people only ("If you're based in Chicago, ...", "For
     * those based near San Francisco, ..."): the office days it states are not the role's.
     */
    private static final Pattern FOR_SOME = Pattern.compile("\\b(?:if\\s+you|for\\s+those|those\\s+(?:based|who|living)"
            + "|employees\\s+based)\\b");
    private static final Pattern NEGATION = Pattern.compile("\\b(?:not|no|never)\\b|n't\\b");
    private static final Pattern CLAUSE_TURN = Pattern.compile("\\bbut\\b");
    /** How far back a negation is looked for: "not offer remote or " is 20 characters. */
    private static final int NEGATION_REACH = 40;
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
        if (s == RemoteMode.HYBRID) {
            // A deliberate choice the text does not overrule: no need to read it.
            return s;
        }
        if (s == RemoteMode.REMOTE) {
            // Ashby's isRemote is true for hybrid roles too ("requires in-office collaboration 3
            // days a week"), so days a week in the office make a REMOTE field HYBRID, unless the
            // location, the title or the text also offers remote work. Company boilerplate about a
            // "hybrid policy" states no days and does not overrule it.
            if (REMOTE_LOCATION.matcher(location == null ? "" : location).find()
                    || REMOTE_LOCATION.matcher(title == null ? "" : title).find()) {
                return s;
            }
            Stated text = stated(description, false);
            return text.officeDays() && !text.remote() ? RemoteMode.HYBRID : s;
        }
        if (s == RemoteMode.UNKNOWN && location != null && location.toLowerCase(Locale.ROOT).contains("hybrid")) {
            return RemoteMode.HYBRID;
        }
        if (s == RemoteMode.UNKNOWN && location != null && REMOTE_LOCATION.matcher(location).find()) {
            return RemoteMode.REMOTE;
        }
        RemoteMode inTitle = fromText(title);
        RemoteMode fromText = inTitle != RemoteMode.UNKNOWN ? inTitle : fromText(description);
        // Here the field is UNKNOWN or ONSITE. Only an ONSITE field is overridden by the text: it is
        // the default many ATS forms leave set, while REMOTE and HYBRID are deliberate choices (and
        // company boilerplate such as a "hybrid policy" paragraph would otherwise overrule them).
        return fromText == RemoteMode.UNKNOWN ? s : fromText;
    }

    /** What the text alone says, UNKNOWN unless it uses one of the unambiguous phrases. */
    public static RemoteMode fromText(String text) {
        Stated stated = stated(text, true);
        if (stated.hybrid()) {
            return RemoteMode.HYBRID;
        }
        if (stated.remote() == stated.onsite()) {
            return RemoteMode.UNKNOWN;
        }
        return stated.remote() ? RemoteMode.REMOTE : RemoteMode.ONSITE;
    }

    /** Which modes' phrases a text uses, and whether one of its HYBRID phrases states days in the office. */
    private record Stated(boolean hybrid, boolean officeDays, boolean remote, boolean onsite) {
    }

    /** @param untilHybrid stop at the first HYBRID phrase, when only the mode is wanted: HYBRID wins */
    private static Stated stated(String text, boolean untilHybrid) {
        boolean hybrid = false;
        boolean officeDays = false;
        boolean remote = false;
        boolean onsite = false;
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        Matcher m = STATED.matcher(lower).useTransparentBounds(true).useAnchoringBounds(false);
        for (int[] window : windows(lower)) {
            m.region(window[0], window[1]);
            while (m.find()) {
                boolean stated = m.start(RemoteMode.HYBRID.name()) >= 0 && !negated(lower, m.start());
                hybrid |= stated;
                officeDays |= stated && m.start("officedays") >= 0 && !forSome(lower, m.start());
                remote |= m.start(RemoteMode.REMOTE.name()) >= 0;
                onsite |= m.start(RemoteMode.ONSITE.name()) >= 0;
                if (hybrid && untilHybrid) {
                    return new Stated(true, officeDays, remote, onsite);
                }
                m.region(m.start() + 1, window[1]);
            }
        }
        return new Stated(hybrid, officeDays, remote, onsite);
    }

    /**
     * Whether the clause before {@code at} denies what follows: "we do not offer remote or hybrid
     * options", "(no remote/hybrid please)". A "but" after the negation turns the clause back ("not
     * fully remote but hybrid"). Only HYBRID phrases are checked: the REMOTE and ONSITE phrases are
     * affirmative forms ("fully remote", "not a remote" is itself an ONSITE phrase).
     */
    private static boolean negated(String lower, int at) {
        int clause = at;
        while (clause > 0 && at - clause < NEGATION_REACH && ".;:!?(\n".indexOf(lower.charAt(clause - 1)) < 0) {
            clause--;
        }
        Matcher negation = NEGATION.matcher(lower).useTransparentBounds(true).region(clause, at);
        int end = -1;
        while (negation.find()) {
            end = negation.end();
        }
        return end >= 0 && !CLAUSE_TURN.matcher(lower).useTransparentBounds(true).region(end, at).find();
    }

    /** Whether the sentence before {@code at} says whom it is for (see {@link #FOR_SOME}). */
    private static boolean forSome(String lower, int at) {
        int sentence = Math.max(lower.lastIndexOf('.', at - 1), lower.lastIndexOf('\n', at - 1)) + 1;
        return FOR_SOME.matcher(lower).region(sentence, at).find();
    }

    /** The stretches of text within {@link #REACH} of a cue, overlapping ones merged, in order. */
    private static List<int[]> windows(String lower) {
        List<int[]> around = new ArrayList<>();
        for (String cue : CUES) {
            for (int i = lower.indexOf(cue); i >= 0; i = lower.indexOf(cue, i + cue.length())) {
                around.add(new int[] {Math.max(0, i - REACH), Math.min(lower.length(), i + cue.length() + REACH)});
            }
        }
        around.sort((x, y) -> Integer.compare(x[0], y[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] w : around) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && w[0] <= last[1]) {
                last[1] = Math.max(last[1], w[1]);
            } else {
                merged.add(w);
            }
        }
        return merged;
    }
}
