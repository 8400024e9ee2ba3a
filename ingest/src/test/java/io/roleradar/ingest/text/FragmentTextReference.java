package io.roleradar.ingest.text;

import org.jsoup.nodes.Entities;

import java.util.Arrays;
import java.util.Set;

/**
 * The HTML conversion as it was before it wrote tidy text through {@link TidyText}: raw text, to
 * be tidied by {@link TidyLinesReference}. Kept in the tests, unchanged, as the reference the
 * one-pass conversion must agree with, character for character, with one fix: a '<' that starts
 * no tag ("1 < 2") now resets the whitespace state like any other character, where the old code
 * dropped the space after it ("1 <2").
 */
final class FragmentTextReference {
    private static final int PARAGRAPH = 1;
    private static final int LINE = 2;
    private static final int SKIPPED = 4;
    private static final int BR = 8;
    private static final int LI = 16;
    private static final int LIST = 32;
    private static final int PRE = 64;
    private static final int CELL = 128;

    /** Packed tag names, sorted, and their kinds: a binary search instead of a String per tag. */
    private static final long[] NAMES;
    private static final int[] KINDS;

    static {
        java.util.TreeMap<Long, Integer> table = new java.util.TreeMap<>();
        add(table, HtmlText.PARAGRAPHS, PARAGRAPH);
        add(table, HtmlText.LINES, LINE);
        add(table, HtmlText.SKIPPED, SKIPPED);
        add(table, Set.of("br"), BR);
        add(table, Set.of("li"), LI);
        add(table, Set.of("ul", "ol"), LIST);
        add(table, Set.of("pre"), PRE);
        add(table, Set.of("td", "th"), CELL);
        NAMES = table.keySet().stream().mapToLong(Long::longValue).toArray();
        KINDS = table.values().stream().mapToInt(Integer::intValue).toArray();
    }

    private static void add(java.util.Map<Long, Integer> table, Set<String> names, int kind) {
        for (String name : names) {
            long key = pack(name.toCharArray(), 0, name.length());
            if (key < 0) {
                throw new IllegalStateException("tag name too long to pack: " + name);
            }
            table.merge(key, kind, (a, b) -> a | b);
        }
    }

    private final char[] src;
    private final int end;
    private char[] out;
    private int len;
    /** Open list containers and items, innermost last: 'u' for ul/ol, 'l' for li. */
    private char[] lists = new char[8];
    private int depth;

    private FragmentTextReference(char[] src, int end, int capacity) {
        this.src = src;
        this.end = end;
        this.out = new char[capacity];
    }

    /** The raw text of {@code html}. */
    static String convert(String html) {
        FragmentTextReference t = convert(html.toCharArray(), 0, html.length());
        return new String(t.out, 0, t.len);
    }

    /** Converts {@code src[from, from + length)}; the result is {@link #chars()} up to {@link #length()}. */
    static FragmentTextReference convert(char[] src, int from, int length) {
        FragmentTextReference t = new FragmentTextReference(src, from + length, length + 16);
        t.run(from);
        return t;
    }

    char[] chars() {
        return out;
    }

    int length() {
        return len;
    }

