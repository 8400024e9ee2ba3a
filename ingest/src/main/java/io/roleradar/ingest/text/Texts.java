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
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

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
        String[] lines = INVISIBLE.matcher(s.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("").split("\n", -1);
        StringBuilder out = new StringBuilder(s.length());
        int blank = 0;
        for (String raw : lines) {
            String line = SPACES.matcher(raw).replaceAll(" ").trim();
            if (line.equals("-") || line.equals("\u2022") || line.equals("- \u2022")) {
                continue;
            }
            if (line.isEmpty()) {
                blank++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            out.append(line);
            blank = 0;
        }
        return out.toString();
    }

    /**
     * The form two texts are compared in for duplicates: Unicode-normalised, lower case, letters
     * and digits only, single spaces. Markup differences, punctuation and line breaks do not count.
     */
    public static String comparable(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NON_WORD.matcher(n).replaceAll(" ").trim();
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
