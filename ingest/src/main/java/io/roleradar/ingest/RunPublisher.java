package io.roleradar.ingest;

import io.roleradar.ingest.identity.PostingStore;
import io.roleradar.ingest.identity.PublishPlan;
import io.roleradar.ingest.identity.WrittenOffsets;
import io.roleradar.ingest.publish.KafkaPublisher;
import io.roleradar.model.RawPosting;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Publishes one run to {@code postings.raw} as its postings are read, so a run need not fit in
 * memory. Each posting goes into the run's {@link PublishPlan}; whenever the plan holds more than a
 * part's worth of characters ({@link #PART_CHARS} in a service run), that part is published in one Kafka transaction and
 * then recorded in the state store with the topic positions it covers. {@link #finish} adds the
 * postings each whole board no longer lists, closed, and publishes the last part.
 *
 * <p>A run of boards fits in one part, one transaction. A run stopped halfway leaves its committed
 * parts published and recorded, so the next run publishes only the rest, and aborts the part in
 * flight: no posting is published twice, none half, and nothing is closed before every board was read.
 */
final class RunPublisher implements PostingSources.PostingSink {
    /** About 16 MB of UTF-8 for English text: one transaction's worth. */
    static final long PART_CHARS = 16L << 20;

    private final PostingStore store;
    private final KafkaPublisher publisher;
    private final String topicId;
    private final PublishPlan plan;
    private final IngestMetrics metrics;
    private final BooleanSupplier stop;
    private final long partChars;
    /** Partitions where the store's position stands at the commit marker of this run's last part. */
    private final Set<Integer> ownMarkers = new HashSet<>();

    RunPublisher(PostingStore store, KafkaPublisher publisher, String topicId, LocalDate runDate,
                 IngestMetrics metrics, BooleanSupplier stop, long partChars) {
        this.store = store;
        this.publisher = publisher;
        this.topicId = topicId;
        this.plan = new PublishPlan(store, runDate);
        this.metrics = metrics;
        this.stop = stop;
        this.partChars = partChars;
    }

    @Override
    public void posting(RawPosting posting, long contentKey, String board) throws InterruptedException {
        if (!plan.offer(posting, contentKey, board)) {
            metrics.unchanged(posting.source());
        }
        if (plan.pendingChars() > partChars && !publishPart()) {
            throw new InterruptedException("stopped while publishing");
        }
    }

    /**
     * Closes what the whole boards read without failure no longer list, and publishes the rest. A
     * board that failed, or answered with nothing where it listed postings before, closes nothing,
     * with a warning naming it.
     *
     * @return false when a stop came before the last part was committed
     */
    boolean finish(ReadResult r, PrintStream stderr) {
        for (String board : wholeBoards(r.completePostingSources())) {
            if (plan.boardsListed().contains(board)) {
                plan.closeUnlisted(board);
            } else if (!store.openOn(board).isEmpty()) {
                stderr.println("ingest: warning: board " + board + " answered with no postings where "
                        + store.openOn(board).size() + " were open; none of them closed");
            }
        }
        for (SourceRead s : r.sources()) {
            for (String board : s.complete() ? Set.<String>of() : wholeBoards(s.postingSources())) {
                stderr.println("ingest: warning: board " + board + " could not be read whole (" + s.failure()
                        + "); none of its postings closed");
            }
        }
        return publishPart();
    }

    /** The run's plan, for its counts. */
    PublishPlan plan() {
        return plan;
    }

    /** Publishes what waits in one transaction and records it; false when a stop aborted it. */
    private boolean publishPart() {
        WrittenOffsets written = new WrittenOffsets();
        if (stop.getAsBoolean() || !publisher.publish(plan.toPublish(), stop, written)) {
            return false;
        }
        for (PublishPlan.ToPublish p : plan.toPublish()) {
            metrics.published(p.posting().source());
        }
        // The store now takes in this part's records: where they directly follow what was read, it
        // covers them, and the next start does not read them again.
        try (PostingStore.Batch batch = store.batch()) {
            plan.record(batch);
            batch.covers(topicId, written.advance(store.positions(), ownMarkers));
            batch.commit();
        }
        plan.published();
        return true;
    }

    private static Set<String> wholeBoards(Set<String> postingSources) {
        return postingSources.stream().filter(SourceRead::isWholeBoard).collect(Collectors.toCollection(TreeSet::new));
    }
}
