package io.roleradar.ingest.identity;

import io.roleradar.model.RawPosting;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedStateTest {
    private static RawPosting posting(String id, String description) {
        return RawPosting.builder().id(id).title("ML Engineer").company("Initech").description(description)
                .fetchedAt(Instant.now()).build();
    }

    @Test
    void anUnchangedPostingIsNotPublishedAgainEvenWhenReadLater() {
        PublishedState state = new PublishedState();
        RawPosting p = posting("x:1", "Train models.");
        assertThat(state.toPublish(p).posting()).isEqualTo(p);
        state.remember(p);
        assertThat(state.toPublish(posting("x:1", "Train models."))).isNull();
    }

    @Test
    void aChangedPostingIsPublishedUnderTheSameId() {
        PublishedState state = new PublishedState();
        state.remember(posting("x:1", "Train models."));
        RawPosting changed = posting("x:1", "Train and serve models.");
        assertThat(state.toPublish(changed)).isNotNull().extracting(t -> t.posting().id()).isEqualTo("x:1");
    }

    @Test
    void aKnownJobFoundUnderAnotherIdKeepsTheIdItWasPublishedUnder() {
        PublishedState state = new PublishedState();
        state.remember(posting("csv:a:1", "Train models."));
        assertThat(state.toPublish(posting("csv:a:2", "Train models."))).isNull();
    }

    @Test
    void aKnownJobFoundUnderANewIdIsPublishedUnderTheOldIdWhenItChanged() {
        PublishedState state = new PublishedState();
        state.remember(posting("csv:a:1", "Train models.").toBuilder().location("Austin").build());
        PublishedState.ToPublish moved = state.toPublish(posting("csv:a:2", "Train models.").toBuilder().location("Boston").build());
        assertThat(moved).isNotNull();
        assertThat(moved.posting().id()).isEqualTo("csv:a:1");
        assertThat(moved.posting().location()).isEqualTo("Boston");
    }

    @Test
    void aForgottenIdIsPublishedAgainAndItsContentNoLongerPointsAtIt() {
        PublishedState state = new PublishedState();
        state.remember(posting("x:1", "Train models."));
        state.forget("x:1");
        assertThat(state.size()).isZero();
        assertThat(state.toPublish(posting("x:2", "Train models.")).posting().id()).isEqualTo("x:2");
        assertThat(state.toPublish(posting("x:1", "Train models."))).isNotNull();
    }

    @Test
    void aPostingWhoseContentChangedIsFoundByItsNewContentOnly() {
        PublishedState state = new PublishedState();
        state.remember(posting("x:1", "Train models."));
        state.remember(posting("x:1", "Serve models."));
        // The old text is no longer what x:1 says: another id with it is a new posting.
        assertThat(state.toPublish(posting("y:1", "Train models.")).posting().id()).isEqualTo("y:1");
        assertThat(state.toPublish(posting("y:2", "Serve models."))).isNull();
    }

    @Test
    void aStateRebuiltFromFingerprintsDecidesAsTheOneThatSawThePostings() {
        PublishedState seen = new PublishedState();
        PublishedState fromHeaders = new PublishedState();
        for (int i = 0; i < 2_000; i++) {
            RawPosting p = posting("x:" + i, "Text " + i);
            seen.remember(p);
            fromHeaders.remember(p.id(), Fingerprint.fromHeader(Fingerprint.of(p).toHeader()));
        }
        for (int i = 0; i < 2_500; i += 7) {
            RawPosting again = posting("x:" + i, i % 2 == 0 ? "Text " + i : "Changed " + i);
            assertThat(fromHeaders.toPublish(again)).isEqualTo(seen.toPublish(again));
        }
        assertThat(fromHeaders.size()).isEqualTo(2_000);
    }

    @Test
    void theFirstOccurrenceKeepsItsIdAndTheOthersAreRecorded() {
        RunDeduplicator dedup = new RunDeduplicator();
        assertThat(dedup.add(posting("x:1", "Same text").toBuilder().location("Boston").build())).isTrue();
        assertThat(dedup.add(posting("x:2", "Same  text!").toBuilder().location("Austin").sourceUrl("https://e.x/2").build())).isFalse();
        assertThat(dedup.postings()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("x:1");
            assertThat(p.otherLocations()).containsExactly("Austin");
            assertThat(p.otherSources()).containsExactly("https://e.x/2");
        });
        assertThat(dedup.duplicates()).isEqualTo(1);
    }
}
