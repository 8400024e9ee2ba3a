package io.roleradar.ingest.identity;

import io.roleradar.model.RawPosting;

import java.util.HashMap;
import java.util.Map;

/**
 * What has been published already: per posting id the hash of its value (without fetchedAt), and
 * per content key the id it was published under. A posting whose hash is unchanged is not
 * published again; a known job found under another id (the first occurrence changed between runs)
 * keeps the id it was published under, so ids stay stable. Rebuilt at start from the compacted
 * {@code postings.raw} topic (see {@link TopicStateLoader}), so it survives restarts without a
 * local store to lose or keep in sync.
 */
public final class PublishedState {
    private final Map<String, String> hashById = new HashMap<>();
    private final Map<String, String> idByKey = new HashMap<>();

    /** Records a posting as published (or read back from the topic). */
    public synchronized void remember(RawPosting posting) {
        hashById.put(posting.id(), ContentKey.valueHash(posting));
        idByKey.put(ContentKey.of(posting), posting.id());
    }

    /** Forgets an id, for a tombstone on the topic. */
    public synchronized void forget(String id) {
        hashById.remove(id);
        idByKey.values().removeIf(id::equals);
    }

    /** The posting as it should be published (under its known id), or null when it is unchanged. */
    public synchronized RawPosting toPublish(RawPosting posting) {
        RawPosting p = posting;
        String knownId = idByKey.get(ContentKey.of(posting));
        if (knownId != null && !knownId.equals(posting.id()) && !hashById.containsKey(posting.id())) {
            p = posting.toBuilder().id(knownId).build();
        }
        String hash = hashById.get(p.id());
        return hash != null && hash.equals(ContentKey.valueHash(p)) ? null : p;
    }

    public synchronized int size() {
        return hashById.size();
    }
}
