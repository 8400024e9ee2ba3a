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
 * listed again is published open again. After a transaction of it committed,
 * {@link #record(PostingStore.Batch)} writes that part to the store, and {@link #published()}
 * clears it from the plan: a big run is published part by part, and only its counts and the ids
 * each board listed are kept to the end.
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
    private int reopened;
    private int publishedBefore;
    private long pendingChars;

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
        if (entry != null && entry.fingerprint().closed() && !fingerprint.closed()) {
            reopened++;
        }
        toPublish.add(new ToPublish(p, fingerprint, board != null ? board : entry == null ? null : entry.board()));
        pendingChars += p.description().length();
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
            pendingChars += gone.description().length();
            count++;
        }
        closed += count;
        return count;
    }

    /** What to publish now, in order: new and changed postings first, then the closed ones. */
    public List<ToPublish> toPublish() {
        return toPublish;
    }

    /** The characters of description waiting in {@link #toPublish()}: the plan's main cost in memory. */
    public long pendingChars() {
        return pendingChars;
    }

    /** How many postings this run published: those of earlier parts and those waiting now. */
    public int publishedCount() {
        return publishedBefore + toPublish.size();
    }

    /** How many postings this run published in the parts already recorded ({@link #published()}). */
    public int committedCount() {
        return publishedBefore;
    }

    /** The postings waiting were published and recorded: forgets them, keeping their count. */
    public void published() {
        publishedBefore += toPublish.size();
        toPublish.clear();
        joined.clear();
        pendingChars = 0;
    }

    public int unchanged() {
        return unchanged;
    }

    public int closed() {
        return closed;
    }

    /** Postings published open again after they had been published closed. */
    public int reopened() {
        return reopened;
    }

    /** Records what waits in the store, once its transaction committed. */
    public void record(PostingStore.Batch batch) {
        for (ToPublish p : toPublish) {
            record(batch, p);
        }
        for (ToPublish p : joined) {
            record(batch, p);
        }
    }

    private static void record(PostingStore.Batch batch, ToPublish p) {
        // The value is kept only where a board lists the posting open: to publish it again, closed.
        boolean open = p.board() != null && !p.fingerprint().closed();
        batch.published(p.posting().id(), p.fingerprint(), p.board(), open ? PostingJson.write(p.posting()) : null);
    }
}
