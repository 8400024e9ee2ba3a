package io.roleradar.reporter.aggregate;

import io.roleradar.model.Domain;
import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.Level;
import io.roleradar.model.PostingJson;
import io.roleradar.model.Quadrant;
import io.roleradar.model.Round;
import io.roleradar.reporter.Fixtures;
import io.roleradar.testkit.SchemaValidator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every value the model's codec accepts is counted with its facts; every value it refuses is
 * counted as unreadable with the codec's reason, and the run goes on. The fixture tables
 * ({@code fixtures/values/*.tsv}) hold one case a line: its labels, a tab, the JSON.
 */
class TaggedValueDecodingTest {

    private static Map<String, String> valid() {
        Map<String, String> cases = new LinkedHashMap<>();
        for (String line : Fixtures.lines("values/valid.tsv")) {
            String[] parts = line.split("\t", 2);
            cases.put(parts[0], parts[1]);
        }
        assertThat(cases).hasSizeGreaterThan(25);
        return cases;
    }

    private static PostingFacts factsOf(String json) {
        LatestPostings latest = new LatestPostings(FactsStore.temporary(false));
        latest.accept(json.getBytes(StandardCharsets.UTF_8), "case");
        assertThat(latest.rejections()).as(json).isEmpty();
        assertThat(latest.size()).isEqualTo(1);
        PostingFacts[] only = new PostingFacts[1];
        latest.forEachFacts(f -> only[0] = f);
        return only[0];
    }

    @Test
    void countsEveryValidTaggedPostingWithTheFactsItStates() throws Exception {
        for (Map.Entry<String, String> c : valid().entrySet()) {
            var tagged = PostingJson.readTagged(c.getValue());
            PostingFacts f = factsOf(c.getValue());
            assertThat(f.id()).as(c.getKey()).isEqualTo(tagged.id());
            assertThat(f.title()).as(c.getKey()).isEqualTo(tagged.posting().title());
            assertThat(f.mlRole()).as(c.getKey()).isEqualTo(tagged.tags().mlRole());
            assertThat(f.quadrant()).as(c.getKey()).isEqualTo(tagged.tags().quadrant());
            assertThat(f.level()).as(c.getKey()).isEqualTo(tagged.tags().level());
            assertThat(f.taxonomyVersion()).as(c.getKey()).isEqualTo(tagged.tags().taxonomyVersion());
        }
    }

    @Test
    void keepsBlankOptionalTextAsAbsentAndTrimsTheCompany() {
        PostingFacts f = factsOf(valid().get("null and blank optional fields"));
        assertThat(f.company()).isEqualTo("Acme GmbH");
        assertThat(f.sourceUrl()).isNull();
        assertThat(f.source()).isNull();
        assertThat(f.postedAt()).isNull();
        assertThat(f.date()).isNull();
    }

    @Test
    void derivesTheQuadrantFromTheAxesWhenItIsNull() {
        assertThat(factsOf(valid().get("quadrant null, derived from the axes")).quadrant())
                .isEqualTo(Quadrant.MODELING_SPECIALIST);
    }

    @Test
    void ordersDomainsByScoreThenTaxonomyOrderAndCountsARepeatOnce() {
        assertThat(factsOf(valid().get("domains with ties, a repeat and no evidence")).domains())
                .containsExactly(Domain.FRAUD_RISK, Domain.RANKING_RECOMMENDATION, Domain.ADS, Domain.NLP_LLM,
                        Domain.COMPUTER_VISION);
    }

    @Test
    void keepsTheLastWeightOfARoundListedTwice() {
        PostingFacts f = factsOf(valid().get("rounds out of order, one listed twice"));
        assertThat(f.weight(Round.ML_CODING)).isCloseTo(0.55, within(1e-6));
        assertThat(f.weight(Round.ML_FUNDAMENTALS)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void givesRoundsNotTaggedAWeightOfZero() {
        PostingFacts f = factsOf(valid().get("two rounds, a manager, level unknown"));
        assertThat(f.weight(Round.ML_SYSTEM_DESIGN)).isZero();
        assertThat(f.manager()).isTrue();
        assertThat(f.level()).isEqualTo(Level.UNKNOWN);
    }

    @Test
    void keepsASalaryWithMinAboveMaxAsStatedButDoesNotCountIt() {
        PostingFacts f = factsOf(valid().get("a salary with min above max, kept as stated"));
        assertThat(f.pay().min()).isEqualTo(200_000);
        assertThat(f.pay().max()).isEqualTo(100_000);
        assertThat(f.pay().countable()).isFalse();
    }

    @Test
    void takesTheUtcDayOfFetchedAt() {
        assertThat(factsOf(valid().get("dates with a time and an offset")).fetchedOn())
                .isEqualTo(LocalDate.of(2026, 11, 20)); // 23:30+02:00 is 21:30 UTC
        assertThat(factsOf(valid().get("fetchedAt with nanoseconds just before midnight")).fetchedOn())
                .isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void readsAnInterviewProcessAndALevelOnANonMlRole() {
        PostingFacts process = factsOf(valid().get("an interview process with steps, one stating no round"));
        assertThat(process.mlRole()).isTrue();
        PostingFacts recruiter = factsOf(valid().get("not an ML role with a level, a manager flag and a process"));
        assertThat(recruiter.mlRole()).isFalse();
        assertThat(recruiter.level()).isEqualTo(Level.SENIOR);
        assertThat(recruiter.manager()).isTrue();
        assertThat(recruiter.quadrant()).isNull();
        assertThat(recruiter.weight(Round.ML_CODING)).isZero();
    }

    @Test
    void theNewContractCasesAreValidPerThePublishedSchema() {
        for (String name : List.of("an interview process with steps, one stating no round",
                "not an ML role with a level, a manager flag and a process")) {
            assertThat(SchemaValidator.taggedPostingErrors(valid().get(name))).as(name).isEmpty();
        }
    }

    @Test
    void countsEachInvalidValueAsUnreadableWithTheCodecsReasonAndGoesOn() {
        List<String[]> cases = new ArrayList<>();
        for (String line : Fixtures.lines("values/invalid.tsv")) {
            cases.add(line.split("\t", 3));
        }
        assertThat(cases).hasSizeGreaterThan(40);
        LatestPostings latest = new LatestPostings(FactsStore.temporary(false));
        for (String[] c : cases) {
            latest.accept(c[2].getBytes(StandardCharsets.UTF_8), c[1]);
        }
        latest.accept(Fixtures.lines(Fixtures.BASIC).get(0).getBytes(StandardCharsets.UTF_8), "good");

        assertThat(latest.records()).isEqualTo(cases.size() + 1);
        assertThat(latest.size()).as("the good record after them all is counted").isEqualTo(1);
        assertThat(latest.rejected()).isEqualTo(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            Rejection r = latest.rejections().get(i);
            assertThat(r.where()).isEqualTo(cases.get(i)[1]);
            assertThat(r.reason()).as(cases.get(i)[1]).isEqualTo(cases.get(i)[0]);
            assertThat(r.message()).as(cases.get(i)[1]).isNotBlank();
        }
    }

    @Test
    void refusesABrokenEvidenceItemLikeAnyOtherInvalidField() {
        String line = Fixtures.lines(Fixtures.BASIC).get(0).replace("\"field\": \"TITLE\"", "\"field\": \"NOWHERE\"");
        LatestPostings latest = new LatestPostings(FactsStore.temporary(false));
        latest.accept(line.getBytes(StandardCharsets.UTF_8), "line 1");

        assertThat(latest.size()).isZero();
        assertThat(latest.rejectedByReason()).containsExactly(Map.entry(InvalidMessageException.Reason.INVALID_FIELD.name(), 1L));
    }

    @Test
    void aHugeDescriptionAndEvidenceDoNotChangeTheFacts() throws Exception {
        String small = Fixtures.lines(Fixtures.BASIC).get(0);
        ObjectNode tree = (ObjectNode) PostingJson.mapper().readTree(small);
        ((ObjectNode) tree.get("posting")).put("description", "Build ranking models. ".repeat(200_000));
        ArrayNode evidence = (ArrayNode) tree.get("tags").get("domains").get(0).get("evidence");
        for (int i = 0; i < 20_000; i++) {
            evidence.addObject().put("text", "ranking").put("field", "DESCRIPTION").put("start", i).put("end", i + 7)
                    .put("rule", "ranking");
        }
        String huge = PostingJson.mapper().writeValueAsString(tree);
        assertThat(huge.length()).isGreaterThan(5_000_000);

        // Only the text's signature may differ: it is made from the description.
        assertThat(withoutSignature(factsOf(huge))).isEqualTo(withoutSignature(factsOf(small)));
    }

    private static String withoutSignature(Object facts) {
        return facts.toString().replaceAll("signature=-?\\d+", "");
    }
}
