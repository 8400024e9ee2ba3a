package io.roleradar.reporter.input;

import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.model.TagSummary;
import io.roleradar.model.TaggedPosting;
import io.roleradar.reporter.Fixtures;
import io.roleradar.reporter.aggregate.Interner;
import io.roleradar.reporter.aggregate.PostingFacts;
import io.roleradar.reporter.bench.SyntheticPostings;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TaggedFactsReaderTest {
    private final TaggedFactsReader reader = new TaggedFactsReader(new Interner());

    /** A line of a fixture table: the columns before the JSON, and the JSON's bytes. */
    private record Case(List<String> labels, byte[] json) {
        String name() {
            return labels.get(labels.size() - 1);
        }
    }

    private static List<Case> table(String name, int labels) {
        List<Case> cases = new ArrayList<>();
        for (String line : Fixtures.lines("projection/" + name)) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\t", labels + 1);
            cases.add(new Case(List.of(parts).subList(0, labels), parts[labels].getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(cases).as(name).hasSizeGreaterThan(20);
        return cases;
    }

    private static String codecFacts(byte[] json) throws InvalidMessageException {
        return PostingFacts.of(PostingJson.readTagged(json), new Interner()).toString();
    }

    @Test
    void givesTheSameFactsAsTheCodecForEveryValidPosting() throws Exception {
        for (Case c : table("valid.tsv", 1)) {
            assertThat(reader.read(c.json()).toString()).as(c.name()).isEqualTo(codecFacts(c.json()));
        }
        for (String fixture : List.of(Fixtures.BASIC, Fixtures.HOSTILE)) {
            for (String line : Fixtures.lines(fixture)) {
                byte[] json = line.getBytes(StandardCharsets.UTF_8);
                assertThat(reader.read(json).toString()).as(line).isEqualTo(codecFacts(json));
            }
        }
    }

    @Test
    void readsPlainPostingsItselfWithoutFallingBackToTheCodec() throws Exception {
        int projected = 0;
        for (Case c : table("valid.tsv", 1)) {
            if (c.name().contains("left to the codec")) {
                assertThat(reader.project(c.json())).as(c.name()).isNull();
            } else {
                assertThat(reader.project(c.json())).as(c.name()).isNotNull();
                assertThat(reader.project(c.json()).toString()).as(c.name()).isEqualTo(codecFacts(c.json()));
                projected++;
            }
        }
        assertThat(projected).isGreaterThan(15);
    }

    @Test
    void givesTheSameFactsAsTheCodecForSyntheticBenchmarkPostings() throws Exception {
        SyntheticPostings generator = new SyntheticPostings(7, 50);
        int ml = 0;
        for (int i = 0; i < 2_000; i++) {
            TaggedPosting posting = generator.next(i);
            byte[] json = PostingJson.write(posting);
            PostingFacts facts = reader.project(json);
            assertThat(facts).as(posting.id()).isNotNull();
            assertThat(facts.toString()).isEqualTo(codecFacts(json));
            ml += facts.mlRole() ? 1 : 0;
        }
        assertThat(ml).isBetween(1_000, 1_999);
    }

    @Test
    void rejectsEachInvalidPostingWithTheCodecsReasonAndMessage() {
        for (Case c : table("invalid.tsv", 2)) {
            InvalidMessageException.Reason expected = InvalidMessageException.Reason.valueOf(c.labels().get(0));
            InvalidMessageException byCodec = catchThrowableOfType(InvalidMessageException.class,
                    () -> PostingJson.readTagged(c.json()));
            assertThat(byCodec).as("the codec on: " + c.name()).isNotNull();
            assertThat(byCodec.reason()).as("the codec on: " + c.name()).isEqualTo(expected);

            InvalidMessageException byReader = catchThrowableOfType(InvalidMessageException.class,
                    () -> reader.read(c.json()));
            assertThat(byReader).as(c.name()).isNotNull();
            assertThat(byReader.reason()).as(c.name()).isEqualTo(expected);
            assertThat(byReader.getMessage()).as(c.name()).isEqualTo(byCodec.getMessage());
        }
    }

    @Test
    void projectionItselfRefusesEveryInvalidPosting() {
        for (Case c : table("invalid.tsv", 2)) {
            assertThat(reader.project(c.json())).as(c.name()).isNull();
        }
    }

    @Test
    void rejectsTheUnreadableFixtureLinesAsTheCodecDoes() {
        int rejected = 0;
        for (String line : Fixtures.lines(Fixtures.UNREADABLE)) {
            if (line.isBlank()) {
                continue;
            }
            byte[] json = line.getBytes(StandardCharsets.UTF_8);
            InvalidMessageException byCodec = catchThrowableOfType(InvalidMessageException.class,
                    () -> PostingJson.readTagged(json));
            InvalidMessageException byReader = catchThrowableOfType(InvalidMessageException.class,
                    () -> reader.read(json));
            if (byCodec == null) {
                assertThat(byReader).as(line).isNull();
            } else {
                assertThat(byReader).as(line).isNotNull();
                assertThat(byReader.reason()).as(line).isEqualTo(byCodec.reason());
                rejected++;
            }
        }
        assertThat(rejected).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aHugeDescriptionAndEvidenceDoNotChangeTheFacts() throws Exception {
        byte[] small = Fixtures.lines(Fixtures.BASIC).get(0).getBytes(StandardCharsets.UTF_8);
        ObjectNode tree = (ObjectNode) PostingJson.mapper().readTree(small);
        ((ObjectNode) tree.get("posting")).put("description", "Build ranking models. ".repeat(200_000));
        ArrayNode evidence = (ArrayNode) tree.get("tags").get("domains").get(0).get("evidence");
        for (int i = 0; i < 20_000; i++) {
            evidence.addObject().put("text", "ranking").put("field", "DESCRIPTION").put("start", i).put("end", i + 7)
                    .put("rule", "ranking");
        }
        byte[] huge = PostingJson.mapper().writeValueAsBytes(tree);
        assertThat(huge.length).isGreaterThan(5_000_000);

        assertThat(reader.project(huge)).isNotNull();
        assertThat(reader.read(huge).toString()).isEqualTo(reader.read(small).toString())
                .isEqualTo(codecFacts(huge));
    }

    @Test
    void doesNotCheckTheItemsOfEvidenceListsWhichTheCodecWouldRefuse() throws Exception {
        // The known limit of the projection: evidence is stepped over unread, so a broken evidence
        // item (which the classifier never writes) still gives facts, where the codec rejects it.
        String line = Fixtures.lines(Fixtures.BASIC).get(0).replace("\"field\": \"TITLE\"", "\"field\": \"NOWHERE\"");
        byte[] json = line.getBytes(StandardCharsets.UTF_8);
        assertThat(catchThrowableOfType(InvalidMessageException.class, () -> PostingJson.readTagged(json)).reason())
                .isEqualTo(InvalidMessageException.Reason.INVALID_FIELD);
        assertThat(reader.read(json).id()).isEqualTo("greenhouse:acme:1");
    }

    @Test
    void givesTheSameFactsFromTheSummaryHeaderAsFromTheValue() throws Exception {
        List<byte[]> values = new ArrayList<>();
        for (Case c : table("valid.tsv", 1)) {
            values.add(c.json());
        }
        for (String fixture : List.of(Fixtures.BASIC, Fixtures.HOSTILE)) {
            for (String line : Fixtures.lines(fixture)) {
                values.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        SyntheticPostings synthetic = new SyntheticPostings(7, 50);
        for (int i = 0; i < 2_000; i++) {
            values.add(PostingJson.write(synthetic.next(i)));
        }
        for (byte[] json : values) {
            TaggedPosting tagged = PostingJson.readTagged(json);
            assertThat(reader.read(json, TagSummary.encode(tagged)).toString()).as(tagged.id())
                    .isEqualTo(codecFacts(json));
        }
    }

    @Test
    void readsTheFactsFromTheSummaryHeaderWhenTheRecordHasOne() throws Exception {
        // The classifier writes the header and the value from one posting; that the header is what
        // is read shows when the two are made to differ, which only a test does.
        byte[] json = Fixtures.lines(Fixtures.BASIC).get(0).getBytes(StandardCharsets.UTF_8);
        TaggedPosting tagged = PostingJson.readTagged(json);
        RawPosting p = tagged.posting();
        RawPosting renamed = new RawPosting(1, p.id(), p.source(), p.sourceUrl(), p.company(), "Title from the header",
                null, null, null, null, null, null, p.postedAt(), p.fetchedAt(), p.description(), null);

        PostingFacts facts = reader.read(json, TagSummary.encode(TaggedPosting.of(renamed, tagged.tags())));

        assertThat(facts.title()).isEqualTo("Title from the header");
        assertThat(reader.read(json, null).title()).isEqualTo(p.title());
    }

    @Test
    void readsTheValueWhenTheSummaryHeaderIsDamagedOrOfAnotherVersion() throws Exception {
        byte[] json = Fixtures.lines(Fixtures.BASIC).get(0).getBytes(StandardCharsets.UTF_8);
        byte[] header = TagSummary.encode(PostingJson.readTagged(json));
        byte[] future = header.clone();
        future[0] = 9;

        for (byte[] bad : List.of(future, java.util.Arrays.copyOf(header, header.length / 2), new byte[0])) {
            assertThat(reader.read(json, bad).toString()).isEqualTo(codecFacts(json));
        }
        // A bad header does not make a broken value readable: the value still decides, with its reason.
        byte[] broken = "{\"schemaVersion\": 1, \"posting\": {".getBytes(StandardCharsets.UTF_8);
        assertThat(catchThrowableOfType(InvalidMessageException.class, () -> reader.read(broken, future)).reason())
                .isEqualTo(InvalidMessageException.Reason.MALFORMED_JSON);
    }
}
