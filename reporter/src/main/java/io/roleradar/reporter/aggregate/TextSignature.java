package io.roleradar.reporter.aggregate;

/**
 * A 64-bit SimHash (Charikar 2002, as Manku et al. use it for near-duplicate web pages) of a
 * posting's title and description: the text is cut into shingles of three consecutive words, each
 * shingle hashed to 64 bits, and bit {@code b} of the signature is set when more than half of the
 * shingles have bit {@code b} set. Texts that differ in a few shingles (a city, a country paragraph,
 * a requisition number) get signatures a few bits apart; unrelated texts differ in about half of
 * the 64 bits. Eight bytes a posting, the only trace of its text a report keeps.
 *
 * <p>The per-bit counts are kept bit-sliced (plane {@code p} holds bit {@code p} of all 64 counts),
 * so adding a shingle is a short carry loop over whole words instead of 64 separate increments.
 */
public final class TextSignature {
    /** What a text too short to compare gets: it is never grouped with another. */
    public static final long NONE = 0L;
    /** Fewer shingles than this say too little to call two texts the same role. */
    static final int MIN_SHINGLES = 20;
    private static final int PLANES = 20; // counts up to about a million shingles
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

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

    /** Words (runs of letters and digits, lower-cased) to shingles to the bit-sliced counts. */
    private static final class Shingler {
        private final long[] planes = new long[PLANES];
        private long w1;
        private long w2;
        private int words;
        private int shingles;

        void feed(String text) {
            if (text == null) {
                return;
            }
            long h = FNV_OFFSET;
            boolean inWord = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    h = (h ^ Character.toLowerCase(c)) * FNV_PRIME;
                    inWord = true;
                } else if (inWord) {
                    word(h);
                    h = FNV_OFFSET;
                    inWord = false;
                }
            }
            if (inWord) {
                word(h);
            }
        }

        private void word(long w3) {
            words++;
            if (words >= 3) {
                add(mix(w1 * 0x9E3779B97F4A7C15L + w2 * 0xC2B2AE3D27D4EB4FL + w3));
            }
            w1 = w2;
            w2 = w3;
        }

        private void add(long bits) {
            shingles++;
            long carry = bits;
            for (int p = 0; p < PLANES && carry != 0; p++) {
                long both = planes[p] & carry;
                planes[p] ^= carry;
                carry = both;
            }
        }

        long signature() {
            if (shingles < MIN_SHINGLES) {
                return NONE;
            }
            long signature = 0;
            for (int b = 0; b < 64; b++) {
                long count = 0;
                for (int p = 0; p < PLANES; p++) {
                    count |= ((planes[p] >>> b) & 1L) << p;
                }
                if (2 * count > shingles) {
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
