package io.roleradar.ingest.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Whitespace, line and hashing helpers shared by the parsers and the identity rules. */
public final class Texts {
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    private Texts() {
    }

    /** One line: every run of whitespace (including no-break spaces) becomes one space, trimmed; null stays null. */
    public static String oneLine(String s) {
        if (s == null) {
            return null;
        }
        String t = SPACES.matcher(INVISIBLE.matcher(s).replaceAll("")).replaceAll(" ").trim();
        return t;
    }

    /** {@link #oneLine} or null when that leaves nothing (or a placeholder such as "-1"). */
    public static String blankToNull(String s) {
        String t = oneLine(s);
        return t == null || t.isEmpty() || t.equals("-1") || t.equalsIgnoreCase("null") ? null : t;
    }

    /**
     * Multi-line text tidied: each line's whitespace collapsed and trimmed, empty list bullets
     * dropped, at most one blank line between paragraphs, no blank lines at either end.
     */
    public static String tidyLines(String s) {
        if (s == null) {
            return "";
        }
        // A hand-written scan: this runs on every description, and per-line regexes dominated
        // the extraction benchmark.
        StringBuilder out = new StringBuilder(s.length());
        StringBuilder line = new StringBuilder(128);
        int blank = 0;
        boolean bullet = false;
        int n = s.length();
        for (int i = 0; i <= n; i++) {
            char c = i == n ? '\n' : s.charAt(i);
            if (c == '\r') {
                if (i + 1 < n && s.charAt(i + 1) == '\n') {
                    continue;
                }
                c = '\n';
            }
            if (c != '\n') {
                if (isInvisible(c)) {
                    continue;
                }
                if (isSpace(c)) {
                    if (line.length() > 0 && line.charAt(line.length() - 1) != ' ') {
                        line.append(' ');
                    }
                } else {
                    line.append(c);
                }
                continue;
            }
            int len = line.length();
            if (len > 0 && line.charAt(len - 1) == ' ') {
                line.setLength(len - 1);
            }
            String text = line.toString();
            line.setLength(0);
            if (text.equals("-") || text.equals("\u2022") || text.equals("- \u2022")) {
                // A bullet whose text comes on a later line (<li><p>text</p></li>): join them.
                bullet = true;
                continue;
            }
            if (text.isEmpty()) {
                blank++;
                continue;
            }
            if (bullet && !text.startsWith("- ")) {
                text = "- " + text;
            }
            if (out.length() > 0) {
                out.append(blank > 0 && !(bullet && lastLineIsBullet(out)) ? "\n\n" : "\n");
            }
            out.append(text);
            blank = 0;
            bullet = false;
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\f'
                || c == '\u000B' || (c > 0x1FFF && Character.isSpaceChar(c));
    }

    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }

    private static boolean lastLineIsBullet(StringBuilder out) {
        int start = out.lastIndexOf("\n") + 1;
        return out.indexOf("- ", start) == start;
    }

    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?/?>");
    private static final Pattern BREAK_TAG = Pattern.compile("(?i)<br\\s*/?>|</(?:p|h\\d|div|li|ul|ol|h)>");

    /**
     * Plain text that arrived with stray markup in it (a CSV cell holding "<h>The Startup</h2>"):
     * tags removed, the ones that end a block turned into line breaks, entities decoded. Text
     * without tags is only tidied, so a "<" in prose survives.
     */
    public static String stripTags(String s) {
        if (s == null) {
            return "";
        }
        if (!TAG.matcher(s).find()) {
            return tidyLines(s);
        }
        String t = BREAK_TAG.matcher(s).replaceAll("\n");
        t = TAG.matcher(t).replaceAll("");
        return tidyLines(org.jsoup.parser.Parser.unescapeEntities(t, false));
    }

    /**
     * The form two texts are compared in for duplicates: Unicode-normalised, lower case, letters
     * and digits only, single spaces. Markup differences, punctuation and line breaks do not count.
     */
    public static String comparable(String s) {
        if (s == null) {
            return "";
        }
        // A hand-written pass (no regex): this runs on every description for the dedup key.
        String n = isAscii(s) ? s : Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(n.length());
        boolean gap = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                out.append(Character.toLowerCase(c));
                gap = false;
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Lower-case hex of SHA-256 of the UTF-8 bytes. */
    public static String sha256(String s) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The first 16 hex characters of SHA-256, the short hash of the id scheme. */
    public static String sha16(String s) {
        return sha256(s).substring(0, 16);
    }

    /** "hims-and-hers" -> "Hims And Hers": a readable company name from a board slug. */
    public static String fromSlug(String slug) {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String word : slug.trim().split("[-_\\s]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }
}
