package io.roleradar.ingest.text;

import java.util.Arrays;

/**
 * Writes tidy multi-line text as it is produced, by the rules of {@link Texts#tidyLines(String)}:
 * each line's whitespace collapsed and trimmed, invisible characters dropped, a lone bullet joined
 * to the line after it, at most one blank line between paragraphs, none at either end.
 *
 * <p>Why a writer and not a pass over finished text: the HTML converter used to write raw text and
 * have it tidied in a second pass, and the two passes over every description character (each
 * branching on every space) were a third of extraction time. Written through this class, each
 * character is looked at once. The converter still needs one fact about its raw output, how many
 * line breaks it ends with (spaces not counting), to share breaks between adjacent blocks; the
 * writer keeps that count, so the answer is the same as if the raw text had been written out.
 *
 * <p>One writer per thread is reused (its buffers too: allocating and zeroing two arrays the size
 * of every description also showed in profiles); {@link #open()} hands out a fresh one when the
 * thread's is in use.
 */
final class TidyText {
    /** Character classes of the fast loops, for ASCII: copied as is, a space, a stop, or the general path. */
    private static final byte COPY = 0;
    private static final byte SPACE = 1;
    private static final byte STOP = 2;
    private static final byte GENERAL = 3;
    /** Text between tags of HTML outside {@code <pre>}: any ASCII whitespace is a space; '<' and '&' stop. */
    private static final byte[] HTML_TEXT = new byte[128];
    /** Plain text: spaces and tabs are spaces; line ends (and the other special characters) take the general path. */
    private static final byte[] PLAIN_TEXT = new byte[128];
    /** Buffers larger than this are not kept for the next text: one huge page should not pin its memory. */
    private static final int KEPT_CAPACITY = 1 << 20;

    static {
        for (byte[] table : new byte[][] {HTML_TEXT, PLAIN_TEXT}) {
            table[' '] = SPACE;
            table['\t'] = SPACE;
            table['\f'] = SPACE;
            // A vertical tab is a space to the tidy rules but not to the HTML converter, which
            // writes it out raw (so it ends a run of line breaks): the general path sorts that out.
            table[0x0B] = GENERAL;
        }
        HTML_TEXT['\n'] = SPACE;
        HTML_TEXT['\r'] = SPACE;
        HTML_TEXT['<'] = STOP;
        HTML_TEXT['&'] = STOP;
        PLAIN_TEXT['\n'] = GENERAL;
        PLAIN_TEXT['\r'] = GENERAL;
        // Every '&' goes through put(char), which notes it (see wroteAmpersand).
        PLAIN_TEXT['&'] = GENERAL;
    }

    /**
     * The fast loop's table, one entry for every char: a character copied as is, a space (' '
     * alone), or anything else (a stop, another whitespace character, any non-ASCII character),
     * which leaves the loop. Indexed by the whole char, the loop needs no test for ASCII, and
     * with ' ' its only space it writes each character as it is instead of looking up what to
     * write; the rarer whitespace characters go through the loop's exit, written as a space.
     */
    private static final byte[] HTML_FAST = fastTable(HTML_TEXT);
    private static final byte[] PLAIN_FAST = fastTable(PLAIN_TEXT);

    private static byte[] fastTable(byte[] ascii) {
        byte[] table = new byte[Character.MAX_VALUE + 1];
        Arrays.fill(table, GENERAL);
        table[' '] = SPACE;
        for (int c = 0; c < 128; c++) {
            if (ascii[c] == COPY) {
                table[c] = COPY;
            }
        }
        return table;
    }

    /**
     * The byte loop's table ({@link #putJsonHtmlText}), for the UTF-8 bytes of HTML in a JSON
     * string: printable ASCII is copied, ' ' is a space, and everything else leaves the loop for
     * the caller to read ('<', '&', the backslash of an escape, the closing quote, control and
     * non-ASCII bytes).
     */
    private static final byte[] JSON_HTML_FAST = new byte[256];

    static {
        Arrays.fill(JSON_HTML_FAST, GENERAL);
        for (int b = ' '; b < 128; b++) {
            JSON_HTML_FAST[b] = HTML_FAST[b] == GENERAL ? GENERAL : HTML_FAST[b];
        }
        JSON_HTML_FAST['\\'] = GENERAL;
        JSON_HTML_FAST['"'] = GENERAL;
    }

    private static final ThreadLocal<TidyText> PER_THREAD = ThreadLocal.withInitial(TidyText::new);

