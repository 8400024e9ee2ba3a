package io.roleradar.ingest.identity;

import io.roleradar.model.RawPosting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PublishPlanTest {
    private static final String BOARD = "greenhouse:acme";
    private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final LocalDate WEDNESDAY = MONDAY.plusDays(2);

    @TempDir
    Path dir;
    private PostingStore store;

    @BeforeEach
    void open() {
        store = PostingStore.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static RawPosting posting(int n) {
        return RawPosting.builder().id(BOARD + ":" + n).source(BOARD).company("Acme").title("Engineer " + n)
                .description("Build thing " + n + ".").build();
    }

    /** One run of the board listing {@code listed}: what it publishes (and records as committed). */
    private List<RawPosting> run(LocalDate day, String board, int... listed) {
        PublishPlan plan = new PublishPlan(store, day);
        for (int n : listed) {
            RawPosting p = posting(n);
            plan.offer(p, ContentKey.of(p), board);
        }
        if (board != null && plan.boardsListed().contains(board)) {
            plan.closeUnlisted(board);
        }
        try (PostingStore.Batch batch = store.batch()) {
            plan.record(batch);
            batch.commit();
        }
        return plan.toPublish().stream().map(PublishPlan.ToPublish::posting).toList();
    }

    @Test
    void aNewPostingIsFirstSeenOnItsRunAndTheSameSnapshotAgainPublishesNothing() {
        assertThat(run(MONDAY, BOARD, 1, 2)).extracting(RawPosting::firstSeenAt).containsOnly(MONDAY);
        assertThat(run(TUESDAY, BOARD, 1, 2)).isEmpty();
    }

    @Test
    void aPostingTheBoardNoLongerListsIsClosedOnceKeepingItsFirstSeenDate() {
        run(MONDAY, BOARD, 1, 2, 3);
        List<RawPosting> closed = run(TUESDAY, BOARD, 1, 3);
        assertThat(closed).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(BOARD + ":2");
            assertThat(p.closedAt()).isEqualTo(TUESDAY);
            assertThat(p.firstSeenAt()).isEqualTo(MONDAY);
            assertThat(p.title()).isEqualTo("Engineer 2");
        });
        assertThat(run(WEDNESDAY, BOARD, 1, 3)).as("closed exactly once").isEmpty();
    }

    @Test
    void aClosedPostingListedAgainReopensWithItsFirstSeenDate() {
        run(MONDAY, BOARD, 1, 2);
        run(TUESDAY, BOARD, 1);
        assertThat(run(WEDNESDAY, BOARD, 1, 2)).singleElement().satisfies(p -> {
            assertThat(p.closedAt()).isNull();
            assertThat(p.firstSeenAt()).isEqualTo(MONDAY);
        });
        assertThat(store.openOn(BOARD)).containsOnlyKeys(BOARD + ":1", BOARD + ":2");
    }

    @Test
    void postingsNoBoardListsAreNeverClosed() {
        run(MONDAY, null, 1, 2);
        assertThat(run(TUESDAY, null, 1)).isEmpty();
        assertThat(store.openOn(BOARD)).isEmpty();
    }

    @Test
    void aChangedPostingKeepsItsFirstSeenDate() {
        run(MONDAY, BOARD, 1);
        PublishPlan plan = new PublishPlan(store, TUESDAY);
        RawPosting changed = posting(1).toBuilder().description("Build thing 1, and more.").build();
        assertThat(plan.offer(changed, ContentKey.of(changed), BOARD)).isTrue();
        assertThat(plan.toPublish().get(0).posting().firstSeenAt()).isEqualTo(MONDAY);
        assertThat(plan.closeUnlisted(BOARD)).isZero();
    }

    @Test
    void aKnownJobFoundUnderAnotherIdKeepsTheIdItWasPublishedUnder() {
        run(MONDAY, null, 1);
        PublishPlan plan = new PublishPlan(store, TUESDAY);
        RawPosting moved = posting(1).toBuilder().id("csv:other:9").build();
        plan.offer(moved, ContentKey.of(moved), null);
        assertThat(plan.toPublish()).isEmpty();
        assertThat(plan.unchanged()).isEqualTo(1);
    }

    @Test
    void anUnchangedPostingABoardNowListsJoinsItsOpenListWithoutBeingPublished() {
        run(MONDAY, null, 1);
        assertThat(run(TUESDAY, BOARD, 1)).isEmpty();
        assertThat(store.openOn(BOARD)).containsOnlyKeys(BOARD + ":1");
        assertThat(store.entry(BOARD + ":1")).extracting(PostingStore.Entry::board).isEqualTo(BOARD);
        assertThat(store.positions()).isEqualTo(Map.of());
    }
}
