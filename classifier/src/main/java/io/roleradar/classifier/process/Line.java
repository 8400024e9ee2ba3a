package io.roleradar.classifier.process;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a description as the process finder reads it: its trimmed extent, where its content
 * starts after a bullet or a list number ("- ", "2. ", "(3) "), and whether it is a list item or
 * looks like a heading. Offsets are those of the description.
 *
 * @param start      first character of the trimmed line
 * @param content    first character after a bullet or list number ({@code start} when there is none)
 * @param end        end of the trimmed line (exclusive)
 * @param listItem   the line starts with a bullet or a list number
 */
record Line(int start, int content, int end, boolean listItem) {
    private static final Pattern NUMBER = Pattern.compile("\\(?\\d{1,2}[.)]\\s+");
    private static final String BULLETS = "-*\u2022\u00b7\u25cf\u25aa\u25e6\u2023\u2013\u2014\u27a4\u2192";

    /** The lines of {@code text}, blank ones left out. */
    static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>();
        int n = text.length();
        int from = 0;
        while (from <= n) {
            int to = text.indexOf('\n', from);
            if (to < 0) {
                to = n;
            }
            int s = from;
            int e = to;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (e > s) {
                lines.add(of(text, s, e));
            }
            from = to + 1;
        }
        return lines;
    }

    private static Line of(String text, int s, int e) {
        int c = s;
        boolean item = false;
        char first = text.charAt(s);
        // "-" and "*" are bullets only before a space ("-5%" is no list item); the others always are.
        if (BULLETS.indexOf(first) >= 0 && s + 1 < e
                && (Character.isWhitespace(text.charAt(s + 1)) || first != '-' && first != '*')) {
            item = true;
            c = s + 1;
        } else if (first == '(' || Character.isDigit(first)) { // what a list number starts with
            Matcher m = NUMBER.matcher(text).region(s, e);
            if (m.lookingAt()) {
                item = true;
                c = m.end();
            }
        }
        while (c < e && Character.isWhitespace(text.charAt(c))) {
            c++;
        }
        return new Line(s, c, e, item);
    }

    int length() {
        return end - start;
    }

    /**
     * A short line that is not a list item and does not end like a sentence: "Interview Process",
     * "What to expect:", "Ready to apply?".
     */
    boolean headingLike(String text, int maxChars) {
        if (listItem || length() > maxChars) {
            return false;
        }
        char last = text.charAt(end - 1);
        return last != '.' && last != ';' && last != ',' && last != '!';
    }

    /** The sentences of the line's content, as [start, end) pairs: a sentence ends at '.', '!' or '?' before a space. */
    List<int[]> sentences(String text) {
        List<int[]> out = new ArrayList<>();
        int s = content;
        for (int i = content; i < end; i++) {
            char ch = text.charAt(i);
            if ((ch == '.' || ch == '!' || ch == '?') && (i + 1 == end || Character.isWhitespace(text.charAt(i + 1)))) {
                out.add(new int[] {s, i + 1});
                s = i + 1;
            }
        }
        if (s < end) {
            out.add(new int[] {s, end});
        }
        return out;
    }
}