    private char[] dst = new char[256];
    private int len;
    /** The current line; a space at its end is pending (dropped if the line ends there). */
    private char[] line = new char[256];
    private int ll;
    /** A '\r' was the last character: it ends the line, together with a '\n' that follows it. */
    private boolean carriageReturn;
    private int blankLines;
    /** A line holding only a bullet was seen: its text is on the next line. */
    private boolean bullet;
    private boolean lastWasBullet;
    /** Line breaks at the end of the raw text written so far, spaces not counting. */
    private int rawLineBreaks;
    /** An '&' was written since {@link #open()}. */
    private boolean ampersand;
    private boolean inUse;

    private TidyText() {
    }

    /** A writer with nothing written, this thread's when it is free. */
    static TidyText open() {
        TidyText t = PER_THREAD.get();
        if (t.inUse) {
            t = new TidyText();
        }
        t.inUse = true;
        t.len = 0;
        t.ll = 0;
        t.carriageReturn = false;
        t.blankLines = 0;
        t.bullet = false;
        t.lastWasBullet = false;
        t.rawLineBreaks = 0;
        t.ampersand = false;
        return t;
    }

    /** The tidy text, after which the writer is free for the next one. */
    String finish() {
        if (carriageReturn) {
            carriageReturn = false;
            endLine();
        }
        endLine();
        String text = new String(dst, 0, len);
        if (dst.length > KEPT_CAPACITY) {
            dst = new char[256];
        }
        if (line.length > KEPT_CAPACITY) {
            line = new char[256];
        }
        inUse = false;
        return text;
    }

    /** Writes one raw character. */
    void put(char c) {
        if (c == '&') {
            ampersand = true;
        }
        if (c == '\n') {
            rawLineBreaks++;
        } else if (c != ' ') {
            rawLineBreaks = 0;
        }
        if (carriageReturn) {
            carriageReturn = false;
            endLine();
            if (c == '\n') {
                return;
            }
        }
        if (c > ' ' && c < 0x7F) {
            append(c);
        } else if (c == '\n') {
            endLine();
        } else if (c == '\r') {
            carriageReturn = true;
        } else if (isSpace(c)) {
            if (ll > 0 && line[ll - 1] != ' ') {
                append(' ');
            }
        } else if (!isInvisible(c)) {
            append(c);
        }
    }

    /**
     * Whether an '&' was written since {@link #open()}: without one the text holds no entity,
     * and the check for leftover entities need not read it.
     */
    boolean wroteAmpersand() {
        return ampersand;
    }

    /** Writes each character of {@code s}. */
    void put(String s) {
        for (int k = 0; k < s.length(); k++) {
            put(s.charAt(k));
        }
    }

    /** Writes {@code s[from, to)} as plain text. */
    void putPlain(char[] s, int from, int to) {
        run(s, from, to, PLAIN_TEXT);
    }

    /**
     * Writes the text of HTML outside {@code <pre>} from {@code s[from]} up to the next '<' or
     * '&amp;' (or {@code to}), each run of whitespace as one space, as the converter's raw text
     * would have it; returns where it stopped.
     */
    int putHtmlText(char[] s, int from, int to) {
        return run(s, from, to, HTML_TEXT);
    }

    /** Writes one character of HTML text outside {@code <pre>}: ASCII whitespace as a space. */
    void putHtmlChar(char c) {
        put(c < 128 && HTML_TEXT[c] == SPACE ? ' ' : c);
    }

    /**
     * Writes HTML text outside {@code <pre>} straight from the UTF-8 bytes of a JSON string,
     * from {@code s[from]} up to the first byte that is not printable ASCII or is '<', '&amp;',
     * '\\' or '"' (which the caller reads: markup, an escape, the end of the string); returns
     * where it stopped. What it writes is what {@link #putHtmlText} writes for the same
     * characters: the same loop, reading bytes.
     */
    int putJsonHtmlText(byte[] s, int from) {
        final byte[] fast = JSON_HTML_FAST;
        final int n = s.length;
        int i = from;
        while (i < n) {
            int kind = fast[s[i] & 0xFF];
            if (kind > SPACE) {
                return i;
            }
            if (carriageReturn || ll == 0) {
                put(kind == SPACE ? ' ' : (char) s[i]);
                i++;
                continue;
            }
            if (ll == line.length) {
                line = Arrays.copyOf(line, ll * 2);
            }
            final char[] ln = line;
            // The rest of the string is unknown (it ends at a quote): a run goes as far as the
            // line has room, and the loop grows the line for the next.
            final int to = Math.min(n, i + (ln.length - ll));
            int l = ll;
            int start = l;
            int pending = ln[l - 1] == ' ' ? 1 : 0;
            while (i < to) {
                int b = s[i] & 0xFF;
                int k = fast[b];
                if (k > SPACE) {
                    break;
                }
                ln[l] = (char) b;
                l += 1 - (k & pending);
                pending = k;
                i++;
            }
            ll = l;
            if (l - start > 1 || (l - start == 1 && ln[l - 1] != ' ')) {
                rawLineBreaks = 0;
            }
        }
        return i;
    }

