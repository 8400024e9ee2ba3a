package io.roleradar.ingest.identity;

import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one run publishes, worked out against the {@link PostingStore}: a posting that is new or
 * changed (a hash of its value without {@code fetchedAt} differs from the published one), under the
 * id it was first published with (a known job found under another id keeps its id) and with the
 * date it was first seen; and, for each whole board the run read, the postings it listed before
 * and lists no more, published again with {@code closedAt} (never a tombstone). A closed posting
 * listed again is published open again. After the run's transaction committed,
 * {@link #record(PostingStore.Batch)} writes all of it to the store.
 */
public final class PublishPlan {
    /**
     * A posting to publish, with the fingerprint to record once it is published.
     *
     * @param board the whole board that lists it (e.g. {@code greenhouse:anthropic}), or null
     */
    public record ToPublish(RawPosting posting, Fingerprint fingerprint, String board) {
    }

    private final PostingStore store;
    private final LocalDate runDate;
    private final List<ToPublish> toPublish = new ArrayList<>();
    /** Unchanged postings a board now lists that the store did not know it listed: only the store changes. */
    private final List<ToPublish> joined = new ArrayList<>();
    private final Map<String, Set<String>> listed = new LinkedHashMap<>();
    private int unchanged;
    private int closed;

    /** A plan for the run of {@code runDate}, the date new postings are first seen and gone ones closed. */
    public PublishPlan(PostingStore store, LocalDate runDate) {
        this.store = store;
        this.runDate = runDate;
    }

    /**
     * Offers a posting the run read.
     *
     * @param contentKey its {@link ContentKey}
     * @param board      the whole board whose listing it came from, or null (a page, a CSV row, a JSON line)
     * @return true when it is to be published, false when it is unchanged
     */
    public boolean offer(RawPosting posting, long contentKey, String board) {
        String id = posting.id();
        PostingStore.Entry entry = store.entry(id);
        if (entry == null) {
            String known = store.idWithContent(contentKey);
            if (known != null) {
                id = known;
                entry = store.entry(known);
            }
        }
        // A source that is not a board may carry its own dates (JSON Lines written by ingest); a
        // board's listing is open by definition.
        LocalDate firstSeen = entry != null ? entry.fingerprint().firstSeenAt()
                : posting.firstSeenAt() != null ? posting.firstSeenAt() : runDate;
        RawPosting p = posting.toBuilder().id(id).firstSeenAt(firstSeen)
                .closedAt(board != null ? null : posting.closedAt()).build();
        Fingerprint fingerprint = Fingerprint.of(p, contentKey);
        if (board != null) {
            listed.computeIfAbsent(board, b -> new HashSet<>()).add(id);
        }
        if (entry != null && entry.fingerprint().valueHash() == fingerprint.valueHash()) {
            unchanged++;
            if (board != null && !board.equals(entry.board())) {
                joined.add(new ToPublish(p, fingerprint, board));
            }
            return false;
        }
        toPublish.add(new ToPublish(p, fingerprint, board != null ? board : entry == null ? null : entry.board()));
        return true;
    }

    /** The boards that listed at least one posting in this run. */
    public Set<String> boardsListed() {
        return listed.keySet();
    }

    /**
     * Closes the postings {@code board} listed open before and did not list in this run. Call only
     * for a board read whole and without failure in this run (a failed or empty answer closes nothing).
     *
     * @return how many were closed
     */
    public int closeUnlisted(String board) {
        Set<String> now = listed.getOrDefault(board, Set.of());
        int count = 0;
        for (Map.Entry<String, byte[]> open : store.openOn(board).entrySet()) {
            if (now.contains(open.getKey())) {
                continue;
            }
            RawPosting last;
            try {
                last = PostingJson.readRaw(open.getValue());
            } catch (InvalidMessageException e) {
                throw new IllegalStateException("the state store holds an unreadable posting " + open.getKey()
                        + ": " + e.getMessage(), e);
            }
            RawPosting gone = last.toBuilder().closedAt(runDate).build();
            PostingStore.Entry entry = store.entry(open.getKey());
            long contentKey = entry != null ? entry.fingerprint().contentKey() : ContentKey.of(gone);
            toPublish.add(new ToPublish(gone, Fingerprint.of(gone, contentKey), board));
            count++;
        }
        closed += count;
        return count;
    }

    /** What to publish, in order: new and changed postings first, then the closed ones. */
    public List<ToPublish> toPublish() {
        return toPublish;
    }

    public int unchanged() {
        return unchanged;
    }

    public int closed() {
        return closed;
    }

    /** Records the run in the store, once its transaction committed. */
    public void record(PostingStore.Batch batch) {
        for (ToPublish p : toPublish) {
            batch.published(p.posting().id(), p.fingerprint(), p.board(), PostingJson.write(p.posting()));
        }
        for (ToPublish p : joined) {
            batch.published(p.posting().id(), p.fingerprint(), p.board(), PostingJson.write(p.posting()));
        }
    }
}
