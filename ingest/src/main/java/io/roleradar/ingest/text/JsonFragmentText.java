package io.roleradar.ingest.text;

import java.util.Arrays;

/**
 * Reads the HTML of a JSON string value straight from the document's UTF-8 bytes and writes its
 * text, by the rules of {@link FragmentText} and with its tag rules ({@link FragmentText#tag}), so
 * the string is never decoded into a char buffer first. Why: decoding a description into chars
 * (which the JSON parser does for a string it hands over) costs nearly as much as the conversion
 * that reads those chars again, and most of an Ashby board's bytes are descriptions; the parser
 * skipping the string instead is much cheaper.
 *
 * <p>It reads the common case only and gives up (returns -1) on the rest, which the caller
 * then reads the char way, so the answer is always the char reader's: markup written as escapes
 * ({@code \u003c}), comments, declarations, {@code <pre>}, scripts and the other elements whose
 * content is dropped, and bytes that are not well-formed JSON string content. What it writes for
 * a string it reads is exactly what {@link FragmentText} writes for the decoded string; tests
 * check that on generated HTML in several JSON encodings and on every real board.
 */
final class JsonFragmentText {
    /** {@link #decode} answers: the string's closing quote, or bytes this reader does not take. */
    private static final long END = -1;
    private static final long GIVE_UP = -2;
    /** Entity names are looked for within this many characters after the '&amp;', as the char reader does. */
    private static final int ENTITY_REACH = 12;

    private final byte[] s;
    private final TidyText out;
    /** The tag rules, and the char reader's tag reading for tags not seen before. */
    private final FragmentText rules;
    private final ByteTagMemo memo = ByteTagMemo.PER_THREAD.get();
    /** The characters of a tag or entity name, decoded. */
    private char[] chars = new char[64];

    private JsonFragmentText(byte[] s, TidyText out) {
        this.s = s;
        this.out = out;
        this.rules = new FragmentText(null, 0, out);
    }

    /**
     * Writes the text of the HTML in the JSON string whose content starts at {@code json[from]}
     * (just after its opening quote) to {@code out}; returns the index of the string's closing
     * quote, or -1 when it gave up, and what it wrote is then to be thrown away.
     */
    static int write(byte[] json, int from, TidyText out) {
        return new JsonFragmentText(json, out).run(from);
    }

    private int run(int from) {
        final byte[] s = this.s;
        int i = from;
        while (true) {
            i = out.putJsonHtmlText(s, i);
            if (i >= s.length) {
                return -1;
            }
            byte b = s[i];
            if (b == '"') {
                return i;
            }
            if (b == '<') {
                i = tag(i);
            } else if (b == '&') {
                i = entity(i);
            } else {
                // An escape, a non-ASCII character or a control byte: one character of text.
                long d = decode(s, i);
                if (d < 0) {
                    return -1;
                }
                int c = (int) d;
                if (c == '<' || c == '&') {
                    // Markup written as an escape: the char reader's business.
                    return -1;
                }
                if (c >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                    out.put(Character.highSurrogate(c));
                    out.put(Character.lowSurrogate(c));
                } else {
                    out.putHtmlChar((char) c);
                }
                i = (int) (d >>> 32);
            }
            if (i < 0) {
                return -1;
            }
        }
    }

    /** Reads the tag (or the lone '<') at {@code s[i]}; returns where reading goes on, -1 to give up. */
    private int tag(int i) {
        final byte[] s = this.s;
        if (i + 3 >= s.length) {
            return newTag(i, -1);
        }
        // Kept small, so that the compiler inlines it: nearly every tag is one seen before.
        int slot = ByteTagMemo.slot(s[i + 1], s[i + 2], s[i + 3]);
        byte[] known = memo.tags[slot];
        if (known != null && i + known.length <= s.length && Arrays.equals(s, i, i + known.length, known, 0, known.length)) {
            int facts = memo.facts[slot];
            rules.tag(facts & 0xFF, (facts & FragmentText.TagMemo.CLOSING) != 0,
                    (facts & FragmentText.TagMemo.SELF_CLOSING) != 0, 0);
            return i + known.length;
        }
        return newTag(i, slot);
    }

