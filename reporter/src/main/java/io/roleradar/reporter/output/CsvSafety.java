package io.roleradar.reporter.output;

/**
 * Neutralises CSV cells against formula injection, per the OWASP CSV Injection guidance: a cell
 * that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be
 * run as a formula by a spreadsheet, so it gets a leading single quote and is shown as text.
 * Posting titles and company names come from the web, so every cell goes through here.
 */
public final class CsvSafety {
    private CsvSafety() {
    }

    /** The cell as a spreadsheet will show it literally; null becomes the empty cell. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return dangerous(value.charAt(0)) ? "'" + value : value;
    }

    private static boolean dangerous(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
