package io.roleradar.ingest;

import io.roleradar.ingest.parse.Rejected;
import io.roleradar.model.RawPosting;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What reading a set of sources gave: the unique postings (duplicates merged into the first
 * occurrence, in the order first seen), every input that gave no posting with its reason, and how
 * many postings were merged away as duplicates. {@link #sources()} says of each source whether it
 * was read whole.
 *
 * @param streamed how many unique postings were handed to a {@link PostingSources.PostingSink} as
 *                 they were read instead of being kept in {@link #postings()}
 */
public record ReadResult(List<RawPosting> postings, List<Rejected> rejected, int duplicates,
                         List<SourceRead> sources, int streamed) {
    public ReadResult {
        postings = List.copyOf(postings);
        rejected = List.copyOf(rejected);
        sources = List.copyOf(sources);
    }

    /** How many sources could not be read whole (see {@link SourceRead}); a run with any is a partial one. */
    public int failedSources() {
        return (int) sources.stream().filter(s -> !s.complete()).count();
    }

    /**
     * The posting sources ({@code ashby:cohere}, {@code csv:jobs}) that were read whole and not
     * also named by a source that failed: only these say which of their postings are gone.
     */
    public Set<String> completePostingSources() {
        Set<String> complete = new TreeSet<>();
        Set<String> failed = new TreeSet<>();
        for (SourceRead s : sources) {
            (s.complete() ? complete : failed).addAll(s.postingSources());
        }
        complete.removeAll(failed);
        return complete;
    }

    /** The unique postings: kept in {@link #postings()} or handed to a sink. */
    public int unique() {
        return postings.size() + streamed;
    }

    /** Postings found before dedup: the unique ones plus the duplicates. */
    public int found() {
        return postings.size() + streamed + duplicates;
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
        return postings.isEmpty() && streamed == 0 && !rejected.isEmpty();
    }
}
