package io.roleradar.ingest.text;

import org.jsoup.nodes.Entities;

import java.util.Arrays;
import java.util.Set;

/**
 * A single-pass HTML-to-text conversion for the HTML fragments ATS APIs put in their JSON
 * (descriptions of a few kilobytes, simple markup). It applies the same block rules as the Jsoup
 * walk in {@link HtmlText} without building a DOM; whole pages still go through Jsoup, whose error
 * recovery they need. It reads a char array (a JSON parser's buffer can be handed over as is;
 * {@link JsonFragmentText} reads the HTML of a JSON string from its bytes, with the same tag rules) and
 * writes tidy text through a {@link TidyText}, and looks tag names up in a small hash table
 * without allocating, because this loop runs over every description character and dominated
 * extraction time (see the Ingest section of BENCHMARKS.md).
 */
final class FragmentText {
    private static final int PARAGRAPH = 1;
    private static final int LINE = 2;
    static final int SKIPPED = 4;
    private static final int BR = 8;
    private static final int LI = 16;
    private static final int LIST = 32;
    static final int PRE = 64;
    private static final int CELL = 128;

    /**
     * Packed tag names and their kinds in an open-addressing table: one multiply and, nearly
     * always, one comparison per tag (a binary search over the sorted names showed in profiles:
     * Ashby's HTML has a tag every 40 characters).
     */
    private static final int SLOTS = 256;
    private static final long[] NAMES = new long[SLOTS];
    private static final int[] KINDS = new int[SLOTS];

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
        for (var e : table.entrySet()) {
            int slot = slot(e.getKey());
            while (NAMES[slot] != 0) {
                slot = (slot + 1) & (SLOTS - 1);
            }
            NAMES[slot] = e.getKey();
            KINDS[slot] = e.getValue();
        }
    }

    private static int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 56);
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
    private final TidyText out;
    /** Open list containers and items, innermost last: 'u' for ul/ol, 'l' for li. */
    private char[] lists = new char[8];
    private int depth;

    FragmentText(char[] src, int end, TidyText out) {
        this.src = src;
        this.end = end;
        this.out = out;
    }

    /** The tidy text of {@code html}. */
    static String convert(String html) {
        return convert(html.toCharArray(), 0, html.length());
    }

    /** The tidy text of the HTML in {@code src[from, from + length)}. */
    static String convert(char[] src, int from, int length) {
        TidyText out = TidyText.open();
        write(src, from, length, out);
        return out.finish();
    }

    /** Writes the text of the HTML in {@code src[from, from + length)} to {@code out}. */
    static void write(char[] src, int from, int length, TidyText out) {
        new FragmentText(src, from + length, out).run(from);
    }

    private void run(int from) {
        final char[] html = src;
        final int n = end;
        int pre = 0;
        int i = from;
        while (i < n) {
            char c = html[i];
            if (c == '<') {
                if (i + 3 < n && html[i + 1] == '!' && html[i + 2] == '-' && html[i + 3] == '-') {
                    int close = indexOf(html, i + 4, n, "-->");
                    i = close < 0 ? n : close + 3;
                    continue;
                }
                int read = readTag(html, i, n);
                if (read == TEXT) {
                    append(c);
                    i++;
                    continue;
                }
                if (read == DECLARATION) {
                    i = tagEnd + 1;
                    continue;
                }
                int kind = tagKind;
                boolean closing = tagClosing;
                boolean selfClosing = tagSelfClosing;
                i = tagEnd + 1;
                if (!closing && (kind & SKIPPED) != 0 && !selfClosing) {
                    i = skipElement(html, i, n, tagNameStart, tagNameEnd - tagNameStart);
                    continue;
                }
                pre = tag(kind, closing, selfClosing, pre);
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
                        out.put(decoded);
                        i = semi + 1;
                        continue;
                    }
                }
                append('&');
                i++;
                continue;
            }
            // Text up to the next tag or entity. Outside <pre> each run of whitespace is one
            // space; inside it the characters go out as they are, line breaks and all.
            if (pre == 0) {
                i = out.putHtmlText(html, i, n);
            } else {
                for (; i < n && html[i] != '<' && html[i] != '&'; i++) {
                    out.put(html[i]);
                }
            }
        }
    }

    /**
     * Writes what a tag means for the text (line and paragraph breaks, list bullets) and keeps
     * the list and {@code <pre>} nesting; returns the new {@code <pre>} depth. The content of a
     * skipped element is the caller's business. Shared by the readers of HTML in chars and in
     * JSON string bytes ({@link JsonFragmentText}), so both apply the same rules.
     */
    int tag(int kind, boolean closing, boolean selfClosing, int pre) {
        boolean inItem = depth > 0 && lists[depth - 1] == 'l';
        if ((kind & BR) != 0) {
            append('\n');
            return pre;
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
        return pre;
    }

    /** {@link #readTag} answers: '<' starts no tag, a declaration or processing instruction, a tag. */
    static final int TEXT = 0;
    static final int DECLARATION = 1;
    static final int TAG = 2;
    /** The tag {@link #readTag} read: its '>', kind, form and name. */
    int tagEnd;
    int tagKind;
    boolean tagClosing;
    boolean tagSelfClosing;
    private int tagNameStart;
    private int tagNameEnd;
    /** Tags read before on this thread, to be recognised by comparison instead of read again. */
    private final TagMemo memo = TagMemo.PER_THREAD.get();

    /** Reads the tag that starts at {@code html[i]}, a '<', into the tag fields. */
    int readTag(char[] html, int i, int n) {
        int slot = -1;
        if (i + 3 < n) {
            slot = TagMemo.slot(html[i + 1], html[i + 2], html[i + 3]);
            char[] known = memo.tags[slot];
            if (known != null && i + known.length <= n && Arrays.equals(html, i, i + known.length, known, 0, known.length)) {
                // The same characters up to the '>' give the same tag: the answer depends on nothing else.
                int facts = memo.facts[slot];
                tagEnd = i + known.length - 1;
                tagKind = facts & 0xFF;
                tagClosing = (facts & TagMemo.CLOSING) != 0;
                tagSelfClosing = (facts & TagMemo.SELF_CLOSING) != 0;
                return TAG;
            }
        }
        int end = tagEnd(html, i, n);
        if (end < 0) {
            return TEXT;
        }
        tagEnd = end;
        int j = i + 1;
        boolean closing = j < n && html[j] == '/';
        if (closing) {
            j++;
        }
        if (j >= n || !isAsciiLetter(html[j])) {
            return html[i + 1] == '!' || html[i + 1] == '?' ? DECLARATION : TEXT;
        }
        int nameStart = j;
        while (j < n && isNameChar(html[j])) {
            j++;
        }
        tagNameStart = nameStart;
        tagNameEnd = j;
        tagKind = kind(html, nameStart, j);
        tagClosing = closing;
        tagSelfClosing = html[end - 1] == '/';
        boolean skipsContent = !closing && (tagKind & SKIPPED) != 0 && !tagSelfClosing;
        if (slot >= 0 && !skipsContent && end - i < TagMemo.LONGEST) {
            memo.tags[slot] = Arrays.copyOfRange(html, i, end + 1);
            memo.facts[slot] = tagKind | (closing ? TagMemo.CLOSING : 0) | (tagSelfClosing ? TagMemo.SELF_CLOSING : 0);
        }
        return TAG;
    }

    /**
     * The last tag read for each of a few hash slots of its first three characters. Ashby's HTML
     * repeats a handful of tags ({@code <p style="min-height:1.5em">} is a quarter of its tags):
     * comparing the characters with a known tag (a vectorised {@link Arrays#equals}) costs far
     * less than finding the tag's end past its quoted attributes and looking its name up.
     */
    static final class TagMemo {
        static final ThreadLocal<TagMemo> PER_THREAD = ThreadLocal.withInitial(TagMemo::new);
        static final int SLOTS = 64;
        /** Longer tags are not kept: rare, and they would cost more to compare. */
        static final int LONGEST = 64;
        static final int CLOSING = 1 << 8;
        static final int SELF_CLOSING = 1 << 9;
        final char[][] tags = new char[SLOTS][];
        final int[] facts = new int[SLOTS];

        static int slot(char a, char b, char c) {
            return (a * 31 * 31 + b * 31 + c) & (SLOTS - 1);
        }
    }

    private void push(char kind) {
        if (depth == lists.length) {
            lists = Arrays.copyOf(lists, depth * 2);
        }
        lists[depth++] = kind;
    }

    private void append(char c) {
        out.put(c);
    }

    private void breakLines(int n) {
        out.breakLines(n);
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
        for (int slot = slot(key); NAMES[slot] != 0; slot = (slot + 1) & (SLOTS - 1)) {
            if (NAMES[slot] == key) {
                return KINDS[slot];
            }
        }
        return 0;
    }

    /** Characters that matter inside a tag: quotes, '<' and '>'. */
    private static final boolean[] IN_TAG = new boolean[128];

    static {
        IN_TAG['"'] = true;
        IN_TAG['\''] = true;
        IN_TAG['<'] = true;
        IN_TAG['>'] = true;
    }

    /** The index of the '>' ending the tag that starts at {@code start}, skipping quoted attribute values; -1 if none. */
    private static int tagEnd(char[] html, int start, int n) {
        final boolean[] inTag = IN_TAG;
        int k = start + 1;
        while (k < n) {
            char c = html[k];
            if (c >= 128 || !inTag[c]) {
                // Names, attribute names and values: one table test a character.
                k++;
                continue;
            }
            if (c == '>') {
                return k;
            }
            if (c == '<') {
                return -1;
            }
            int close = k + 1;
            while (close < n && html[close] != c) {
                close++;
            }
            k = close + 1;
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
    static String entity(String name) {
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
