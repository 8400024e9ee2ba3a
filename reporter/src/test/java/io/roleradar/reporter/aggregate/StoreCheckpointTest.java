package io.roleradar.reporter.aggregate;

import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.PostingJson;
import io.roleradar.model.TaggedPosting;
import io.roleradar.reporter.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The persistent store of {@code reporter follow}: the facts, the counts and the offsets read up to
 * are committed together, a reopened store resumes exactly at its last commit, and what was applied
 * after it is gone, as if never read.
 */
class StoreCheckpointTest {
    private final TaggedPosting template = read(Fixtures.lines(Fixtures.BASIC).get(0));
    private final Interner interner = new Interner();

    @TempDir
    Path dir;

    @Test
    void aReopenedStoreHasTheCommittedFactsCountsAndOffsets() {
        try (LatestPostings latest = LatestPostings.resume(FactsStore.openPersistent(dir))) {
            assertThat(latest.committedOffsets()).isEmpty();
            latest.accept(facts("a", "first"));
            latest.accept(facts("b", "first"));
            latest.accept(facts("a", "second"));
            latest.remove("b");
            latest.acceptRejected("tagged-0@4", new InvalidMessageException(InvalidMessageException.Reason.MISSING_FIELD,
                    "posting.title is missing", null));
            latest.acceptRawPosting("tagged-1@0");
            latest.commit(List.of(new PartitionOffsets(0, 0, 5), new PartitionOffsets(1, 0, 1)),
                    Map.of("topic", "facts"));
        }
        try (LatestPostings again = LatestPostings.resume(FactsStore.openPersistent(dir))) {
            assertThat(again.committedOffsets()).containsExactly(Map.entry(0, new PartitionOffsets(0, 0, 5)),
                    Map.entry(1, new PartitionOffsets(1, 0, 1)));
            assertThat(again.label("topic")).isEqualTo("facts");
            assertThat(again.size()).isEqualTo(1);
            assertThat(again.get("a").title()).isEqualTo("second");
            assertThat(again.get("b")).isNull();
            assertThat(again.records()).isEqualTo(6);
            assertThat(again.tombstones()).isEqualTo(1);
            assertThat(again.replaced()).isEqualTo(1);
            assertThat(again.rejected()).isEqualTo(2);
            assertThat(again.rawPostings()).isEqualTo(1);
            assertThat(again.rejectedByReason()).containsExactly(Map.entry("INVALID_FIELD", 1L),
                    Map.entry("MISSING_FIELD", 1L));
            assertThat(again.rejections()).containsExactly(
                    new Rejection("tagged-0@4", "MISSING_FIELD", "posting.title is missing"),
                    new Rejection("tagged-1@0", "INVALID_FIELD", LatestPostings.RAW_POSTING_MESSAGE));
            assertThat(again.taxonomyVersions()).containsExactly(Map.entry(template.tags().taxonomyVersion(), 3L));
        }
    }

    @Test
    void whatWasAppliedAfterTheLastCommitIsGoneAfterAReopen() {
        try (LatestPostings latest = LatestPostings.resume(FactsStore.openPersistent(dir))) {
            latest.accept(facts("a", "committed"));
            latest.commit(List.of(new PartitionOffsets(0, 0, 1)), Map.of());
            latest.accept(facts("a", "not committed"));
            latest.accept(facts("c", "not committed"));
            latest.remove("a");
            // The process dies here: the store is closed (or not) without a commit.
        }
        try (LatestPostings again = LatestPostings.resume(FactsStore.openPersistent(dir))) {
            assertThat(again.committedOffsets().get(0).next()).isEqualTo(1);
            assertThat(again.get("a").title()).isEqualTo("committed");
            assertThat(again.get("c")).isNull();
            assertThat(again.records()).isEqualTo(1);
            assertThat(again.tombstones()).isZero();
            // Applied again from offset 1, the same records count once.
            again.accept(facts("a", "not committed"));
            again.accept(facts("c", "not committed"));
            again.remove("a");
            again.commit(List.of(new PartitionOffsets(0, 0, 4)), Map.of());
            assertThat(again.records()).isEqualTo(4);
            assertThat(again.size()).isEqualTo(1);
            assertThat(again.replaced()).isEqualTo(1);
        }
    }

    @Test
    void aRollbackPutsFactsAndCountsBackToTheLastCommit() {
        try (LatestPostings latest = LatestPostings.resume(FactsStore.openPersistent(dir))) {
            latest.accept(facts("a", "committed"));
            latest.commit(List.of(new PartitionOffsets(0, 0, 1)), Map.of());
            latest.accept(facts("b", "dropped"));
            latest.acceptRejected("x", new InvalidMessageException(InvalidMessageException.Reason.MALFORMED_JSON, "m", null));
            latest.rollback();
            assertThat(latest.records()).isEqualTo(1);
            assertThat(latest.rejected()).isZero();
            assertThat(latest.get("b")).isNull();
            assertThat(latest.size()).isEqualTo(1);
        }
    }

    @Test
    void aTombstoneSeesAPutOfItsIdNotCommittedYet() {
        try (LatestPostings latest = LatestPostings.resume(FactsStore.openPersistent(dir))) {
            latest.accept(facts("a", "new"));
            latest.remove("a"); // one poll: the put waits in the batch, the tombstone must still find it
            latest.commit(List.of(new PartitionOffsets(0, 0, 2)), Map.of());
            assertThat(latest.size()).isZero();
            assertThat(latest.replaced()).as("a put removed by a tombstone replaced nothing").isZero();
        }
    }

    @Test
    void theStoreIsNotReadWholeWithChangesNotCommitted() {
        try (LatestPostings latest = LatestPostings.resume(FactsStore.openPersistent(dir))) {
            latest.accept(facts("a", "new"));
            assertThatThrownBy(() -> latest.forEachFacts(f -> { })).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not committed");
            latest.commit(List.of(), Map.of());
            assertThat(latest.size()).isEqualTo(1);
        }
    }

    @Test
    void aPersistentStoreIsKeptWhenClosedAndItsReportScratchIsDroppedOnOpening() {
        try (LatestPostings latest = LatestPostings.resume(FactsStore.openPersistent(dir))) {
            latest.accept(facts("a", "kept"));
            latest.commit(List.of(), Map.of());
            MarketReport.of(latest, Filters.NONE, false);
            // Not cleared: as a report cut off by a crash leaves it.
        }
        try (LatestPostings again = LatestPostings.resume(FactsStore.openPersistent(dir))) {
            assertThat(again.get("a").title()).isEqualTo("kept");
            try (FactsStore.Cursor c = again.store().work(new byte[0])) {
                assertThat(c.next()).as("scratch data left").isFalse();
            }
        }
    }

    private PostingFacts facts(String id, String title) {
        return PostingFacts.of(TaggedPosting.of(template.posting().toBuilder().id(id).title(title).build(), template.tags()),
                interner);
    }

    private static TaggedPosting read(String json) {
        try {
            return PostingJson.readTagged(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (InvalidMessageException e) {
            throw new IllegalStateException(e);
        }
    }
}
