package io.roleradar.ingest.text;

import io.roleradar.model.RemoteMode;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides REMOTE, HYBRID, ONSITE or UNKNOWN from a source's structured field, its location and the
 * description. An ONSITE field is often a default nobody set ("On-Site" on a job whose text says
 * "hybrid, three days in the office"), so a clear statement in the text wins over it; without a
 * structured field the text decides alone.
 * The text only counts when it uses one of the unambiguous {@link #PHRASES}, since "remote" alone
 * also means remote sensing or remote teams.
 */
public final class RemoteModes {
    /**
     * The phrases that state a mode in a title or description, one list per mode: each a regular
     * expression, matched ignoring case from the start of a word. To recognise a new phrase, add
     * it here. HYBRID wins over the others; REMOTE and ONSITE phrases in the same text cancel out.
     */
    private static final Map<RemoteMode, List<String>> PHRASES = Map.of(
            RemoteMode.HYBRID, List.of(
                    "hybrid\\b(?![- ](?:cloud|model|search|approach|architecture|system|quantum|infrastructure|deployment|environment))",
                    "(?:one|two|three|four|[1-4])\\s*(?:\\+\\s*)?days?\\s+(?:a|per|each)\\s+week\\s+(?:in|at|from)\\s+(?:the|our)\\s+office"),
            RemoteMode.REMOTE, List.of(
                    "(?:fully|100%|completely|entirely)\\s+remote\\b",
                    "remote[- ](?:first|friendly|only)\\b",
                    "work\\s+from\\s+anywhere\\b",
                    "(?:this|the)\\s+(?:role|position|job)\\s+is\\s+(?:fully\\s+)?remote\\b",
                    "remote\\s+(?:role|position|opportunity|job)\\b"),
            RemoteMode.ONSITE, List.of(
                    "(?:on[- ]?site|in[- ]office|in[- ]person)\\s+(?:role|position|job)\\b",
                    "(?:five|5)\\s+days\\s+(?:a|per)\\s+week\\s+(?:in|at)\\s+(?:the|our)\\s+office",
                    "this\\s+(?:role|position)\\s+is\\s+(?:based\\s+)?(?:on[- ]?site|in[- ]office|in[- ]person)\\b",
                    "not\\s+(?:a\\s+)?remote\\b"));
    private static final Map<RemoteMode, Pattern> STATED = new EnumMap<>(RemoteMode.class);

    static {
        PHRASES.forEach((mode, phrases) -> STATED.put(mode,
                Pattern.compile("\\b(?:" + String.join("|", phrases) + ")", Pattern.CASE_INSENSITIVE)));
    }

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

    /** What the text alone says, UNKNOWN unless it uses one of the unambiguous phrases. */
    public static RemoteMode fromText(String text) {
        if (text == null || text.isBlank()) {
            return RemoteMode.UNKNOWN;
        }
        if (states(RemoteMode.HYBRID, text)) {
            return RemoteMode.HYBRID;
        }
        boolean remote = states(RemoteMode.REMOTE, text);
        boolean onsite = states(RemoteMode.ONSITE, text);
        if (remote == onsite) {
            return RemoteMode.UNKNOWN;
        }
        return remote ? RemoteMode.REMOTE : RemoteMode.ONSITE;
    }

    private static boolean states(RemoteMode mode, String text) {
        return STATED.get(mode).matcher(text).find();
    }
}