    /** Ends the raw text with at least {@code n} line breaks: adjacent blocks share their breaks. */
    void breakLines(int n) {
        for (int have = Math.min(n, rawLineBreaks); have < n; have++) {
            put('\n');
        }
    }

    /**
     * The hot loop: ASCII text in one straight line of code per character (a table says what a
     * character is, a pending space is written at once and trimmed at the line's end), so word
     * boundaries cost no mispredicted branch; anything else goes through {@link #put(char)}.
     */
    private int run(char[] s, int from, int to, byte[] classes) {
        int i = from;
        while (i < to) {
            if (carriageReturn || ll == 0) {
                // Line starts and a pending '\r' are the general path's business.
                char c = s[i];
                if (c < 128 && classes[c] == STOP) {
                    return i;
                }
                put(c < 128 && classes[c] == SPACE ? ' ' : c);
                i++;
                continue;
            }
            if (line.length < ll + (to - i)) {
                line = Arrays.copyOf(line, Math.max(ll + (to - i), line.length * 2));
            }
            final char[] ln = line;
            int l = ll;
            int start = l;
            int pending = ln[l - 1] == ' ' ? 1 : 0;
            final byte[] fast = classes == HTML_TEXT ? HTML_FAST : PLAIN_FAST;
            while (i < to) {
                char c = s[i];
                int kind = fast[c];
                if (kind > SPACE) {
                    break;
                }
                // kind is 1 for a space, 0 for a character copied as is. A space after a space is
                // written over by what comes next (l does not move); l never reaches 0 here.
                ln[l] = c;
                l += 1 - (kind & pending);
                pending = kind;
                i++;
            }
            ll = l;
            // Whether the run held a character other than a space (which ends a run of raw line
            // breaks), read off the line instead of tracked per character: spaces alone move the
            // line's end by one at most, and leave a space there.
            if (l - start > 1 || (l - start == 1 && ln[l - 1] != ' ')) {
                rawLineBreaks = 0;
            }
            if (i < to) {
                char c = s[i];
                if (c < 128 && classes[c] == STOP) {
                    return i;
                }
                put(c < 128 && classes[c] == SPACE ? ' ' : c);
                i++;
            }
        }
        return i;
    }

    private void append(char c) {
        if (ll == line.length) {
            line = Arrays.copyOf(line, ll * 2);
        }
        line[ll++] = c;
    }

    private void endLine() {
        int l = ll;
        if (l > 0 && line[l - 1] == ' ') {
            l--;
        }
        ll = 0;
        if (l == 1 && (line[0] == '-' || line[0] == '\u2022')) {
            // A bullet whose text comes on a later line (<li><p>text</p></li>): join them.
            bullet = true;
            return;
        }
        if (l == 0) {
            blankLines++;
            return;
        }
        boolean dashed = l > 1 && line[0] == '-' && line[1] == ' ';
        boolean prefix = bullet && !dashed;
        if (len + l + 4 > dst.length) {
            dst = Arrays.copyOf(dst, Math.max(len + l + 4, dst.length * 2));
        }
        if (len > 0) {
            dst[len++] = '\n';
            if (blankLines > 0 && !(bullet && lastWasBullet)) {
                dst[len++] = '\n';
            }
        }
        if (prefix) {
            dst[len++] = '-';
            dst[len++] = ' ';
        }
        System.arraycopy(line, 0, dst, len, l);
        len += l;
        lastWasBullet = prefix || dashed;
        blankLines = 0;
        bullet = false;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\f'
                || c == '\u000B' || (c > 0x1FFF && isSpaceCharAbove1FFF(c));
    }

    /**
     * {@link Character#isSpaceChar} for characters above U+1FFF, without its table lookup (which
     * showed in profiles: typographic quotes and dashes are common in descriptions). Above U+1FFF
     * the space, line and paragraph separators are U+2000-U+200A, U+2028, U+2029, U+202F, U+205F
     * and U+3000.
     */
    private static boolean isSpaceCharAbove1FFF(char c) {
        return c <= '\u200A' || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }

    static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }
}
