package io.roleradar.reporter.aggregate;

/**
 * A 64-bit SimHash (Charikar 2002, as Manku et al. use it for near-duplicate web pages) of a
 * posting's title and description: the text is cut into shingles of three consecutive words, each
 * shingle hashed to 64 bits, and bit {@code b} of the signature is set when more than half of the
 * shingles have bit {@code b} set. Texts that differ in a few shingles (a city, a country paragraph,
 * a requisition number) get signatures a few bits apart; unrelated texts differ in about half of
 * the 64 bits. Eight bytes a posting, the only trace of its text a report keeps.
 *
 * <p>Made on the decoding threads for every posting, so it is kept cheap: the 64 per-bit counts are
 * eight bytes to a long (a table spreads each byte of a shingle's hash over eight byte lanes, so a
 * shingle is eight look-ups and adds, with no branch per bit), emptied into wider counts before a
 * lane can overflow.
 */
public final class TextSignature {
    /** What a text too short to compare gets: it is never grouped with another. */
    public static final long NONE = 0L;
    /** Fewer shingles than this say too little to call two texts the same role. */
    static final int MIN_SHINGLES = 20;
    /** A byte lane holds at most 255: the packed counts are emptied every this many shingles. */
    private static final int LANE_LIMIT = 255;
    /** For each byte value, a long with bit {@code i} of the byte moved to bit {@code 8 * i}. */
    private static final long[] SPREAD = new long[256];

    /** For each ASCII character: itself lower-cased when a letter or digit, else -1. */
    private static final int[] ASCII_FOLD = new int[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII_FOLD[c] = Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : -1;
        }
        for (int v = 0; v < 256; v++) {
            long spread = 0;
            for (int i = 0; i < 8; i++) {
                spread |= (long) ((v >>> i) & 1) << (8 * i);
            }
            SPREAD[v] = spread;
        }
    }

    private TextSignature() {
    }

    /** The signature of the title and description together, or {@link #NONE} when they are too short. */
    public static long of(String title, String description) {
        Shingler s = new Shingler();
        s.feed(title);
        s.feed(description);
        return s.signature();
    }

    /** How many of the 64 bits two signatures differ in. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** Words (runs of letters and digits, lower-cased) to shingles to the per-bit counts. */
    private static final class Shingler {
        /** packed[k] holds the counts of bits k, k + 8, ..., k + 56 of the hashes, one byte each. */
        private final long[] packed = new long[8];
        private final int[] counts = new int[64];
        private int inPacked;
        private long w1;
        private long w2;
        private int words;
        private int shingles;

        void feed(String text) {
            if (text == null) {
                return;
            }
            int h = 0;
            boolean inWord = false;
            for (int i = 0; i < text.length(); i++) {
                int folded = fold(text.charAt(i));
                if (folded >= 0) {
                    h = 31 * h + folded;
                    inWord = true;
                } else if (inWord) {
                    word(h);
                    h = 0;
                    inWord = false;
                }
            }
            if (inWord) {
                word(h);
            }
        }

        /**
         * The character lower-cased when it is a letter or digit, else -1. ASCII, nearly every
         * character of a posting, is one look-up, without the Unicode tables.
         */
        private static int fold(char c) {
            if (c < 128) {
                return ASCII_FOLD[c];
            }
            return Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : -1;
        }

        private void word(int hash) {
            long w3 = hash;
            words++;
            if (words >= 3) {
                add(mix(w1 * 0x9E3779B97F4A7C15L + w2 * 0xC2B2AE3D27D4EB4FL + w3));
            }
            w1 = w2;
            w2 = w3;
        }

        private void add(long bits) {
            shingles++;
            for (int k = 0; k < 8; k++) {
                packed[k] += SPREAD[(int) (bits >>> (8 * k)) & 0xFF];
            }
            if (++inPacked == LANE_LIMIT) {
                flush();
            }
        }

        /** Moves the packed byte counts into the int counts: bit 8i + k of a hash is lane i of packed[k]. */
        private void flush() {
            for (int k = 0; k < 8; k++) {
                long p = packed[k];
                for (int i = 0; i < 8; i++) {
                    counts[8 * k + i] += (int) ((p >>> (8 * i)) & 0xFF);
                }
                packed[k] = 0;
            }
            inPacked = 0;
        }

        long signature() {
            if (shingles < MIN_SHINGLES) {
                return NONE;
            }
            flush();
            long signature = 0;
            for (int b = 0; b < 64; b++) {
                if (2 * counts[b] > shingles) {
                    signature |= 1L << b;
                }
            }
            return signature == NONE ? 1L : signature;
        }

        /** The finaliser of MurmurHash3: spreads the shingle's word hashes over all 64 bits. */
        private static long mix(long h) {
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            h ^= h >>> 33;
            return h;
        }
    }
}
