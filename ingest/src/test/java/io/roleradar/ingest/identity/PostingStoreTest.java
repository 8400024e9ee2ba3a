package io.roleradar.ingest.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PostingStoreTest {
    private static final LocalDate DAY = LocalDate.parse("2026-03-02");

    private static Fingerprint open(long value, long content) {
        return new Fingerprint(value, content, DAY, false);
    }

    private static byte[] value(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void write(PostingStore store, java.util.function.Consumer<PostingStore.Batch> changes) {
        try (PostingStore.Batch batch = store.batch()) {
            changes.accept(batch);
            batch.commit();
        }
    }

    @Test
    void whatWasRecordedSurvivesClosingAndReopeningTheStore(@TempDir Path dir) {
        try (PostingStore store = PostingStore.open(dir)) {
            write(store, b -> {
                b.published("greenhouse:acme:1", open(11, 21), "greenhouse:acme", value("{\"v\":1}"));
                b.published("csv:jobs:7", open(12, 22), null, value("{\"v\":2}"));
                b.covers("topic-a", Map.of(0, 5L, 1, 3L));
            });
        }
        try (PostingStore store = PostingStore.open(dir)) {
            assertThat(store.entry("greenhouse:acme:1")).isEqualTo(new PostingStore.Entry(open(11, 21), "greenhouse:acme"));
            assertThat(store.entry("csv:jobs:7")).isEqualTo(new PostingStore.Entry(open(12, 22), null));
            assertThat(store.idWithContent(22)).isEqualTo("csv:jobs:7");
            assertThat(store.openOn("greenhouse:acme")).containsOnlyKeys("greenhouse:acme:1");
            assertThat(store.openOn("greenhouse:acm")).isEmpty();
            assertThat(store.topicId()).isEqualTo("topic-a");
            assertThat(store.positions()).isEqualTo(Map.of(0, 5L, 1, 3L));
        }
    }

    @Test
    void aChangedPostingDropsItsOldContentKeyAndAClosedOneLeavesItsBoardsOpenList(@TempDir Path dir) {
        try (PostingStore store = PostingStore.open(dir)) {
            write(store, b -> b.published("lever:globex:1", open(1, 100), "lever:globex", value("{}")));
            write(store, b -> b.published("lever:globex:1", open(2, 200), "lever:globex", value("{}")));
            assertThat(store.idWithContent(100)).isNull();
            assertThat(store.idWithContent(200)).isEqualTo("lever:globex:1");

            write(store, b -> b.published("lever:globex:1", new Fingerprint(3, 200, DAY, true), "lever:globex", value("{}")));
            assertThat(store.openOn("lever:globex")).isEmpty();
            assertThat(store.entry("lever:globex:1").fingerprint().closed()).isTrue();
        }
    }

    @Test
    void changesInOneBatchSeeEachOtherAndATombstoneForgetsEverything(@TempDir Path dir) {
        try (PostingStore store = PostingStore.open(dir)) {
            write(store, b -> {
                b.published("ashby:co:1", open(1, 100), "ashby:co", value("{}"));
                b.published("ashby:co:1", open(2, 200), "ashby:co", value("{}"));
                b.forget("ashby:co:1");
            });
            assertThat(store.entry("ashby:co:1")).isNull();
            assertThat(store.idWithContent(100)).isNull();
            assertThat(store.idWithContent(200)).isNull();
            assertThat(store.openOn("ashby:co")).isEmpty();
        }
    }

    @Test
    void clearForgetsEverythingBeforeARebuild(@TempDir Path dir) {
        try (PostingStore store = PostingStore.open(dir)) {
            write(store, b -> {
                b.published("ashby:co:1", open(1, 100), "ashby:co", value("{}"));
                b.covers("topic-a", Map.of(0, 1L));
            });
            store.clear();
            assertThat(store.entry("ashby:co:1")).isNull();
            assertThat(store.topicId()).isNull();
            assertThat(store.positions()).isEmpty();
            assertThat(store.openOn("ashby:co")).isEmpty();
        }
    }

    @Test
    void theCountAfterARebuildIsOfTheRebuiltPostingsOnlyNotOfThoseClearedToo(@TempDir Path dir) {
        // The log line of a rebuild said "about 161 postings known" for 80: the old ones still counted.
        try (PostingStore store = PostingStore.open(dir)) {
            write(store, b -> {
                for (int i = 0; i < 81; i++) {
                    b.published("csv:jobs:" + i, open(i, i), null, value("{}"));
                }
            });
        }
        try (PostingStore store = PostingStore.open(dir)) {
            store.clear();
            assertThat(store.size()).isZero();
            write(store, b -> {
                for (int i = 0; i < 80; i++) {
                    b.published("csv:jobs:" + i, open(1000 + i, i), null, value("{}"));
                }
            });
            assertThat(store.size()).isEqualTo(80);
            assertThat(store.entry("csv:jobs:80")).isNull();
            assertThat(store.entry("csv:jobs:79")).isEqualTo(new PostingStore.Entry(open(1079, 79), null));
        }
        try (PostingStore store = PostingStore.open(dir)) {
            assertThat(store.size()).isEqualTo(80);
        }
    }

    @Test
    void aStoreInUseByAnotherProcessGivesThisOneATemporaryStoreInstead(@TempDir Path dir) {
        try (PostingStore first = PostingStore.open(dir); PostingStore second = PostingStore.open(dir)) {
            assertThat(second.dir()).isNotEqualTo(dir);
            write(second, b -> b.published("x:1", open(1, 1), null, value("{}")));
            assertThat(first.entry("x:1")).isNull();
            Path temporary = second.dir();
            second.close();
            assertThat(temporary).doesNotExist();
        }
    }
}