    /** {@link #tag} for a tag not in the memo, kept there when {@code slot} is not -1. */
    private int newTag(int i, int slot) {
        final byte[] s = this.s;
        if (i + 1 < s.length && (s[i + 1] == '!' || s[i + 1] == '?')) {
            return -1;
        }
        // Decode the characters up to the tag's '>' as the char reader's tagEnd finds it
        // (skipping quoted attribute values); a '<' or the end of the string first means the
        // '<' starts no tag.
        int m = 0;
        chars[m++] = '<';
        int k = i + 1;
        char quote = 0;
        boolean ended = false;
        while (true) {
            long d = decode(s, k);
            if (d == END) {
                break;
            }
            if (d == GIVE_UP) {
                return -1;
            }
            int c = (int) d;
            m = append(m, c);
            k = (int) (d >>> 32);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '>') {
                ended = true;
                break;
            } else if (c == '<') {
                break;
            } else if (c == '"' || c == '\'') {
                quote = (char) c;
            }
        }
        int read = ended ? rules.readTag(chars, 0, m) : FragmentText.TEXT;
        if (read == FragmentText.TEXT) {
            out.put('<');
            return i + 1;
        }
        if (read != FragmentText.TAG) {
            return -1;
        }
        int kind = rules.tagKind;
        boolean closing = rules.tagClosing;
        boolean selfClosing = rules.tagSelfClosing;
        if ((kind & FragmentText.PRE) != 0 || (!closing && (kind & FragmentText.SKIPPED) != 0 && !selfClosing)) {
            // <pre> text and the content of scripts and the like: the char reader's business.
            return -1;
        }
        if (slot >= 0 && k - i < FragmentText.TagMemo.LONGEST) {
            memo.tags[slot] = Arrays.copyOfRange(s, i, k);
            memo.facts[slot] = kind | (closing ? FragmentText.TagMemo.CLOSING : 0)
                    | (selfClosing ? FragmentText.TagMemo.SELF_CLOSING : 0);
        }
        rules.tag(kind, closing, selfClosing, 0);
        return k;
    }

    /** Reads the entity (or the lone '&amp;') at {@code s[i]}; returns where reading goes on, -1 to give up. */
    private int entity(int i) {
        // As the char reader: a ';' among the next twelve characters ends a name.
        int m = 0;
        int k = i + 1;
        int semiEnd = -1;
        for (int count = 0; count < ENTITY_REACH; ) {
            long d = decode(s, k);
            if (d == END) {
                break;
            }
            if (d == GIVE_UP) {
                return -1;
            }
            int c = (int) d;
            k = (int) (d >>> 32);
            if (c == ';') {
                semiEnd = k;
                break;
            }
            int before = m;
            m = append(m, c);
            count += m - before;
        }
        if (semiEnd >= 0 && m > 0) {
            String decoded = FragmentText.entity(new String(chars, 0, m));
            if (decoded != null) {
                out.put(decoded);
                return semiEnd;
            }
        }
        out.put('&');
        return i + 1;
    }

    /** Appends a code point to {@link #chars} at {@code m} (two chars for a supplementary one); returns the new length. */
    private int append(int m, int c) {
        if (m + 2 > chars.length) {
            chars = Arrays.copyOf(chars, chars.length * 2);
        }
        if (c >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            chars[m++] = Character.highSurrogate(c);
            chars[m++] = Character.lowSurrogate(c);
        } else {
            chars[m++] = (char) c;
        }
        return m;
    }

    /**
     * The character of the JSON string content at {@code s[i]} and where the next one starts, as
     * {@code next << 32 | code point}: an escape (a {@code \\u} escape gives its UTF-16 unit, as
     * JSON parsers do), or a well-formed UTF-8 sequence. {@link #END} at the closing quote, and
     * {@link #GIVE_UP} for anything a strict JSON parser would not take as string content (a raw
     * control character, an unknown escape, malformed UTF-8) or past the end of the bytes.
     */
    static long decode(byte[] s, int i) {
        int n = s.length;
        if (i >= n) {
            return GIVE_UP;
        }
        int b = s[i] & 0xFF;
        if (b == '"') {
            return END;
        }
        if (b == '\\') {
            if (i + 1 >= n) {
                return GIVE_UP;
            }
            int c;
            switch (s[i + 1]) {
                case '"': c = '"'; break;
                case '\\': c = '\\'; break;
                case '/': c = '/'; break;
                case 'b': c = '\b'; break;
                case 'f': c = '\f'; break;
                case 'n': c = '\n'; break;
                case 'r': c = '\r'; break;
                case 't': c = '\t'; break;
                case 'u': {
                    if (i + 6 > n) {
                        return GIVE_UP;
                    }
                    int unit = 0;
                    for (int k = i + 2; k < i + 6; k++) {
                        int digit = Character.digit(s[k], 16);
                        if (digit < 0) {
                            return GIVE_UP;
                        }
                        unit = unit << 4 | digit;
                    }
                    return (long) (i + 6) << 32 | unit;
                }
                default:
                    return GIVE_UP;
            }
            return (long) (i + 2) << 32 | c;
        }
        if (b < 0x20) {
            return GIVE_UP;
        }
        if (b < 0x80) {
            return (long) (i + 1) << 32 | b;
        }
        int length;
        int c;
        int min;
        if (b >= 0xC2 && b <= 0xDF) {
            length = 2;
            c = b & 0x1F;
            min = 0x80;
        } else if (b >= 0xE0 && b <= 0xEF) {
            length = 3;
            c = b & 0x0F;
            min = 0x800;
        } else if (b >= 0xF0 && b <= 0xF4) {
            length = 4;
            c = b & 0x07;
            min = 0x10000;
        } else {
            return GIVE_UP;
        }
        if (i + length > n) {
            return GIVE_UP;
        }
        for (int k = i + 1; k < i + length; k++) {
            int continuation = s[k] & 0xFF;
            if ((continuation & 0xC0) != 0x80) {
                return GIVE_UP;
            }
            c = c << 6 | (continuation & 0x3F);
        }
        if (c < min || c > Character.MAX_CODE_POINT || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            return GIVE_UP;
        }
        return (long) (i + length) << 32 | c;
    }

    /** Tags read before on this thread, as their bytes, to be recognised by comparison (see FragmentText's memo). */
    private static final class ByteTagMemo {
        static final ThreadLocal<ByteTagMemo> PER_THREAD = ThreadLocal.withInitial(ByteTagMemo::new);
        /**
         * More slots than the char memo's, hashed better: a tag not found here costs far more
         * than in the char reader (it is decoded first), so tags evicting each other showed.
         */
        static final int SLOTS = 256;
        final byte[][] tags = new byte[SLOTS][];
        final int[] facts = new int[SLOTS];

        static int slot(byte a, byte b, byte c) {
            return (((a & 0xFF) << 16 | (b & 0xFF) << 8 | (c & 0xFF)) * 0x9E3779B1) >>> 24;
        }
    }
}
