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
 *
 * <p>The merged postings wait here until {@link #drain() drained}. A run too big for memory (a file
 * of millions of postings) drains now and then; the drained postings' content keys and ids are
 * remembered (on disk, see {@link SeenKeys}), so a later duplicate of one is still counted and left
 * out, but, the first having gone on, not merged into it. Close it at the end of the run.
 */
public final class RunDeduplicator implements AutoCloseable {
    /**
     * A posting that survived the merge.
     *
     * @param contentKey its {@link ContentKey}, computed once here because publishing needs it again
     * @param board      the whole board whose listing it came from ({@code ashby:cohere}), or null
     */
    public record Unique(RawPosting posting, long contentKey, String board) {
    }

    private final Map<Long, Unique> byKey = new LinkedHashMap<>();
    private final Map<String, Long> keyById = new HashMap<>();
    private final SeenKeys drained = new SeenKeys();
    private long bufferedChars;
    private int duplicates;

    /**
     * Adds a posting, noting the whole board that listed it (or null); false when it was a duplicate
     * of one already added (and was merged into it, if still here).
     */
    public boolean add(RawPosting posting, String board) {
        long key = ContentKey.of(posting);
        Long existingKey = byKey.containsKey(key) ? Long.valueOf(key) : keyById.get(posting.id());
        if (existingKey == null) {
            if (drained.contains(key, posting.id())) {
                duplicates++;
                return false;
            }
            byKey.put(key, new Unique(posting, key, board));
            keyById.put(posting.id(), key);
            bufferedChars += posting.description().length() + posting.title().length();
            return true;
        }
        duplicates++;
        Unique first = byKey.get(existingKey);
        byKey.put(existingKey, new Unique(merge(first.posting(), posting), existingKey, first.board()));
        keyById.putIfAbsent(posting.id(), existingKey);
        return false;
    }

    /** The postings waiting, in order of first occurrence, handed on: the buffer is empty after. */
    public List<Unique> drain() {
        List<Unique> out = new ArrayList<>(byKey.values());
        drained.addAll(byKey.keySet(), keyById.keySet());
        byKey.clear();
        keyById.clear();
        bufferedChars = 0;
        return out;
    }

    /** The postings waiting, without draining them. */
    public List<RawPosting> postings() {
        return byKey.values().stream().map(Unique::posting).toList();
    }

    /** The characters of title and description waiting: the buffer's main cost in memory. */
    public long bufferedChars() {
        return bufferedChars;
    }

    public int duplicates() {
        return duplicates;
    }

    /** Deletes what it remembered of the postings handed on. */
    @Override
    public void close() {
        drained.close();
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
