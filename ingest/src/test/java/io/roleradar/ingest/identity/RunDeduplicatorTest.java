package io.roleradar.ingest.identity;

import io.roleradar.model.RawPosting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Duplicates within a run merge while the first still waits, and are left out once it went on. */
class RunDeduplicatorTest {
    private static RawPosting posting(String id, String location) {
        return RawPosting.of(id, "ML Engineer", "Train ranking models for the feed.").toBuilder().location(location).build();
    }

    @Test
    void aDuplicateOfAWaitingPostingIsMergedIntoItsLocations() {
        try (RunDeduplicator dedup = new RunDeduplicator()) {
            mergesIntoLocations(dedup);
        }
    }

    private static void mergesIntoLocations(RunDeduplicator dedup) {
        assertThat(dedup.add(posting("a:1", "Berlin"), "ashby:a")).isTrue();
        assertThat(dedup.add(posting("a:2", "Paris"), "ashby:a")).isFalse();

        assertThat(dedup.drain()).singleElement().satisfies(u -> {
            assertThat(u.posting().id()).isEqualTo("a:1");
            assertThat(u.posting().otherLocations()).containsExactly("Paris");
            assertThat(u.board()).isEqualTo("ashby:a");
        });
        assertThat(dedup.duplicates()).isEqualTo(1);
    }

    @Test
    void aDuplicateOfADrainedPostingIsCountedAndNotHandedOnAgain() {
        try (RunDeduplicator dedup = new RunDeduplicator()) {
            countsDuplicatesOfDrained(dedup);
        }
    }

    private static void countsDuplicatesOfDrained(RunDeduplicator dedup) {
        dedup.add(posting("a:1", "Berlin"), null);
        dedup.add(posting("a:2", "Paris"), null);
        assertThat(dedup.drain()).hasSize(1);

        assertThat(dedup.add(posting("a:3", "Rome"), null)).as("same text").isFalse();
        assertThat(dedup.add(RawPosting.of("a:2", "Other", "Other text entirely."), null)).as("a merged id").isFalse();
        assertThat(dedup.drain()).isEmpty();
        assertThat(dedup.duplicates()).isEqualTo(3);
        assertThat(dedup.bufferedChars()).isZero();
    }
}