    private void run(int from) {
        final char[] html = src;
        final int n = end;
        int pre = 0;
        boolean space = false;
        int i = from;
        while (i < n) {
            char c = html[i];
            if (c == '<') {
                if (i + 3 < n && html[i + 1] == '!' && html[i + 2] == '-' && html[i + 3] == '-') {
                    int close = indexOf(html, i + 4, n, "-->");
                    i = close < 0 ? n : close + 3;
                    continue;
                }
                int tagEnd = tagEnd(html, i, n);
                if (tagEnd < 0) {
                    append(c);
                    space = false;
                    i++;
                    continue;
                }
                int j = i + 1;
                boolean closing = j < n && html[j] == '/';
                if (closing) {
                    j++;
                }
                if (j >= n || !isAsciiLetter(html[j])) {
                    if (html[i + 1] == '!' || html[i + 1] == '?') {
                        i = tagEnd + 1;
                    } else {
                        append(c);
                        space = false;
                        i++;
                    }
                    continue;
                }
                int nameStart = j;
                while (j < n && isNameChar(html[j])) {
                    j++;
                }
                int kind = kind(html, nameStart, j);
                boolean selfClosing = html[tagEnd - 1] == '/';
                i = tagEnd + 1;
                if (!closing && (kind & SKIPPED) != 0 && !selfClosing) {
                    i = skipElement(html, i, n, nameStart, j - nameStart);
                    continue;
                }
                boolean inItem = depth > 0 && lists[depth - 1] == 'l';
                if ((kind & BR) != 0) {
                    append('\n');
                    space = false;
                    continue;
                }
                boolean paragraph = (kind & PARAGRAPH) != 0;
                boolean line = (kind & LINE) != 0;
                if (closing) {
                    if ((kind & (LI | LIST)) != 0) {
                        char open = (kind & LI) != 0 ? 'l' : 'u';
                        for (int at = depth - 1; at >= 0; at--) {
                            if (lists[at] == open) {
                                depth = at;
                                break;
                            }
                        }
                        inItem = depth > 0 && lists[depth - 1] == 'l';
                    }
                    if ((kind & PRE) != 0 && pre > 0) {
                        pre--;
                    }
                    if (paragraph && !inItem) {
                        breakLines(2);
                    } else if (line || paragraph) {
                        breakLines(1);
                    }
                } else {
                    if (paragraph && !inItem) {
                        breakLines(2);
                    } else if (line || paragraph) {
                        breakLines(1);
                    } else if ((kind & CELL) != 0) {
                        append(' ');
                    }
                    if ((kind & LI) != 0) {
                        append('-');
                        append(' ');
                        if (!selfClosing) {
                            push('l');
                        }
                    } else if ((kind & LIST) != 0 && !selfClosing) {
                        push('u');
                    } else if ((kind & PRE) != 0 && !selfClosing) {
                        pre++;
                    }
                }
                space = false;
                continue;
            }
            if (c == '&') {
                // An entity name is at most 11 characters ("&" + name + ";" within 12).
                int semi = -1;
                for (int k = i + 1, last = Math.min(n - 1, i + 12); k <= last; k++) {
                    if (html[k] == ';') {
                        semi = k;
                        break;
                    }
                }
                if (semi > i + 1) {
                    String decoded = entity(new String(html, i + 1, semi - i - 1));
                    if (decoded != null) {
                        append(decoded);
                        space = false;
                        i = semi + 1;
                        continue;
                    }
                }
                append('&');
                space = false;
                i++;
                continue;
            }
            // Plain text up to the next tag or entity, copied in one tight loop: each character
            // gives at most one, so room for the rest of the input is room enough.
            ensure(n - i);
            final char[] o = out;
            int l = len;
            while (i < n) {
                char r = html[i];
                if (r == '<' || r == '&') {
                    break;
                }
                if (r <= ' ' && pre == 0 && (r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f')) {
                    if (!space) {
                        o[l++] = ' ';
                        space = true;
                    }
                } else {
                    o[l++] = r;
                    space = false;
                }
                i++;
            }
            len = l;
        }
    }

    private void ensure(int more) {
        if (len + more > out.length) {
            out = Arrays.copyOf(out, Math.max(len + more, len * 2 + 16));
        }
    }

    private void push(char kind) {
        if (depth == lists.length) {
            lists = Arrays.copyOf(lists, depth * 2);
        }
        lists[depth++] = kind;
    }

    private void append(char c) {
        if (len == out.length) {
            out = Arrays.copyOf(out, len * 2 + 16);
        }
        out[len++] = c;
    }

    private void append(String s) {
        append(s.toCharArray(), 0, s.length());
    }

    private void append(char[] chars, int from, int count) {
        if (len + count > out.length) {
            out = Arrays.copyOf(out, Math.max(len + count, len * 2 + 16));
        }
        System.arraycopy(chars, from, out, len, count);
        len += count;
    }

    /** Ends the text with at least {@code n} line breaks (adjacent blocks share their breaks). */
    private void breakLines(int n) {
        int have = 0;
        for (int i = len - 1; i >= 0 && have < n; i--) {
            char c = out[i];
            if (c == '\n') {
                have++;
            } else if (c != ' ') {
                break;
            }
        }
        for (; have < n; have++) {
            append('\n');
        }
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNameChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-';
    }

    /**
     * A tag name as a number, six bits a character, lower-cased; -1 for names no table holds
     * (longer than ten characters, or with a '-').
     */
    private static long pack(char[] s, int from, int to) {
        if (to - from > 10) {
            return -1;
        }
        long key = 0;
        for (int k = from; k < to; k++) {
            char c = s[k];
            int code;
            if (c >= 'a' && c <= 'z') {
                code = c - 'a' + 1;
            } else if (c >= 'A' && c <= 'Z') {
                code = c - 'A' + 1;
            } else if (c >= '0' && c <= '9') {
                code = c - '0' + 27;
            } else {
                return -1;
            }
            key = key << 6 | code;
        }
        return key;
    }

    private static int kind(char[] s, int from, int to) {
        long key = pack(s, from, to);
        if (key < 0) {
            return 0;
        }
        int at = Arrays.binarySearch(NAMES, key);
        return at < 0 ? 0 : KINDS[at];
    }

    /** The index of the '>' ending the tag that starts at {@code start}, skipping quoted attribute values; -1 if none. */
    private static int tagEnd(char[] html, int start, int n) {
        char quote = 0;
        for (int k = start + 1; k < n; k++) {
            char c = html[k];
            if (c > '>' && quote == 0) {
                // Letters, and every character that is not a quote or a bracket: the common case.
                continue;
            }
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

    private static int indexOf(char[] s, int from, int n, String what) {
        int m = what.length();
        outer:
        for (int k = from; k + m <= n; k++) {
            for (int q = 0; q < m; q++) {
                if (s[k + q] != what.charAt(q)) {
                    continue outer;
                }
            }
            return k;
        }
        return -1;
    }

    /** Case-insensitive as {@link String#regionMatches(boolean, int, String, int, int)} compares. */
    private static boolean sameIgnoringCase(char[] s, int at, int other, int count) {
        for (int k = 0; k < count; k++) {
            char a = s[at + k];
            char b = s[other + k];
            if (a == b) {
                continue;
            }
            char ua = Character.toUpperCase(a);
            char ub = Character.toUpperCase(b);
            if (ua != ub && Character.toLowerCase(ua) != Character.toLowerCase(ub)) {
                return false;
            }
        }
        return true;
    }

    /** After the element whose name is {@code html[nameAt, nameAt + nameLength)}: past its closing tag, or the end. */
    private static int skipElement(char[] html, int from, int n, int nameAt, int nameLength) {
        int k = from;
        while (true) {
            int at = indexOf(html, k, n, "</");
            if (at < 0) {
                return n;
            }
            if (at + 2 + nameLength <= n && sameIgnoringCase(html, at + 2, nameAt, nameLength)) {
                for (int e = at; e < n; e++) {
                    if (html[e] == '>') {
                        return e + 1;
                    }
                }
                return n;
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
