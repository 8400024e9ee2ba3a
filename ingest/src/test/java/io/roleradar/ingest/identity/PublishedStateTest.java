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
        assertThat(state.toPublish(p)).isEqualTo(p);
        state.remember(p);
        assertThat(state.toPublish(posting("x:1", "Train models."))).isNull();
    }

    @Test
    void aChangedPostingIsPublishedUnderTheSameId() {
        PublishedState state = new PublishedState();
        state.remember(posting("x:1", "Train models."));
        RawPosting changed = posting("x:1", "Train and serve models.");
        assertThat(state.toPublish(changed)).isNotNull().extracting(RawPosting::id).isEqualTo("x:1");
    }

    @Test
    void aKnownJobFoundUnderAnotherIdKeepsTheIdItWasPublishedUnder() {
        PublishedState state = new PublishedState();
        state.remember(posting("csv:a:1", "Train models."));
        assertThat(state.toPublish(posting("csv:a:2", "Train models."))).isNull();
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
