package io.roleradar.ingest.text;

import org.jsoup.nodes.Entities;

import java.util.Locale;

/**
 * A single-pass HTML-to-text conversion for the HTML fragments ATS APIs put in their JSON
 * (descriptions of a few kilobytes, simple markup). It applies the same block rules as the Jsoup
 * walk in {@link HtmlText} without building a DOM, which made the conversion several times faster
 * on the real board files (see the Ingest section of BENCHMARKS.md); whole pages still go through
 * Jsoup, whose error recovery they need. The output is raw: {@link HtmlText} tidies it.
 */
final class FragmentText {
    private FragmentText() {
    }

    static String convert(String html) {
        int n = html.length();
        StringBuilder out = new StringBuilder(n / 2 + 16);
        // Open list containers and items, innermost last: 'u' for ul/ol, 'l' for li.
        StringBuilder lists = new StringBuilder();
        int pre = 0;
        boolean space = false;
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = tagEnd(html, i);
                if (html.startsWith("<!--", i)) {
                    int close = html.indexOf("-->", i + 4);
                    i = close < 0 ? n : close + 3;
                    continue;
                }
                if (end < 0) {
                    out.append(c);
                    i++;
                    continue;
                }
                int j = i + 1;
                boolean closing = j < n && html.charAt(j) == '/';
                if (closing) {
                    j++;
                }
                if (j >= n || !isAsciiLetter(html.charAt(j))) {
                    if (html.charAt(i + 1) == '!' || html.charAt(i + 1) == '?') {
                        i = end + 1;
                    } else {
                        out.append(c);
                        i++;
                    }
                    continue;
                }
                int nameStart = j;
                while (j < n && isNameChar(html.charAt(j))) {
                    j++;
                }
                String name = html.substring(nameStart, j).toLowerCase(Locale.ROOT);
                boolean selfClosing = html.charAt(end - 1) == '/';
                i = end + 1;
                if (!closing && HtmlText.SKIPPED.contains(name) && !selfClosing) {
                    i = skipElement(html, i, name);
                    continue;
                }
                boolean inItem = lists.length() > 0 && lists.charAt(lists.length() - 1) == 'l';
                if (name.equals("br")) {
                    out.append('\n');
                    space = false;
                    continue;
                }
                boolean paragraph = HtmlText.PARAGRAPHS.contains(name);
                boolean line = HtmlText.LINES.contains(name);
                if (closing) {
                    if (name.equals("li") || name.equals("ul") || name.equals("ol")) {
                        char kind = name.equals("li") ? 'l' : 'u';
                        int at = lists.lastIndexOf(String.valueOf(kind));
                        if (at >= 0) {
                            lists.setLength(at);
                        }
                        inItem = lists.length() > 0 && lists.charAt(lists.length() - 1) == 'l';
                    }
                    if (name.equals("pre") && pre > 0) {
                        pre--;
                    }
                    if (paragraph && !inItem) {
                        HtmlText.breakLines(out, 2);
                    } else if (line || paragraph) {
                        HtmlText.breakLines(out, 1);
                    }
                } else {
                    if (paragraph && !inItem) {
                        HtmlText.breakLines(out, 2);
                    } else if (line || paragraph) {
                        HtmlText.breakLines(out, 1);
                    } else if (name.equals("td") || name.equals("th")) {
                        out.append(' ');
                    }
                    if (name.equals("li")) {
                        out.append("- ");
                        if (!selfClosing) {
                            lists.append('l');
                        }
                    } else if ((name.equals("ul") || name.equals("ol")) && !selfClosing) {
                        lists.append('u');
                    } else if (name.equals("pre") && !selfClosing) {
                        pre++;
                    }
                }
                space = false;
                continue;
            }
            if (c == '&') {
                int semi = html.indexOf(';', i + 1);
                if (semi > i + 1 && semi - i <= 12) {
                    String decoded = entity(html.substring(i + 1, semi));
                    if (decoded != null) {
                        out.append(decoded);
                        space = false;
                        i = semi + 1;
                        continue;
                    }
                }
                out.append('&');
                space = false;
                i++;
                continue;
            }
            if (pre == 0 && (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f')) {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
                i++;
                continue;
            }
            // Copy the run of plain text up to the next tag, entity or whitespace in one go.
            int run = i + 1;
            while (run < n) {
                char r = html.charAt(run);
                if (r == '<' || r == '&' || r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f') {
                    break;
                }
                run++;
            }
            out.append(html, i, run);
            space = false;
            i = run;
        }
        return out.toString();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNameChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-';
    }

    /** The index of the '>' ending the tag that starts at {@code start}, skipping quoted attribute values; -1 if none. */
    private static int tagEnd(String html, int start) {
        char quote = 0;
        for (int k = start + 1; k < html.length(); k++) {
            char c = html.charAt(k);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return k;
            } else if (c == '<') {
                return -1;
            }
        }
        return -1;
    }

    private static int skipElement(String html, int from, String name) {
        String lower = "</" + name;
        int k = from;
        while (true) {
            int at = html.indexOf("</", k);
            if (at < 0) {
                return html.length();
            }
            if (html.regionMatches(true, at, lower, 0, lower.length())) {
                int end = html.indexOf('>', at);
                return end < 0 ? html.length() : end + 1;
            }
            k = at + 2;
        }
    }

    /** The text of an entity name such as {@code amp}, {@code #39} or {@code #x27}; null when unknown. */
    private static String entity(String name) {
        if (name.charAt(0) == '#') {
            try {
                int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(code) && code != 0 ? new String(Character.toChars(code)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> Entities.isNamedEntity(name) ? Entities.getByName(name) : null;
        };
    }
}
