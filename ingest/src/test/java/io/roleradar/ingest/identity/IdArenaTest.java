package io.roleradar.ingest.identity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdArenaTest {

    @Test
    void keepsIdsAndHashesAcrossChunks() {
        IdArena arena = new IdArena();
        List<Integer> refs = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            refs.add(arena.add("greenhouse:board-" + i + ":40" + i, i * 31L, -i));
        }
        assertThat(arena.bytes()).isGreaterThan(1 << 20); // more than one chunk
        for (int i = 0; i < 60_000; i += 997) {
            int ref = refs.get(i);
            assertThat(arena.id(ref)).isEqualTo("greenhouse:board-" + i + ":40" + i);
            assertThat(arena.valueHash(ref)).isEqualTo(i * 31L);
            assertThat(arena.contentKey(ref)).isEqualTo(-i);
        }
    }

    @Test
    void updatesHashesInPlaceAndKeepsUnicodeAndHugeIds() {
        IdArena arena = new IdArena();
        int ref = arena.add("page:Zürich-职位", 1, 2);
        arena.set(ref, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(arena.id(ref)).isEqualTo("page:Zürich-职位");
        assertThat(arena.valueHash(ref)).isEqualTo(Long.MIN_VALUE);
        assertThat(arena.contentKey(ref)).isEqualTo(Long.MAX_VALUE);
        String huge = "jsonl:" + "x".repeat(100_000);
        assertThat(arena.id(arena.add(huge, 3, 4))).isEqualTo(huge);
    }
}
