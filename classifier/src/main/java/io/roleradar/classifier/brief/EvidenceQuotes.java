package io.roleradar.classifier.brief;

import io.roleradar.model.Evidence;
import io.roleradar.model.RawPosting;
import io.roleradar.model.SourceField;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evidence as a reader wants it: the sentence each matched phrase comes from, once, with the
 * phrases in [brackets], instead of the bare phrases (which repeat, and say little out of context).
 * A sentence ends at . ! ? followed by a space, or at a line break (a bullet is a sentence); a long
 * one is cut to a window around its phrases.
 */
final class EvidenceQuotes {
    /** Longest quote shown; a longer sentence is cut around its first phrase. */
    static final int MAX_CHARS = 120;

    private EvidenceQuotes() {
    }

    /** One sentence of the posting and the evidence phrases in it. */
    record Quote(String text, SourceField field) {
        String render() {
            return "\"" + text + "\" (" + field.name().toLowerCase(Locale.ROOT) + ")";
        }
    }

    /** The quotes of {@code evidence}, in order of first appearance, each sentence once. */
    static List<Quote> of(RawPosting posting, List<Evidence> evidence) {
        Map<String, List<int[]>> spansBySentence = new LinkedHashMap<>();
        Map<String, int[]> sentenceBounds = new LinkedHashMap<>();
        Map<String, SourceField> fields = new LinkedHashMap<>();
        List<Quote> bare = new ArrayList<>();
        for (Evidence e : evidence) {
            String text = fieldText(posting, e.field());
            int[] span = locate(text, e);
            if (span == null) {
                bare.add(new Quote(e.text().replaceAll("\\s+", " ").strip(), e.field()));
                continue;
            }
            int[] sentence = sentence(text, span[0], span[1]);
            String key = e.field() + ":" + sentence[0];
            sentenceBounds.putIfAbsent(key, sentence);
            fields.putIfAbsent(key, e.field());
            spansBySentence.computeIfAbsent(key, k -> new ArrayList<>()).add(span);
        }
        List<Quote> quotes = new ArrayList<>();
        spansBySentence.forEach((key, spans) -> quotes.add(new Quote(
                mark(fieldText(posting, fields.get(key)), sentenceBounds.get(key), spans), fields.get(key))));
        for (Quote q : bare) {
            if (quotes.stream().noneMatch(x -> x.text().contains(q.text()))) {
                quotes.add(q);
            }
        }
        return quotes;
    }

    private static String fieldText(RawPosting posting, SourceField field) {
        String text = switch (field) {
            case TITLE -> posting.title();
            case DEPARTMENT -> posting.department();
            case DESCRIPTION -> posting.description();
        };
        return text == null ? "" : text;
    }

    /** Where the evidence is in its field: at its offsets when they hold its text, else its first occurrence. */
    private static int[] locate(String text, Evidence e) {
        if (e.end() <= text.length() && text.substring(e.start(), e.end()).equalsIgnoreCase(e.text())) {
            return new int[] {e.start(), e.end()};
        }
        if (e.text().isBlank()) {
            return null;
        }
        int at = text.toLowerCase(Locale.ROOT).indexOf(e.text().toLowerCase(Locale.ROOT));
        return at < 0 ? null : new int[] {at, at + e.text().length()};
    }

    /** The sentence around [start, end): back to the end of the previous one, on to the end of this one. */
    static int[] sentence(String text, int start, int end) {
        int from = start;
        while (from > 0 && !endsSentence(text, from - 1)) {
            from--;
        }
        int to = end;
        while (to < text.length() && !endsSentence(text, to)) {
            to++;
        }
        if (to < text.length() && text.charAt(to) != '\n') {
            to++; // keep the full stop
        }
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return new int[] {from, to};
    }

    private static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n') {
            return true;
        }
        boolean stop = c == '.' || c == '!' || c == '?';
        return stop && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
    }

    /** The sentence with its phrases in [brackets], on one line, cut to {@link #MAX_CHARS} around the first phrase. */
    private static String mark(String text, int[] sentence, List<int[]> spans) {
        List<int[]> sorted = new ArrayList<>(spans);
        sorted.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        StringBuilder out = new StringBuilder();
        int at = sentence[0];
        for (int[] span : sorted) {
            if (span[0] < at) {
                continue; // overlaps a phrase already marked
            }
            out.append(text, at, span[0]);
            out.append('[').append(text, span[0], span[1]).append(']');
            at = span[1];
        }
        out.append(text, at, Math.max(at, sentence[1]));
        String line = out.toString().replaceAll("\\s+", " ").strip();
        if (line.length() <= MAX_CHARS) {
            return line;
        }
        int centre = Math.max(0, Math.min(line.indexOf('['), line.length()));
        int from = Math.max(0, centre - MAX_CHARS / 3);
        int to = Math.min(line.length(), from + MAX_CHARS);
        from = Math.max(0, to - MAX_CHARS);
        return (from > 0 ? "..." : "") + line.substring(from, to).strip() + (to < line.length() ? "..." : "");
    }
}
