package io.roleradar.ingest.identity;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The postings a run has already handed on, by content key and by a 64-bit hash of the id, in two
 * open-addressing sets of longs (16 bytes a posting at most, so a file of millions of postings is
 * deduplicated in a few tens of megabytes). Two different postings share a hash with probability
 * about n^2/2^65.
 */
final class SeenKeys {
    private final LongSet contentKeys = new LongSet();
    private final LongSet ids = new LongSet();

    void addContent(long contentKey) {
        contentKeys.add(contentKey);
    }

    void addId(String id) {
        ids.add(hash(id));
    }

    /** True when the content key or the id was added before. */
    boolean contains(long contentKey, String id) {
        return contentKeys.contains(contentKey) || ids.contains(hash(id));
    }

    /** FNV-1a over the UTF-8 bytes, finished with a 64-bit mix so that similar ids spread. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** A set of longs; 0 marks a free slot, so the value 0 is kept aside in a flag. */
    private static final class LongSet {
        private long[] slots = new long[1 << 12];
        private int size;
        private boolean hasZero;

        boolean add(long v) {
            if (v == 0) {
                boolean added = !hasZero;
                hasZero = true;
                return added;
            }
            if ((size + 1) * 2 > slots.length) {
                grow();
            }
            if (!insert(slots, v)) {
                return false;
            }
            size++;
            return true;
        }

        boolean contains(long v) {
            if (v == 0) {
                return hasZero;
            }
            int mask = slots.length - 1;
            for (int i = (int) (v ^ (v >>> 32)) & mask; slots[i] != 0; i = (i + 1) & mask) {
                if (slots[i] == v) {
                    return true;
                }
            }
            return false;
        }

        private static boolean insert(long[] table, long v) {
            int mask = table.length - 1;
            int i = (int) (v ^ (v >>> 32)) & mask;
            while (table[i] != 0) {
                if (table[i] == v) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            table[i] = v;
            return true;
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            Arrays.stream(old).filter(v -> v != 0).forEach(v -> insert(slots, v));
        }
    }
}
