package io.roleradar.ingest;

import java.util.regex.Pattern;

/** Test helper: what "clean plain text" means in the contract, as assertions can check it. */
public final class Clean {
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(\\s[^<>]*)?/?>");
    private static final Pattern ENTITY = Pattern.compile("&(?:[a-zA-Z]{2,8}|#\\d{2,6}|#x[0-9a-fA-F]{2,5});");

    private Clean() {
    }

    /** Null when the text is clean, else what is wrong with it. */
    public static String problem(String text) {
        if (text == null || text.isBlank()) {
            return "empty";
        }
        var tag = TAG.matcher(text);
        if (tag.find()) {
            return "tag left: " + tag.group();
        }
        var entity = ENTITY.matcher(text);
        if (entity.find()) {
            return "entity left: " + entity.group();
        }
        if (text.contains("\u00a0") || text.contains("  ") || text.contains("\n\n\n")) {
            return "whitespace not normalised";
        }
        return null;
    }
}
