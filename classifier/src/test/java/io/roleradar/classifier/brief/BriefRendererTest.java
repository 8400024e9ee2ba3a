package io.roleradar.classifier.brief;

import com.fasterxml.jackson.databind.JsonNode;
import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.Fixtures;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.model.Tags;
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

    @Test
    void theStudyTopicsCoverEveryDomainAndRound() {
        assertThat(StudyTopics.load().coversEveryDomainAndRound()).isTrue();
    }
}
