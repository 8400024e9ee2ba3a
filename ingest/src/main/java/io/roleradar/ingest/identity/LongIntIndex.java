package io.roleradar.ingest.identity;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * A map from 64-bit hashes to int references in two flat arrays (12 bytes a slot, no object per
 * entry), so the dedup state of a million postings fits a small heap. Open addressing with linear
 * probing; deletion shifts the following run back, so no tombstones pile up. Key 0 marks a free
 * slot, so a hash of 0 is stored as 1 (the hashes are already uniform; one more collision in 2^64
 * does not matter). Not thread-safe.
 */
final class LongIntIndex {
    static final int ABSENT = -1;
    private static final double MAX_LOAD = 0.75;

    private long[] keys;
    private int[] refs;
    private int size;
    private int mask;

    LongIntIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) (expected / MAX_LOAD)) * 2 - 1);
        allocate(capacity);
    }

    int size() {
        return size;
    }

    int capacity() {
        return keys.length;
    }

    int get(long key) {
        long k = nonZero(key);
        for (int i = slot(k); ; i = (i + 1) & mask) {
            if (keys[i] == k) {
                return refs[i];
            }
            if (keys[i] == 0) {
                return ABSENT;
            }
        }
    }

    void put(long key, int ref) {
        long k = nonZero(key);
        int i = slot(k);
        while (keys[i] != 0 && keys[i] != k) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            keys[i] = k;
            if (++size > keys.length * MAX_LOAD) {
                refs[i] = ref;
                grow();
                return;
            }
        }
        refs[i] = ref;
    }

    /** Removes the key; returns its reference, or {@link #ABSENT}. */
    int remove(long key) {
        long k = nonZero(key);
        int i = slot(k);
        while (keys[i] != k) {
            if (keys[i] == 0) {
                return ABSENT;
            }
            i = (i + 1) & mask;
        }
        int removed = refs[i];
        // Backward-shift deletion: move later entries of the run into the hole when their home slot allows it.
        int hole = i;
        for (int j = (i + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
            int home = slot(keys[j]);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                refs[hole] = refs[j];
                hole = j;
            }
        }
        keys[hole] = 0;
        size--;
        return removed;
    }

    /** Writes the table as it is (capacity, size, then every slot), for a checkpoint. */
    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(keys.length);
        out.writeInt(size);
        for (int i = 0; i < keys.length; i++) {
            out.writeLong(keys[i]);
            out.writeInt(refs[i]);
        }
    }

    /** Reads a table written by {@link #writeTo}. */
    static LongIntIndex readFrom(DataInputStream in) throws IOException {
        int capacity = in.readInt();
        int size = in.readInt();
        if (capacity < 16 || Integer.bitCount(capacity) != 1 || size < 0 || size > capacity * MAX_LOAD) {
            throw new IOException("not an index: capacity " + capacity + ", size " + size);
        }
        LongIntIndex index = new LongIntIndex(16);
        index.allocate(capacity);
        for (int i = 0; i < capacity; i++) {
            index.keys[i] = in.readLong();
            index.refs[i] = in.readInt();
        }
        index.size = size;
        return index;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRefs = refs;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int j = slot(oldKeys[i]);
                while (keys[j] != 0) {
                    j = (j + 1) & mask;
                }
                keys[j] = oldKeys[i];
                refs[j] = oldRefs[i];
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        refs = new int[capacity];
        Arrays.fill(refs, ABSENT);
        mask = capacity - 1;
    }

    private int slot(long k) {
        // The keys are SHA-256 bits: any of their bits is as good as a mixed hash.
        return (int) (k ^ (k >>> 32)) & mask;
    }

    private static long nonZero(long key) {
        return key == 0 ? 1 : key;
    }
}
