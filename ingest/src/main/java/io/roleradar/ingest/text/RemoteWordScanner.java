package io.roleradar.ingest.text;

import java.util.Arrays;

/**
 * Finds a few lower-case words in text, ignoring ASCII case only, as one shift-and automaton: the
 * words' letters lie end to end in the bits of one long, and a letter's bit is set while the text
 * read so far ends with its word up to that letter. A character then costs a shift, an OR and an
 * AND with the bits of the letters it is, whatever the word: finding the words by their first
 * letters branched on common letters (h, o, r, a, s, p) and mispredicted on most characters, and an
 * Aho-Corasick transition table was no faster, each character waiting for the load of the last.
 */
final class RemoteWordScanner {
    /** The most words {@link #hits} can tell apart: a hit names its word with one of six bits. */
    private static final int MAX_WORDS = 6;
    private static final long[] NO_HITS = {};

    private final int[] lengths;
    /**
     * For each ASCII character, the bits of the word letters it is (in either case) and every
     * spacer bit. A spacer bit lies before the first word and after each word: after a word, it
     * keeps for one more character that the word has just ended; before a word, it lets two
     * characters be read in one step (see {@link #hits}).
     */
    private final long[] letterBits = new long[128];
    /** The bit of each word's first letter: a word can start on any character. */
    private final long firstLetters;
    /** The bit of each word's last letter: set when the word has just been read. */
    private final long lastLetters;
    /** The spacer bit after each word: set when the word ended on the character before. */
    private final long endedBefore;
    /** For each last-letter and following spacer bit, the index of its word. */
    private final byte[] wordOfBit = new byte[Long.SIZE];

    /** The words, in lower-case ASCII letters; none may hold another, so hits come out in text order. */
    RemoteWordScanner(String... words) {
        if (words.length == 0 || words.length > MAX_WORDS) {
            throw new IllegalArgumentException("1 to " + MAX_WORDS + " words, not " + words.length);
        }
        lengths = new int[words.length];
        long first = 0;
        long last = 0;
        long spacers = 1;
        long ended = 0;
        int bit = 1;
        for (int w = 0; w < words.length; w++) {
            String word = words[w];
            for (int o = 0; o < words.length; o++) {
                if (o != w && words[o].contains(word)) {
                    // Two words could then end on one character, and one would start first.
                    throw new IllegalArgumentException(words[o] + " holds " + word);
                }
            }
            if (bit + word.length() + 1 > Long.SIZE) {
                throw new IllegalArgumentException("the words do not fit in a long");
            }
            lengths[w] = word.length();
            first |= 1L << bit;
            for (int k = 0; k < word.length(); k++) {
                char c = word.charAt(k);
                if (c < 'a' || c > 'z') {
                    throw new IllegalArgumentException("not a lower-case ASCII word: " + word);
                }
                letterBits[c] |= 1L << bit;
                letterBits[c - ('a' - 'A')] |= 1L << bit;
                bit++;
            }
            last |= 1L << (bit - 1);
            ended |= 1L << bit;
            spacers |= 1L << bit;
            wordOfBit[bit - 1] = (byte) w;
            wordOfBit[bit] = (byte) w;
            bit++;
        }
        for (int c = 0; c < letterBits.length; c++) {
            letterBits[c] |= spacers;
        }
        firstLetters = first;
        lastLetters = last;
        endedBefore = ended;
    }

    /**
     * Where the words occur: {@code position << 6 | 1 << word index}, in text order, every
     * occurrence (overlapping ones too), comparing ASCII case-insensitively in place.
     */
    long[] hits(String text) {
        final long[] bits = letterBits;
        // Two characters a step, so that each step waits on one shift, OR and AND for both: two
        // single steps, (((read << 1 | firstLetters) & b1) << 1 | firstLetters) & b2, fold into
        // this because b1 holds the spacer bit under each first letter.
        final long starts = firstLetters | firstLetters << 1;
        final long ends = lastLetters | endedBefore;
        // A character's low seven bits pick its letters: an AND instead of a branch on non-ASCII
        // characters. That can only add occurrences, and those are dropped at the end.
        long[] found = NO_HITS;
        int count = 0;
        int n = text.length();
        long read = 0;
        int i = 0;
        while (true) {
            for (; i + 1 < n; i += 2) {
                read = (read << 2 | starts) & (bits[text.charAt(i) & 127] << 1 & bits[text.charAt(i + 1) & 127]);
                if ((read & ends) != 0) {
                    break;
                }
            }
            if (i + 1 >= n) {
                break;
            }
            // At most one word ends on each character (none holds another), and one ending on
            // the first character started before one ending on the second.
            if ((read & endedBefore) != 0) {
                found = append(found, count++, (long) i << 6 | wordOfBit[Long.numberOfTrailingZeros(read & endedBefore)]);
            }
            if ((read & lastLetters) != 0) {
                found = append(found, count++, (long) (i + 1) << 6 | wordOfBit[Long.numberOfTrailingZeros(read & lastLetters)]);
            }
            i += 2;
        }
        if (i < n) {
            read = (read << 1 | firstLetters) & bits[text.charAt(i) & 127];
            if ((read & lastLetters) != 0) {
                found = append(found, count++, (long) i << 6 | wordOfBit[Long.numberOfTrailingZeros(read & lastLetters)]);
            }
        }
        // From (end << 6 | word index) to hits, keeping the occurrences made of ASCII characters.
        int kept = 0;
        for (int h = 0; h < count; h++) {
            int end = (int) (found[h] >>> 6);
            int word = (int) (found[h] & 63);
            int start = end + 1 - lengths[word];
            if (isAscii(text, start, end + 1)) {
                found[kept++] = (long) start << 6 | 1L << word;
            }
        }
        return kept == found.length ? found : Arrays.copyOf(found, kept);
    }

    private static long[] append(long[] values, int count, long value) {
        if (count == values.length) {
            values = Arrays.copyOf(values, Math.max(8, count * 2));
        }
        values[count] = value;
        return values;
    }

    private static boolean isAscii(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (text.charAt(k) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** True when one of the words lies wholly within {@code text[from, to)}, ignoring ASCII case. */
    boolean anyWithin(String text, int from, int to) {
        final long[] bits = letterBits;
        long read = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            read = (read << 1 | firstLetters) & (c < 128 ? bits[c] : 0);
            if ((read & lastLetters) != 0) {
                return true;
            }
        }
        return false;
    }
}
