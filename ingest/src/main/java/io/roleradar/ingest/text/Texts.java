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
    private Texts() {
    }

    /** Characters that take no room and are dropped: zero-width spaces and joiners, BOM, soft hyphen. */
    private static final String INVISIBLES = "\u200B\u200C\u200D\u2060\uFEFF\u00AD";
    private static final Pattern INVISIBLE = Pattern.compile("[" + INVISIBLES + "]");
    /** Whitespace of a one-line field: Java's regex {@code \s} plus the no-break spaces. */
    private static final Pattern FIELD_SPACE = Pattern.compile("[\\s\u00A0\u2007\u202F]+");

    /** One line: every run of whitespace (including no-break spaces) becomes one space, trimmed; null stays null. */
    public static String oneLine(String s) {
        if (s == null) {
            return null;
        }
        return FIELD_SPACE.matcher(INVISIBLE.matcher(s).replaceAll("")).replaceAll(" ").trim();
    }

    /** {@link #oneLine} or null when that leaves nothing (or a placeholder such as "-1"). */
    public static String blankToNull(String s) {
        return placeholderToNull(oneLine(s));
    }

    /** {@link #plainField} or null when that leaves nothing (or a placeholder such as "-1"). */
    public static String plainFieldOrNull(String s) {
        return placeholderToNull(plainField(s));
    }

    private static String placeholderToNull(String t) {
        return t == null || t.isEmpty() || t.equals("-1") || t.equalsIgnoreCase("null") ? null : t;
    }

    /**
     * Multi-line text tidied: each line's whitespace collapsed and trimmed, invisible characters
     * dropped, a lone bullet ("-" or "\u2022") joined to the line of text after it, at most one
     * blank line between paragraphs (none between the items of a bulleted list), no blank lines at
     * either end.
     */
    public static String tidyLines(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean blank = false;
        boolean bullet = false;
        boolean lastWasBullet = false;
        for (String raw : s.lines().toList()) {
            String line = tidyLine(raw);
            if (line.equals("-") || line.equals("\u2022")) {
                // A bullet whose text comes on a later line (<li><p>text</p></li>): join them.
                bullet = true;
                continue;
            }
            if (line.isEmpty()) {
                blank = true;
                continue;
            }
            boolean dashed = line.startsWith("- ");
            boolean prefix = bullet && !dashed;
            if (out.length() > 0) {
                out.append('\n');
                if (blank && !(bullet && lastWasBullet)) {
                    out.append('\n');
                }
            }
            out.append(prefix ? "- " : "").append(line);
            lastWasBullet = prefix || dashed;
            blank = false;
            bullet = false;
        }
        return out.toString();
    }

    /** One line of multi-line text: invisible characters dropped, each run of spaces one space, trimmed. */
    private static String tidyLine(String line) {
        StringBuilder out = new StringBuilder(line.length());
        boolean space = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (INVISIBLES.indexOf(c) >= 0) {
                continue;
            }
            if (isLineSpace(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Whitespace within a line of multi-line text: spaces, tabs, form feeds, vertical tabs, the
     * no-break spaces, and the Unicode space and separator characters from U+2000 up.
     */
    private static boolean isLineSpace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u000B' || c == '\u00A0' || c == '\u2007' || c == '\u202F'
                || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029' || c == '\u205F' || c == '\u3000';
    }

    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?/?>");
    /** Tags of real HTML elements only: a company may be called "<intent>". */
    private static final Pattern HTML_TAG = Pattern.compile("(?i)</?(?:a|abbr|b|big|blockquote|body|br|button|center|code|del|div|em|"
            + "embed|font|form|h[1-6]|head|hr|html|i|iframe|img|input|ins|label|li|link|mark|meta|noscript|object|ol|option|p|pre|q|s|"
            + "script|section|select|small|span|strike|strong|style|sub|sup|svg|table|tbody|td|template|textarea|th|thead|title|tr|u|"
            + "ul|video)(?:\\s[^<>]*)?/?>");
    private static final Pattern SCRIPT_ELEMENT = Pattern.compile("(?is)<(script|style|noscript|template)\\b[^>]*>.*?(?:</\\1\\s*>|$)");
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
        // Scripts and styles go with their content: their text is code, not posting text.
        String t = SCRIPT_ELEMENT.matcher(s).replaceAll("");
        t = BREAK_TAG.matcher(t).replaceAll("\n");
        t = TAG.matcher(t).replaceAll("");
        return tidyLines(org.jsoup.parser.Parser.unescapeEntities(t, false));
    }

    /**
     * A one-line field (title, company, location, department) as plain text: markup that a
     * source left in it (or that entity decoding revealed, "ML Engineer &lt;script&gt;...") is
     * removed, scripts with their content, and whitespace collapsed. Null stays null.
     */
    public static String plainField(String s) {
        if (s == null) {
            return null;
        }
        if (s.indexOf('<') < 0 || !HTML_TAG.matcher(s).find()) {
            return oneLine(s);
        }
        String t = SCRIPT_ELEMENT.matcher(s).replaceAll(" ");
        t = HTML_TAG.matcher(t).replaceAll(" ");
        return oneLine(org.jsoup.parser.Parser.unescapeEntities(t, false));
    }

    /**
     * The form two texts are compared in for duplicates: Unicode-normalised, lower case, letters
     * and digits only, single spaces. Markup differences, punctuation and line breaks do not count.
     */
    public static String comparable(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
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
}
