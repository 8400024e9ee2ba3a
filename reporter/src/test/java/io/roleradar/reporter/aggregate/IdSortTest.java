package io.roleradar.reporter.aggregate;

import io.roleradar.model.PostingJson;
import io.roleradar.model.TaggedPosting;
import io.roleradar.reporter.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IdSortTest {
    private final TaggedPosting template = read(Fixtures.lines(Fixtures.BASIC).get(0));
    private final Interner interner = new Interner();

    @Test
    void ordersIdsAsTheComparatorDoesAcrossTheKeysEdges() {
        // Ids that tie in their first 32 bytes, are prefixes of one another, end at and around the
        // 8-byte words of the key, hold zero bytes, high (non-ASCII) bytes, and long shared prefixes.
        List<String> ids = new ArrayList<>(List.of("a", "a\u0000", "a\u0000b", "ab", "", "\u0000", "\u00ff", "\u00e9",
                "z".repeat(31), "z".repeat(32), "z".repeat(33), "z".repeat(32) + "a", "z".repeat(32) + "\u0000",
                "z".repeat(40) + "b", "z".repeat(40) + "a", "ashby:acac:1002384", "ashby:acac:100238",
                "lever:spotify:0f7e5b1c-1234-5678-9abc-def012345678", "lever:spotify:0f7e5b1c-1234-5678-9abc-def012345677"));
        Random random = new Random(11);
        String[] parts = {"greenhouse:", "lever:", "ashby:", "page:", "anthropic:", "\u6771\u4eac:", "", "0", "9", "\u0000"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder id = new StringBuilder();
            for (int k = random.nextInt(6); k >= 0; k--) {
                id.append(parts[random.nextInt(parts.length)]);
            }
            id.append(random.nextInt(1000));
            ids.add(id.toString());
        }
        List<PostingFacts> facts = new ArrayList<>();
        for (String id : ids) {
            if (!id.isBlank()) {
                facts.add(facts(id));
            }
        }
        Collections.shuffle(facts, random);
        PostingFacts[] expected = facts.toArray(new PostingFacts[0]);
        Arrays.sort(expected, PostingFacts.BY_ID);
        PostingFacts[] sorted = facts.toArray(new PostingFacts[0]);

        IdSort.sort(sorted);

        assertThat(Arrays.stream(sorted).map(PostingFacts::id).toList())
                .isEqualTo(Arrays.stream(expected).map(PostingFacts::id).toList());
    }

    private PostingFacts facts(String id) {
        return PostingFacts.of(TaggedPosting.of(template.posting().toBuilder().id(id).build(), template.tags()), interner);
    }

    private static TaggedPosting read(String json) {
        try {
            return PostingJson.readTagged(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
