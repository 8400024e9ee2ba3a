package io.roleradar.ingest.identity;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WrittenOffsetsTest {
    private static WrittenOffsets written(int partition, long from, long to) {
        WrittenOffsets w = new WrittenOffsets();
        for (long o = from; o <= to; o++) {
            w.add(partition, o);
        }
        return w;
    }

    @Test
    void aPartRightAtThePositionMovesItPastThePart() {
        Set<Integer> markers = new HashSet<>();
        assertThat(written(0, 10, 14).advance(Map.of(0, 10L), markers)).containsEntry(0, 15L);
        assertThat(markers).containsExactly(0);
    }

    @Test
    void theNextPartOfTheRunSkipsTheCommitMarkerOfTheLastOne() {
        Set<Integer> markers = new HashSet<>();
        Map<Integer, Long> afterFirst = written(0, 10, 14).advance(Map.of(0, 10L), markers);
        // Offset 15 holds the first part's commit marker; the second part starts at 16.
        Map<Integer, Long> afterSecond = written(0, 16, 20).advance(afterFirst, markers);
        assertThat(afterSecond).containsEntry(0, 21L);
        Map<Integer, Long> afterThird = written(0, 22, 22).advance(afterSecond, markers);
        assertThat(afterThird).containsEntry(0, 23L);
    }

    @Test
    void aGapThatIsNotOurOwnMarkerKeepsThePosition() {
        Set<Integer> markers = new HashSet<>();
        // Nothing of ours at offset 10: a record there may be another producer's, so it must be read.
        assertThat(written(0, 11, 14).advance(Map.of(0, 10L), markers)).containsEntry(0, 10L);
        assertThat(markers).isEmpty();
    }

    @Test
    void aGapOfMoreThanTheMarkerKeepsThePositionAndForgetsTheMarker() {
        Set<Integer> markers = new HashSet<>(Set.of(0));
        assertThat(written(0, 12, 14).advance(Map.of(0, 10L), markers)).containsEntry(0, 10L);
        assertThat(markers).isEmpty();
    }

    @Test
    void aPartitionThePartDidNotWriteKeepsItsPositionAndItsMarker() {
        Set<Integer> markers = new HashSet<>(Set.of(1));
        Map<Integer, Long> moved = written(0, 5, 6).advance(Map.of(0, 5L, 1, 9L), markers);
        assertThat(moved).containsEntry(0, 7L).containsEntry(1, 9L);
        assertThat(markers).containsExactlyInAnyOrder(0, 1);
    }
}
