package io.roleradar.ingest.identity;

import io.roleradar.model.RawPosting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StateCheckpointTest {
    private static RawPosting posting(String id, String description) {
        return RawPosting.builder().id(id).title("ML Engineer").company("Initech").description(description).build();
    }

    private static StateCheckpoint.Saved saved(int postings) {
        PublishedState state = new PublishedState();
        for (int i = 0; i < postings; i++) {
            state.remember(posting("x:" + i, "Text " + i));
        }
        state.forget("x:3");
        state.remember("page:" + "y".repeat(70_000), Fingerprint.of(posting("page:y", "A very long id")));
        return new StateCheckpoint.Saved(state, "topic-id-1", Map.of(0, 17L, 1, 4L));
    }

    @Test
    void aSavedStateDecidesAsTheOneItWasSavedFrom(@TempDir Path dir) throws IOException {
        StateCheckpoint checkpoint = new StateCheckpoint(dir, "postings.raw");
        StateCheckpoint.Saved original = saved(70_000); // more than one arena chunk
        checkpoint.write(original);
        StateCheckpoint.Saved read = checkpoint.read().orElseThrow();
        assertThat(read.topicId()).isEqualTo("topic-id-1");
        assertThat(read.positions()).isEqualTo(Map.of(0, 17L, 1, 4L));
        assertThat(read.state().size()).isEqualTo(original.state().size());
        for (int i = 0; i < 70_100; i += 13) {
            RawPosting again = posting("x:" + i, i % 2 == 0 ? "Text " + i : "Changed " + i);
            assertThat(read.state().toPublish(again)).isEqualTo(original.state().toPublish(again));
        }
        assertThat(read.state().toPublish(posting("z:1", "Text 5"))).as("the same job under another id").isNull();
        assertThat(read.state().toPublish(posting("z:1", "Text 5").toBuilder().location("Oslo").build()).posting().id())
                .isEqualTo("x:5");
        assertThat(read.state().toPublish(posting("x:3", "Text 3"))).isNotNull();
        // The restored state goes on working: it grows and forgets like the original.
        read.state().remember(posting("x:70001", "New"));
        read.state().forget("x:0");
        assertThat(read.state().toPublish(posting("x:70001", "New"))).isNull();
        assertThat(read.state().toPublish(posting("x:0", "Text 0"))).isNotNull();
    }

    @Test
    void aMissingTruncatedOrForeignFileIsIgnored(@TempDir Path dir) throws IOException {
        StateCheckpoint checkpoint = new StateCheckpoint(dir, "postings.raw");
        assertThat(checkpoint.read()).isEmpty();
        checkpoint.write(saved(1_000));
        byte[] whole = Files.readAllBytes(checkpoint.file());
        Files.write(checkpoint.file(), Arrays.copyOf(whole, whole.length - 100));
        assertThat(checkpoint.read()).isEmpty();
        Files.writeString(checkpoint.file(), "not a checkpoint");
        assertThat(checkpoint.read()).isEmpty();
    }

    @Test
    void theFileIsNamedAfterTheTopicAndWrittenWhole(@TempDir Path dir) throws IOException {
        StateCheckpoint checkpoint = new StateCheckpoint(dir.resolve("state"), "team/postings raw");
        checkpoint.write(saved(10));
        assertThat(checkpoint.file().getFileName().toString()).isEqualTo("team_postings_raw.ingest-state");
        try (var files = Files.list(dir.resolve("state"))) {
            assertThat(files).containsExactly(checkpoint.file()); // no temporary file left behind
        }
    }

    @Test
    void positionsMovePastARunsOwnRecordsOnlyWhereNothingElseLiesAmongOrBeforeThem() {
        StateCheckpoint.Saved saved = new StateCheckpoint.Saved(new PublishedState(), "topic-id-1",
                Map.of(0, 17L, 1, 4L, 2, 9L, 3, 30L));
        WrittenOffsets written = new WrittenOffsets();
        for (long offset = 17; offset < 20; offset++) {
            written.add(0, offset);      // right after the position, one after another: moves to 20
        }
        written.add(1, 6L);             // two offsets after the position: another record is unread there
        written.add(2, 9L);
        written.add(2, 11L);            // a gap among the run's records: someone else's record at 10
        // partition 3: nothing written, stays

        StateCheckpoint.Saved moved = saved.advancedPast(written);

        assertThat(moved.positions()).isEqualTo(Map.of(0, 20L, 1, 4L, 2, 9L, 3, 30L));
        assertThat(moved.state()).isSameAs(saved.state());
        assertThat(saved.advancedPast(new WrittenOffsets()).positions()).isEqualTo(saved.positions());
    }
}
