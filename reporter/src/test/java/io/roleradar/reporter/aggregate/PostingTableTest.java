package io.roleradar.reporter.aggregate;

import io.roleradar.model.PostingJson;
import io.roleradar.model.TaggedPosting;
import io.roleradar.reporter.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PostingTableTest {
    private final TaggedPosting template = read(Fixtures.lines(Fixtures.BASIC).get(0));
    private final Interner interner = new Interner();

    @Test
    void keepsOneEntryPerIdThroughManyPutsRemovesAndResizes() {
        PostingTable table = new PostingTable();
        for (int i = 0; i < 20_000; i++) {
            assertThat(table.put(facts("id:" + i, "first"))).isNull();
        }
        for (int i = 0; i < 20_000; i += 2) {
            assertThat(table.put(facts("id:" + i, "second")).title()).isEqualTo("first");
        }
        for (int i = 0; i < 20_000; i += 3) {
            assertThat(table.remove("id:" + i)).isTrue();
        }
        assertThat(table.remove("id:0")).isFalse();
        assertThat(table.put(facts("id:0", "back"))).isNull();

        int expected = 20_000 - (20_000 + 2) / 3 + 1;
        assertThat(table.size()).isEqualTo(expected);
        Set<String> seen = new HashSet<>();
        table.forEach(f -> assertThat(seen.add(f.id())).isTrue());
        assertThat(seen).hasSize(expected);
        assertThat(table.get("id:0").title()).isEqualTo("back");
        assertThat(table.get("id:2").title()).isEqualTo("second");
        assertThat(table.get("id:1").title()).isEqualTo("first");
        assertThat(table.get("id:3")).isNull();
        assertThat(table.get("id:20000")).isNull();
    }

    @Test
    void keepsIdTitleAndUrlIncludingNonAsciiText() {
        PostingTable table = new PostingTable();
        table.put(facts("ashby:zürich:1", "Ingénieur·e ML – 東京"));
        PostingFacts f = table.get("ashby:zürich:1");
        assertThat(f.id()).isEqualTo("ashby:zürich:1");
        assertThat(f.title()).isEqualTo("Ingénieur·e ML – 東京");
        assertThat(f.sourceUrl()).isEqualTo("https://jobs.example.com/greenhouse/acme/1");
    }

    private PostingFacts facts(String id, String title) {
        return PostingFacts.of(TaggedPosting.of(template.posting().toBuilder().id(id).title(title).build(), template.tags()),
                interner);
    }

    private static TaggedPosting read(String json) {
        try {
            return PostingJson.readTagged(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
