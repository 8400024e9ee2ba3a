package io.roleradar.ingest.identity;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class LongIntIndexTest {

    @Test
    void behavesAsAHashMapThroughGrowthAndRemovals() {
        LongIntIndex index = new LongIntIndex(4);
        Map<Long, Integer> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(42);
        // Few distinct keys in a small space, so runs collide, wrap around and get removed from the middle.
        for (int step = 0; step < 200_000; step++) {
            long key = random.nextInt(5_000) * 0x9E3779B97F4A7C15L;
            int op = random.nextInt(3);
            if (op == 0) {
                assertThat(index.remove(key)).isEqualTo(expected.getOrDefault(key, LongIntIndex.ABSENT));
                expected.remove(key);
            } else {
                index.put(key, step);
                expected.put(key, step);
            }
        }
        assertThat(index.size()).isEqualTo(expected.size());
        for (long k = 0; k < 5_000; k++) {
            long key = k * 0x9E3779B97F4A7C15L;
            assertThat(index.get(key)).isEqualTo(expected.getOrDefault(key, LongIntIndex.ABSENT));
        }
    }

    @Test
    void keyZeroIsAKeyLikeAnyOther() {
        LongIntIndex index = new LongIntIndex(4);
        assertThat(index.get(0)).isEqualTo(LongIntIndex.ABSENT);
        index.put(0, 7);
        assertThat(index.get(0)).isEqualTo(7);
        assertThat(index.remove(0)).isEqualTo(7);
        assertThat(index.size()).isZero();
    }

    @Test
    void holdsAMillionEntriesInTwoMillionSlots() {
        LongIntIndex index = new LongIntIndex(16);
        for (long i = 1; i <= 1_000_000; i++) {
            index.put(i * 0x9E3779B97F4A7C15L, (int) i);
        }
        assertThat(index.size()).isEqualTo(1_000_000);
        assertThat(index.capacity()).isEqualTo(2 << 20);
        assertThat(index.get(500_000 * 0x9E3779B97F4A7C15L)).isEqualTo(500_000);
    }
}
