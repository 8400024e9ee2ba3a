package io.roleradar.classifier.brief;

import com.fasterxml.jackson.databind.JsonNode;
import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.Fixtures;
import io.roleradar.model.Domain;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.model.Round;
import io.roleradar.model.Tags;
import io.roleradar.model.Evidence;
import io.roleradar.model.SourceField;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BriefRendererTest {
    private static final Classifier CLASSIFIER = Classifier.withDefaultTaxonomy();
    private final BriefRenderer renderer = new BriefRenderer();

    @Test
    void aRankingSpecialistsBriefListsRoundsInPriorityOrderWithEvidenceAndRankingTopics() {
        RawPosting p = Fixtures.posting("search-ranking");
        Tags tags = CLASSIFIER.classify(p);
        String text = renderer.text(p, tags);
        assertThat(text).contains("Quadrant: MODELING_SPECIALIST", "Level: STAFF_PLUS", "RANKING_RECOMMENDATION",
                "Interview rounds, in priority order", "1. ", "4. ", "learning to rank", "candidate retrieval",
                "calibration", "evidence: ");
        int design = text.indexOf("ML system design");
        int coding = text.indexOf("ML coding");
        assertThat(design).isPositive().isLessThan(text.indexOf("4. "));
        assertThat(coding).isPositive();
    }

    @Test
    void theJsonBriefCarriesPrioritiesStudyTopicsAndEvidenceOffsets() {
        RawPosting p = Fixtures.posting("inference-platform");
        JsonNode brief = PostingJson.tree(renderer.json(p, CLASSIFIER.classify(p)));
        assertThat(brief.get("quadrant").asText()).startsWith("INFRA_");
        JsonNode rounds = brief.get("rounds");
        assertThat(rounds).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(rounds.get(i).get("priority").asInt()).isEqualTo(i + 1);
            assertThat(rounds.get(i).get("study")).isNotEmpty();
            if (i > 0) {
                assertThat(rounds.get(i).get("weight").asDouble()).isLessThanOrEqualTo(rounds.get(i - 1).get("weight").asDouble());
            }
        }
        JsonNode evidence = brief.get("mlRoleEvidence").get(0);
        String field = evidence.get("field").asText().equals("TITLE") ? p.title() : p.description();
        assertThat(field.substring(evidence.get("start").asInt(), evidence.get("end").asInt()))
                .isEqualTo(evidence.get("text").asText());
    }

    @Test
    void theProcessThePostingStatesComesBeforeTheInferredRounds() {
        RawPosting p = Fixtures.posting("search-ranking");
        String text = renderer.text(p, CLASSIFIER.classify(p));
        assertThat(text).contains("This posting says: recruiter call; ML system design interview [ML system design]; "
                + "coding interview [ML coding]; deep dive [ML case study]");
        assertThat(text.indexOf("This posting says")).isLessThan(text.indexOf("Interview rounds, in priority order"));
        assertThat(text).contains("(weight 1.00, stated by the posting)");
    }

    @Test
    void aBriefWithoutAStatedProcessSaysItsRoundsAreInferred() {
        RawPosting p = Fixtures.posting("inference-platform");
        String text = renderer.text(p, CLASSIFIER.classify(p));
        assertThat(text).contains("does not describe its hiring process").doesNotContain("This posting says");
    }

    @Test
    void aLongStepIsShortenedToOneReadableLine() {
        assertThat(BriefRenderer.shortStep("Meet the Hiring Manager, Kanchana P. https://www.example.com/in/someone?x=1\n"))
                .isEqualTo("Meet the Hiring Manager, Kanchana P");
        assertThat(BriefRenderer.shortStep("x".repeat(80))).hasSize(63).endsWith("...");
    }

    @Test
    void aNonMlRoleGetsAShortBriefWithTheEvidenceAgainstIt() {
        RawPosting p = Fixtures.posting("solutions-engineer");
        String text = renderer.text(p, CLASSIFIER.classify(p));
        assertThat(text).contains("Not an ML role", "No ML interview rounds").doesNotContain("study:");
    }

    /** Topics for every round of every domain, and general ones for every round, so no brief comes out empty. */
    @Test
    void theStudyTopicsCoverEveryDomainAndRound() throws Exception {
        JsonNode root;
        try (InputStream in = StudyTopics.class.getResourceAsStream(StudyTopics.RESOURCE)) {
            root = PostingJson.mapper().readTree(in);
        }
        for (Round r : Round.values()) {
            for (Domain d : Domain.values()) {
                assertThat(root.path("byDomain").path(d.name()).path(r.name()).isEmpty()).as(d + " " + r).isFalse();
            }
            assertThat(root.path("general").path(r.name()).isEmpty()).as("general " + r).isFalse();
        }
    }

    @Test
    void evidenceShowsEachSentenceOnceWithItsPhrasesMarked() {
        RawPosting p = Fixtures.posting("search-ranking");
        String text = renderer.text(p, CLASSIFIER.classify(p));
        List<String> quoted = text.lines().map(String::strip)
                .filter(l -> l.endsWith("\" (title)") || l.endsWith("\" (description)")).toList();
        assertThat(quoted).isNotEmpty().allSatisfy(l -> assertThat(l).contains("[").contains("]"));
        text.lines().filter(l -> l.contains("evidence: ")).forEach(l -> {
            String quote = l.substring(l.indexOf("evidence: ") + "evidence: ".length());
            assertThat(quote).startsWith("\"").endsWith(")");
        });
    }

    @Test
    void aSentenceIsCutAtItsFullStopOrItsLine() {
        String text = "We hire. You will build ranking models for search! Then more.\n- Own the A/B tests\nEnd";
        int at = text.indexOf("ranking");
        int[] s = EvidenceQuotes.sentence(text, at, at + 7);
        assertThat(text.substring(s[0], s[1])).isEqualTo("You will build ranking models for search!");
        int ab = text.indexOf("A/B");
        int[] bullet = EvidenceQuotes.sentence(text, ab, ab + 3);
        assertThat(text.substring(bullet[0], bullet[1])).isEqualTo("- Own the A/B tests");
    }

    @Test
    void aPhraseNamedTwiceInOneSentenceGivesOneQuote() {
        RawPosting p = Fixtures.posting("search-ranking");
        String description = p.description();
        int first = description.indexOf("ranking");
        assertThat(first).isNotNegative();
        var evidence = List.of(
                new Evidence("ranking", SourceField.DESCRIPTION, first, first + 7, "r1"),
                new Evidence("ranking", SourceField.DESCRIPTION, first, first + 7, "r2"));
        assertThat(EvidenceQuotes.of(p, evidence)).hasSize(1);
    }

    @Test
    void theToolsAPostingNamesReachItsStudyList() {
        RawPosting p = Fixtures.posting("search-ranking");
        RawPosting withTools = new RawPosting(p.schemaVersion(), p.id(), p.source(), p.sourceUrl(), p.company(), p.title(),
                p.department(), p.location(), p.otherLocations(), p.remote(), p.employmentType(), p.salary(),
                p.postedAt(), p.fetchedAt(), p.description() + "\nYou will fine-tune models with LoRA in PyTorch and "
                + "build training data in Spark.", p.otherSources(), p.country(), p.city(), p.firstSeenAt(), p.closedAt());
        Tags tags = CLASSIFIER.classify(withTools);
        StudyTopics topics = StudyTopics.load();

        assertThat(topics.toolsNamedIn(withTools)).contains("PyTorch", "LoRA", "Spark");
        String text = renderer.text(withTools, tags);
        assertThat(text).contains("Tools it names: PyTorch, LoRA", "Spark").contains("LoRA: low-rank adapters")
                .contains("PyTorch: a training loop");
        assertThat(PostingJson.tree(renderer.json(withTools, tags)).get("tools")).extracting(JsonNode::asText)
                .contains("PyTorch", "LoRA", "Spark");
    }

    @Test
    void aToolIsNamedByItsWordNotInsideAnother() {
        RawPosting p = Fixtures.posting("solutions-engineer");
        RawPosting other = new RawPosting(p.schemaVersion(), p.id(), p.source(), p.sourceUrl(), p.company(), "X-Ray technician",
                p.department(), p.location(), p.otherLocations(), p.remote(), p.employmentType(), p.salary(),
                p.postedAt(), p.fetchedAt(), "Sparkling teams, MySQL-free, no torches.", p.otherSources(), p.country(),
                p.city(), p.firstSeenAt(), p.closedAt());
        assertThat(StudyTopics.load().toolsNamedIn(other)).isEmpty();
    }

    @Test
    void aNonMlRoleShowsItsEvidence() {
        RawPosting p = Fixtures.posting("solutions-engineer");
        String text = renderer.text(p, CLASSIFIER.classify(p));
        assertThat(text.lines().filter(l -> l.startsWith("  evidence: "))).isNotEmpty();
    }
}
