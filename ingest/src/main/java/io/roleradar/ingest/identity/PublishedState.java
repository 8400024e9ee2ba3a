package io.roleradar.ingest.identity;

import io.roleradar.model.RawPosting;

/**
 * What has been published already: per posting id the hash of its value (without fetchedAt), and
 * per content key the id it was published under. A posting whose hash is unchanged is not
 * published again; a known job found under another id (the first occurrence changed between runs)
 * keeps the id it was published under, so ids stay stable. Rebuilt at start from the compacted
 * {@code postings.raw} topic (see {@link TopicStateLoader}), so it survives restarts without a
 * local store to lose or keep in sync.
 *
 * <p>Kept compact because it holds every posting of the topic: two hash indexes of 64-bit keys
 * (id hash and content key, 12 bytes a slot) pointing into an {@link IdArena} of the ids and
 * fingerprints, about 80 bytes a posting in all (80 MB for a million).
 */
public final class PublishedState {
    private final LongIntIndex byId;
    private final LongIntIndex byContent;
    private final IdArena arena;

    public PublishedState() {
        this(new LongIntIndex(1024), new LongIntIndex(1024), new IdArena());
    }

    private PublishedState(LongIntIndex byId, LongIntIndex byContent, IdArena arena) {
        this.byId = byId;
        this.byContent = byContent;
        this.arena = arena;
    }

    /** Writes the whole state, as it is in memory, for a {@link StateCheckpoint}. */
    synchronized void writeTo(java.io.DataOutputStream out) throws java.io.IOException {
        byId.writeTo(out);
        byContent.writeTo(out);
        arena.writeTo(out);
    }

    /** Reads a state written by {@link #writeTo}. */
    static PublishedState readFrom(java.io.DataInputStream in) throws java.io.IOException {
        LongIntIndex byId = LongIntIndex.readFrom(in);
        LongIntIndex byContent = LongIntIndex.readFrom(in);
        return new PublishedState(byId, byContent, IdArena.readFrom(in));
    }

    /** A posting to publish, with the fingerprint to record once it is published. */
    public record ToPublish(RawPosting posting, Fingerprint fingerprint) {
    }

    /** Records a posting as published. */
    public void remember(RawPosting posting) {
        remember(posting.id(), Fingerprint.of(posting));
    }

    /** Records an id as published with this fingerprint (from the topic's header, or computed). */
    public synchronized void remember(String id, Fingerprint fingerprint) {
        long idHash = Fingerprint.hash64(id);
        int ref = byId.get(idHash);
        if (ref == LongIntIndex.ABSENT) {
            ref = arena.add(id, fingerprint.valueHash(), fingerprint.contentKey());
            byId.put(idHash, ref);
        } else {
            long oldKey = arena.contentKey(ref);
            if (oldKey != fingerprint.contentKey() && byContent.get(oldKey) == ref) {
                byContent.remove(oldKey);
            }
            arena.set(ref, fingerprint.valueHash(), fingerprint.contentKey());
        }
        byContent.put(fingerprint.contentKey(), ref);
    }

    /** Forgets an id, for a tombstone on the topic. */
    public synchronized void forget(String id) {
        int ref = byId.remove(Fingerprint.hash64(id));
        if (ref != LongIntIndex.ABSENT) {
            long key = arena.contentKey(ref);
            if (byContent.get(key) == ref) {
                byContent.remove(key);
            }
        }
    }

    /**
     * The posting as it should be published (under its known id) with its fingerprint, or null
     * when it is unchanged.
     */
    public ToPublish toPublish(RawPosting posting) {
        return toPublish(posting, ContentKey.of(posting));
    }

    /** As {@link #toPublish(RawPosting)}, with the posting's {@link ContentKey} already computed. */
    public synchronized ToPublish toPublish(RawPosting posting, long contentKey) {
        RawPosting p = posting;
        int known = byContent.get(contentKey);
        if (known != LongIntIndex.ABSENT && byId.get(Fingerprint.hash64(posting.id())) == LongIntIndex.ABSENT) {
            String knownId = arena.id(known);
            if (!knownId.equals(posting.id())) {
                p = posting.toBuilder().id(knownId).build();
            }
        }
        Fingerprint fingerprint = new Fingerprint(Fingerprint.valueHash(p), contentKey);
        int ref = byId.get(Fingerprint.hash64(p.id()));
        return ref != LongIntIndex.ABSENT && arena.valueHash(ref) == fingerprint.valueHash() ? null
                : new ToPublish(p, fingerprint);
    }

    public synchronized int size() {
        return byId.size();
    }

    /** Bytes the state holds, roughly (for the log line after a rebuild). */
    public synchronized long approximateBytes() {
        return arena.bytes() + 12L * (byId.capacity() + byContent.capacity());
    }
}
