package io.roleradar.reporter.aggregate;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Sorts postings by id ({@link PostingFacts#BY_ID} order) about twice as fast as sorting them with
 * that comparator, for postings.csv's million rows. A comparison there reads two facts objects and
 * their two byte arrays, scattered over the heap: the sort waits on memory, not on the CPU. Here the
 * first 32 bytes of each id are copied once into a small entry, allocated one after another, and the
 * entries are sorted: most comparisons read only those, and only ids equal in their first 32 bytes
 * are compared in full.
 *
 * <p>The order is exactly {@code BY_ID}'s: ids shorter than 32 bytes are padded with zero bytes,
 * and where the padded keys differ they differ as the ids do (a zero byte of padding sorts before any
 * byte a longer id has there, just as the shorter id sorts first), and where they are equal the ids
 * are compared in full.
 */
public final class IdSort {
    private static final int KEY_BYTES = 32;
    private static final Comparator<Entry> ORDER = (a, b) -> {
        int c = Long.compareUnsigned(a.k0, b.k0);
        if (c == 0) {
            c = Long.compareUnsigned(a.k1, b.k1);
            if (c == 0) {
                c = Long.compareUnsigned(a.k2, b.k2);
                if (c == 0) {
                    c = Long.compareUnsigned(a.k3, b.k3);
                    if (c == 0) {
                        c = PostingFacts.BY_ID.compare(a.facts, b.facts);
                    }
                }
            }
        }
        return c;
    };

    private IdSort() {
    }

    /** Sorts {@code rows} in place by id. */
    public static void sort(PostingFacts[] rows) {
        Entry[] entries = new Entry[rows.length];
        for (int i = 0; i < rows.length; i++) {
            entries[i] = new Entry(rows[i]);
        }
        Arrays.sort(entries, ORDER);
        for (int i = 0; i < rows.length; i++) {
            rows[i] = entries[i].facts;
        }
    }

    /** A posting with the first 32 bytes of its id as four big-endian longs. */
    private static final class Entry {
        final long k0;
        final long k1;
        final long k2;
        final long k3;
        final PostingFacts facts;

        Entry(PostingFacts facts) {
            this.facts = facts;
            byte[] text = facts.text();
            int n = Math.min(facts.idLength(), KEY_BYTES);
            this.k0 = word(text, 0, n);
            this.k1 = word(text, 8, n);
            this.k2 = word(text, 16, n);
            this.k3 = word(text, 24, n);
        }

        /** Bytes {@code from} to {@code from + 8} of the id, zero past its end {@code n}, big-endian. */
        private static long word(byte[] text, int from, int n) {
            long w = 0;
            for (int i = from; i < from + 8; i++) {
                w = (w << 8) | (i < n ? text[i] & 0xFF : 0);
            }
            return w;
        }
    }
}
