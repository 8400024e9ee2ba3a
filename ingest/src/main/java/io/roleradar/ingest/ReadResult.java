package io.roleradar.ingest;

import io.roleradar.ingest.identity.ContentKey;
import io.roleradar.ingest.parse.Rejected;
import io.roleradar.model.RawPosting;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What reading a set of sources gave: the unique postings (duplicates merged into the first
 * occurrence, in the order first seen), every input that gave no posting with its reason, and how
 * many postings were merged away as duplicates. The content key of each posting (by id) comes
 * along, computed once while merging, because publishing needs it again and it costs a pass over
 * every description.
 */
public record ReadResult(List<RawPosting> postings, List<Rejected> rejected, int duplicates,
                         Map<String, Long> contentKeys) {
    public ReadResult {
        postings = List.copyOf(postings);
        rejected = List.copyOf(rejected);
        contentKeys = Map.copyOf(contentKeys);
    }

    /** The content key of one of the postings (computed when it is not known). */
    public long contentKey(RawPosting posting) {
        Long key = contentKeys.get(posting.id());
        return key != null ? key : ContentKey.of(posting);
    }

    /** Postings found before dedup: the unique ones plus the duplicates. */
    public int found() {
        return postings.size() + duplicates;
    }

    /** Rejects counted by kind, sorted by kind. */
    public Map<String, Integer> rejectedByKind() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Rejected r : rejected) {
            counts.merge(r.kind(), 1, Integer::sum);
        }
        return counts;
    }

    /** True when nothing at all could be read: no posting, and at least one failure. */
    public boolean nothingRead() {
        return postings.isEmpty() && !rejected.isEmpty();
    }
}
