package io.roleradar.reporter.aggregate;

import io.roleradar.model.PostingJson;
import io.roleradar.model.TaggedPosting;
import io.roleradar.reporter.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17: the latest facts per id kept on disk (RocksDB) instead of the heap's table. */
class FactsStoreTest {
    private final TaggedPosting template = read(Fixtures.lines(Fixtures.BASIC).get(0));
    private final Interner interner = new Interner();

    @Test
    void keepsOneEntryPerIdThroughManyPutsAndRemoves() {
        try (LatestPostings latest = new LatestPostings(FactsStore.temporary(false))) {
            for (int i = 0; i < 20_000; i++) {
                latest.accept(facts("id:" + i, "first"));
            }
            for (int i = 0; i < 20_000; i += 2) {
                latest.accept(facts("id:" + i, "second"));
            }
            for (int i = 0; i < 20_000; i += 3) {
                latest.remove("id:" + i);
            }
            latest.remove("id:0");
            latest.accept(facts("id:0", "back"));

            int expected = 20_000 - (20_000 + 2) / 3 + 1;
            assertThat(latest.size()).isEqualTo(expected);
            assertThat(latest.replaced()).isEqualTo(10_000);
            List<String> ids = new ArrayList<>();
            latest.forEachFacts(f -> ids.add(f.id()));
            assertThat(ids).hasSize(expected).isSorted(); // "id:1" < "id:10" < "id:100": byte order
            assertThat(latest.get("id:0").title()).isEqualTo("back");
            assertThat(latest.get("id:2").title()).isEqualTo("second");
            assertThat(latest.get("id:1").title()).isEqualTo("first");
            assertThat(latest.get("id:3")).isNull();
            assertThat(latest.get("id:20000")).isNull();
        }
    }

    @Test
    void readsBackEveryFixturePostingsFactsEqualToThoseWritten() {
        for (String fixture : List.of(Fixtures.BASIC, Fixtures.HOSTILE, Fixtures.PROCESS, Fixtures.NEAR_DUPLICATES,
                Fixtures.SNAPSHOT_1, Fixtures.SNAPSHOT_2)) {
            for (String line : Fixtures.lines(fixture)) {
                if (line.isBlank()) {
                    continue;
                }
                PostingFacts f = PostingFacts.of(read(line), interner);
                assertThat(FactsCodec.decode(FactsCodec.encode(f))).as(f.id()).isEqualTo(f);
            }
        }
        PostingFacts f = facts("ashby:zürich:1", "Ingénieur·e ML – 東京");
        PostingFacts back = FactsCodec.decode(FactsCodec.encode(f));
        assertThat(back).isEqualTo(f);
        assertThat(back.title()).isEqualTo("Ingénieur·e ML – 東京");
    }

    @Test
    void deletesItsFolderWhenClosedUnlessKept(@TempDir Path tmp) {
        Path gone = tmp.resolve("gone");
        try (LatestPostings latest = new LatestPostings(FactsStore.open(gone, false))) {
            latest.accept(facts("a", "t"));
            assertThat(gone).isDirectoryContaining(p -> p.getFileName().toString().equals("CURRENT"));
        }
        assertThat(gone).doesNotExist();

        Path kept = tmp.resolve("kept");
        try (LatestPostings latest = new LatestPostings(FactsStore.open(kept, true))) {
            latest.accept(facts("a", "t"));
        }
        assertThat(kept.resolve("CURRENT")).exists();
        // A new run in the same folder starts empty: every report reads its snapshot whole.
        try (LatestPostings again = new LatestPostings(FactsStore.open(kept, false))) {
            assertThat(again.get("a")).isNull();
        }
        assertThat(Files.exists(kept)).isFalse();
    }

    @Test
    void orderedKeysSortAsTheirBytesWhateverFollows() {
        byte[] p = {0, 0, 0, 1, 'R'};
        byte[] a = MarketReport.ordered(p, new byte[] {'a'});
        byte[] aNul = MarketReport.ordered(p, new byte[] {'a', 0});
        byte[] ab = MarketReport.ordered(p, new byte[] {'a', 'b'});
        assertThat(java.util.Arrays.compareUnsigned(a, aNul)).isNegative();
        assertThat(java.util.Arrays.compareUnsigned(aNul, ab)).isNegative();
        assertThat(MarketReport.unordered(aNul, p.length, MarketReport.leaderEnd(aNul, p.length)))
                .containsExactly('a', 0);
    }

    private PostingFacts facts(String id, String title) {
        return PostingFacts.of(TaggedPosting.of(template.posting().toBuilder().id(id).title(title).build(), template.tags()),
                interner);
    }

    private static TaggedPosting read(String json) {
        try {
            return PostingJson.readTagged(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (io.roleradar.model.InvalidMessageException e) {
            throw new IllegalStateException(e);
        }
    }
}
