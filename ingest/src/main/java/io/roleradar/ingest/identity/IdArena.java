package io.roleradar.ingest.identity;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The published postings' ids and fingerprints, packed one after another in 1 MiB byte chunks
 * (about 45 bytes a posting instead of several objects): an entry is the value hash and the
 * content key (8 bytes each, updated in place when the posting changes), then the id in UTF-8 with
 * its length. An entry is addressed by an int reference (chunk number and offset). Entries are
 * never freed: a forgotten id (a tombstone, rare) leaves its few bytes behind. Not thread-safe.
 */
final class IdArena {
    private static final int CHUNK_BITS = 20;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int FIXED = 8 + 8 + 2;
    /** Longer ids (absurd, but a JSON Lines source may carry anything) are kept aside as strings. */
    static final int MAX_ID_BYTES = 0xfffe;
    private static final int LONG_ID = 0xffff;

    private final List<byte[]> chunks = new ArrayList<>();
    private final Map<Integer, String> longIds = new HashMap<>();
    private int used = CHUNK_SIZE; // forces a first chunk
    private long bytes;

    /** Appends an entry; returns its reference. */
    int add(String id, long valueHash, long contentKey) {
        byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
        boolean aside = utf8.length > MAX_ID_BYTES;
        if (aside) {
            utf8 = new byte[0];
        }
        int length = FIXED + utf8.length;
        if (used + length > CHUNK_SIZE) {
            chunks.add(new byte[CHUNK_SIZE]);
            used = 0;
        }
        int ref = ((chunks.size() - 1) << CHUNK_BITS) | used;
        byte[] chunk = chunks.get(chunks.size() - 1);
        putLong(chunk, used, valueHash);
        putLong(chunk, used + 8, contentKey);
        int marker = aside ? LONG_ID : utf8.length;
        chunk[used + 16] = (byte) (marker >>> 8);
        chunk[used + 17] = (byte) marker;
        if (aside) {
            longIds.put(ref, id);
        }
        System.arraycopy(utf8, 0, chunk, used + FIXED, utf8.length);
        used += length;
        bytes += length;
        return ref;
    }

    long valueHash(int ref) {
        return getLong(chunk(ref), offset(ref));
    }

    long contentKey(int ref) {
        return getLong(chunk(ref), offset(ref) + 8);
    }

    void set(int ref, long valueHash, long contentKey) {
        putLong(chunk(ref), offset(ref), valueHash);
        putLong(chunk(ref), offset(ref) + 8, contentKey);
    }

    String id(int ref) {
        byte[] c = chunk(ref);
        int o = offset(ref);
        int length = ((c[o + 16] & 0xff) << 8) | (c[o + 17] & 0xff);
        if (length == LONG_ID) {
            return longIds.get(ref);
        }
        return new String(c, o + FIXED, length, StandardCharsets.UTF_8);
    }

    /** Bytes held by entries (for the log line that says how big the state is). */
    long bytes() {
        return bytes;
    }

    /** Writes the arena as it is, for a checkpoint. */
    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(chunks.size());
        out.writeInt(used);
        out.writeLong(bytes);
        for (int c = 0; c < chunks.size(); c++) {
            // The last chunk only up to what is used.
            out.write(chunks.get(c), 0, c == chunks.size() - 1 ? used : CHUNK_SIZE);
        }
        out.writeInt(longIds.size());
        for (Map.Entry<Integer, String> e : longIds.entrySet()) {
            out.writeInt(e.getKey());
            byte[] id = e.getValue().getBytes(StandardCharsets.UTF_8);
            out.writeInt(id.length);
            out.write(id);
        }
    }

    /** Reads an arena written by {@link #writeTo}. */
    static IdArena readFrom(DataInputStream in) throws IOException {
        IdArena arena = new IdArena();
        int count = in.readInt();
        int used = in.readInt();
        long bytes = in.readLong();
        if (count < 0 || used < 0 || used > CHUNK_SIZE || (count == 0 && used != CHUNK_SIZE)) {
            throw new IOException("not an id arena: " + count + " chunks, " + used + " bytes used");
        }
        for (int c = 0; c < count; c++) {
            byte[] chunk = new byte[CHUNK_SIZE];
            in.readFully(chunk, 0, c == count - 1 ? used : CHUNK_SIZE);
            arena.chunks.add(chunk);
        }
        arena.used = used;
        arena.bytes = bytes;
        int longs = in.readInt();
        for (int i = 0; i < longs; i++) {
            int ref = in.readInt();
            byte[] id = new byte[in.readInt()];
            in.readFully(id);
            arena.longIds.put(ref, new String(id, StandardCharsets.UTF_8));
        }
        return arena;
    }

    private byte[] chunk(int ref) {
        return chunks.get(ref >>> CHUNK_BITS);
    }

    private static int offset(int ref) {
        return ref & (CHUNK_SIZE - 1);
    }

    private static void putLong(byte[] b, int at, long v) {
        for (int i = 7; i >= 0; i--) {
            b[at + i] = (byte) v;
            v >>>= 8;
        }
    }

    private static long getLong(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[at + i] & 0xff);
        }
        return v;
    }
}
