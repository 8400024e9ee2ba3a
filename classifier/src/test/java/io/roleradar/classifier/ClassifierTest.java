package io.roleradar.classifier;

import io.roleradar.model.Domain;
import io.roleradar.model.DomainTag;
import io.roleradar.model.Evidence;
import io.roleradar.model.Level;
import io.roleradar.model.Quadrant;
import io.roleradar.model.RawPosting;
import io.roleradar.model.Round;
import io.roleradar.model.RoundTag;
import io.roleradar.model.SourceField;
import io.roleradar.model.Tags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifierTest {
    private static final Classifier CLASSIFIER = Classifier.withDefaultTaxonomy();

    private static Tags tags(String fixture) {
        return CLASSIFIER.classify(Fixtures.posting(fixture));
    }

    private static Set<Domain> domains(Tags tags) {
        return tags.domains().stream().map(DomainTag::domain).collect(Collectors.toSet());
    }

    @Test
    void tagsAnInferencePlatformRoleAsInfraWithTheLlmDomain() {
        Tags t = tags("inference-platform");
        assertThat(t.mlRole()).isTrue();
        assertThat(t.responsibility()).isEqualTo(io.roleradar.model.Responsibility.INFRA);
        assertThat(domains(t)).contains(Domain.NLP_LLM);
        assertThat(t.level()).isEqualTo(Level.SENIOR);
        assertThat(t.manager()).isFalse();
        assertThat(t.taxonomyVersion()).isEqualTo(CLASSIFIER.taxonomyVersion());
    }

    @Test
    void tagsAPerceptionEngineerWhoseDutiesAreDetectionAndTrackingModelsAsAnMlRole() {
        // "Engineer" in a title leans away from ML and "auto-labeling" is a data duty; the title's
        // "perception" and the detection and tracking models outweigh both.
        Tags t = tags("perception-engineer");
        assertThat(t.mlRole()).isTrue();
        assertThat(t.responsibility()).isEqualTo(io.roleradar.model.Responsibility.MODELING);
        assertThat(domains(t)).contains(Domain.COMPUTER_VISION);
        assertThat(t.level()).isEqualTo(Level.SENIOR);
    }

    @Test
    void neverTakesEvidenceFromBenefitsOrEqualOpportunityBoilerplate() {
        // The benefits list names recommender systems, advertising and fraud detection.
        Tags t = tags("inference-platform");
        assertThat(domains(t)).doesNotContain(Domain.RANKING_RECOMMENDATION, Domain.ADS, Domain.FRAUD_RISK);
        String description = Fixtures.posting("inference-platform").description();
        int benefits = description.indexOf("Benefits");
        allEvidence(t).stream().filter(e -> e.field() == SourceField.DESCRIPTION)
                .forEach(e -> assertThat(e.start()).as(e.toString()).isLessThan(benefits));
    }

    @Test
    void neverTakesEvidenceFromAboutUsOrPrivacySections() {
        Tags t = tags("speech-research");
        assertThat(t.mlRole()).isTrue();
        assertThat(domains(t)).contains(Domain.SPEECH_AUDIO).doesNotContain(Domain.ADS, Domain.FRAUD_RISK);
        assertThat(t.quadrant()).isEqualTo(Quadrant.MODELING_SPECIALIST);
    }

    @Test
    void tagsARankingSpecialistAndTakesItsStatedInterviewRounds() {
        Tags t = tags("search-ranking");
        assertThat(t.quadrant()).isEqualTo(Quadrant.MODELING_SPECIALIST);
        assertThat(domains(t)).contains(Domain.RANKING_RECOMMENDATION);
        assertThat(t.level()).isEqualTo(Level.STAFF_PLUS);
        RoundTag design = round(t, Round.ML_SYSTEM_DESIGN);
        assertThat(design.weight()).isEqualTo(1.0);
        assertThat(design.reasons().get(0)).startsWith("The posting's hiring process lists")
                .containsIgnoringCase("system design interview");
        assertThat(round(t, Round.ML_CASE_STUDY).weight()).isEqualTo(1.0);
        assertThat(round(t, Round.ML_FUNDAMENTALS).reasons()).anyMatch(r -> r.contains("does not list this round"));
    }

    @Test
    void tagsAProductDataScientistAsModelingGeneralistAndReadsLevelFromTheLowerBoundOfYears() {
        Tags t = tags("product-data-scientist");
        assertThat(t.quadrant()).isEqualTo(Quadrant.MODELING_GENERALIST);
        assertThat(t.level()).isEqualTo(Level.MID);
        assertThat(t.evidence().level()).singleElement().satisfies(e -> assertThat(e.text()).startsWith("3-6 years"));
    }

    @Test
    void tagsAJuniorVisionInternWithATakeHomeAsACodingRound() {
        Tags t = tags("vision-intern");
        assertThat(t.mlRole()).isTrue();
        assertThat(t.level()).isEqualTo(Level.JUNIOR);
        assertThat(domains(t)).contains(Domain.COMPUTER_VISION);
        assertThat(round(t, Round.ML_CODING).weight()).isEqualTo(1.0);
        // A take-home states the coding round because it asks to train a model (TAXONOMY.md section 7).
        assertThat(round(t, Round.ML_CODING).evidence()).anyMatch(e -> e.text().equalsIgnoreCase("train a model"));
    }

    @Test
    void tagsAnMlPlatformManagerAsInfraAndManager() {
        Tags t = tags("ml-platform-manager");
        assertThat(t.mlRole()).isTrue();
        assertThat(t.responsibility()).isEqualTo(io.roleradar.model.Responsibility.INFRA);
        assertThat(t.manager()).isTrue();
        assertThat(t.evidence().manager()).isNotEmpty();
    }

    @Test
    void tagsAFraudDataScientistWithTheFraudDomain() {
        Tags t = tags("fraud-data-scientist");
        assertThat(t.mlRole()).isTrue();
        assertThat(domains(t)).contains(Domain.FRAUD_RISK);
        assertThat(t.level()).isEqualTo(Level.SENIOR);
    }

    @ParameterizedTest
    @MethodSource("notMl")
    void tagsHardNegativesAsNotMlRoles(String fixture) {
        Tags t = tags(fixture);
        assertThat(t.mlRole()).as(fixture).isFalse();
        assertThat(t.domains()).isEmpty();
        assertThat(t.rounds()).isEmpty();
        assertThat(t.evidence().mlRole()).as("the evidence against an ML role").isNotEmpty();
    }

    static List<String> notMl() {
        return List.of("solutions-engineer", "ai-tutor", "bi-analyst");
    }

    @ParameterizedTest
    @MethodSource("io.roleradar.classifier.Fixtures#all")
    void everyEvidenceIsTheTextAtItsOffsetsInItsField(RawPosting posting) {
        Tags t = CLASSIFIER.classify(posting);
        List<Evidence> evidence = allEvidence(t);
        if (t.mlRole()) {
            assertThat(evidence).isNotEmpty();
        }
        for (Evidence e : evidence) {
            String field = switch (e.field()) {
                case TITLE -> posting.title();
                case DEPARTMENT -> posting.department();
                case DESCRIPTION -> posting.description();
            };
            assertThat(field.substring(e.start(), e.end())).as(e.toString()).isEqualTo(e.text());
            assertThat(e.rule()).isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("io.roleradar.classifier.Fixtures#all")
    void everyMlRoleHasAllFourRoundsWithWeightsInTheUnitIntervalAndReasons(RawPosting posting) {
        Tags t = CLASSIFIER.classify(posting);
        if (!t.mlRole()) {
            return;
        }
        assertThat(t.rounds()).extracting(RoundTag::round).containsExactlyInAnyOrder(Round.values());
        for (RoundTag r : t.rounds()) {
            assertThat(r.weight()).isBetween(0.0, 1.0);
            assertThat(r.reasons()).isNotEmpty();
        }
        assertThat(t.rounds()).extracting(RoundTag::weight).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void weighsSystemDesignHigherForInfraThanForAGeneralistModeler() {
        double infra = round(tags("inference-platform"), Round.ML_SYSTEM_DESIGN).weight();
        double modeling = round(tags("product-data-scientist"), Round.ML_SYSTEM_DESIGN).weight();
        assertThat(infra).isGreaterThan(modeling);
    }

    @Test
    void givesIdenticalTagsToIdenticalTextPostedAgainForAnotherCity() {
        RawPosting original = Fixtures.posting("search-ranking");
        RawPosting copy = original.toBuilder().id("other:id").location("Berlin").company("Another Co").build();
        assertThat(CLASSIFIER.classify(copy)).isEqualTo(CLASSIFIER.classify(original));
        assertThat(CLASSIFIER.classify(original)).isEqualTo(CLASSIFIER.classify(original));
    }

    @Test
    void classifiesTheSameFromManyThreadsAtOnce() throws Exception {
        List<RawPosting> postings = Fixtures.all();
        List<Tags> expected = postings.stream().map(CLASSIFIER::classify).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Tags>>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    List<Tags> out = new ArrayList<>();
                    for (int k = 0; k < 50; k++) {
                        out = postings.stream().map(CLASSIFIER::classify).toList();
                    }
                    return out;
                }));
            }
            for (Future<List<Tags>> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void judgesAPostingWithOnlyATitleByItsTitle() {
        Tags t = CLASSIFIER.classify(RawPosting.of("x", "Machine Learning Engineer", "Apply now."));
        assertThat(t.mlRole()).isTrue();
        assertThat(t.level()).isEqualTo(Level.UNKNOWN);
        assertThat(t.evidence().level()).isEmpty();
    }

    @Test
    void readsYearsOfExperienceButNotOtherSpansOfYears() {
        String filler = "- Work closely with a small group of colleagues and share what you learn with them.\n".repeat(3);
        RawPosting vague = RawPosting.of("v", "Machine Learning Engineer", "What you'll do\n- Train models in PyTorch\n"
                + "- Ship ideas today, not ones that take 5 years to realize; we were founded 10 years ago\n" + filler);
        assertThat(CLASSIFIER.classify(vague).level()).isEqualTo(Level.UNKNOWN);
        RawPosting asked = RawPosting.of("a", "Machine Learning Engineer", "What you'll do\n- Train models in PyTorch\n"
                + "Requirements\n- 5+ years of experience building ML systems\n- 2 years with Kubernetes\n" + filler);
        Tags t = CLASSIFIER.classify(asked);
        assertThat(t.level()).isEqualTo(Level.SENIOR);
        assertThat(t.evidence().level()).singleElement().satisfies(e -> assertThat(e.text()).isEqualTo("5+ years"));
    }

    static RoundTag round(Tags t, Round round) {
        return t.rounds().stream().filter(r -> r.round() == round).findFirst().orElseThrow();
    }

    static List<Evidence> allEvidence(Tags t) {
        List<Evidence> all = new ArrayList<>();
        all.addAll(t.evidence().mlRole());
        all.addAll(t.evidence().responsibility());
        all.addAll(t.evidence().specialization());
        all.addAll(t.evidence().level());
        all.addAll(t.evidence().manager());
        t.domains().forEach(d -> all.addAll(d.evidence()));
        t.rounds().forEach(r -> all.addAll(r.evidence()));
        return all;
    }
}
