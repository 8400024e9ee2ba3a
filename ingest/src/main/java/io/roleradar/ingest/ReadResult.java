package io.roleradar.ingest;

import io.roleradar.ingest.parse.Rejected;
import io.roleradar.model.RawPosting;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What reading a set of sources gave: the unique postings (duplicates merged into the first
 * occurrence, in the order first seen), every input that gave no posting with its reason, and how
 * many postings were merged away as duplicates.
 */
public record ReadResult(List<RawPosting> postings, List<Rejected> rejected, int duplicates) {
    public ReadResult {
        postings = List.copyOf(postings);
        rejected = List.copyOf(rejected);
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
