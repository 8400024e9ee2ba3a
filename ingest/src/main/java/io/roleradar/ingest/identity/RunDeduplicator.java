package io.roleradar.ingest.identity;

import io.roleradar.model.RawPosting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges duplicates within one run: postings with the same {@link ContentKey} (one job posted for
 * several cities, or found on two sources) or the same id become one, the FIRST occurrence's, with
 * the others' locations added to {@code otherLocations} and their URLs (or ids, when they have no
 * URL) to {@code otherSources}. Order of first occurrence is kept.
 */
public final class RunDeduplicator {
    private final Map<Long, RawPosting> byKey = new LinkedHashMap<>();
    private final Map<String, Long> keyById = new HashMap<>();
    private int duplicates;

    /** Adds a posting; false when it was a duplicate of one already added (and was merged into it). */
    public boolean add(RawPosting posting) {
        Long key = ContentKey.of(posting);
        Long existingKey = byKey.containsKey(key) ? key : keyById.get(posting.id());
        if (existingKey == null) {
            byKey.put(key, posting);
            keyById.put(posting.id(), key);
            return true;
        }
        duplicates++;
        byKey.put(existingKey, merge(byKey.get(existingKey), posting));
        keyById.putIfAbsent(posting.id(), existingKey);
        return false;
    }

    public List<RawPosting> postings() {
        return new ArrayList<>(byKey.values());
    }

    /** The content key of each unique posting, by its id. */
    public Map<String, Long> contentKeys() {
        Map<String, Long> keys = new HashMap<>();
        byKey.forEach((key, posting) -> keys.put(posting.id(), key));
        return keys;
    }

    public int duplicates() {
        return duplicates;
    }

    static RawPosting merge(RawPosting first, RawPosting dup) {
        List<String> locations = new ArrayList<>(first.otherLocations());
        addLocation(locations, first.location(), dup.location());
        for (String l : dup.otherLocations()) {
            addLocation(locations, first.location(), l);
        }
        List<String> sources = new ArrayList<>(first.otherSources());
        String where = dup.sourceUrl() != null ? dup.sourceUrl() : dup.id();
        if (!where.equals(first.sourceUrl()) && !where.equals(first.id()) && !sources.contains(where)) {
            sources.add(where);
        }
        for (String s : dup.otherSources()) {
            if (!s.equals(first.sourceUrl()) && !sources.contains(s)) {
                sources.add(s);
            }
        }
        return first.toBuilder().otherLocations(locations).otherSources(sources).build();
    }

    private static void addLocation(List<String> locations, String primary, String candidate) {
        if (candidate != null && !candidate.equals(primary) && !locations.contains(candidate)) {
            locations.add(candidate);
        }
    }
}
