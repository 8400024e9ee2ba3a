package io.roleradar.classifier.learn;

import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.taxonomy.TaxonomyException;
import io.roleradar.classifier.taxonomy.TaxonomyLoader;
import io.roleradar.model.Domain;
import io.roleradar.model.Evidence;
import io.roleradar.model.RawPosting;
import io.roleradar.model.SourceField;
import io.roleradar.model.Tags;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LearnedModelTest {
    private static final String FILLER =
            "- Work closely with a small group of colleagues, share what you learn and help shape how we work.\n";

    @Test
    void theShippedTaxonomyDecidesByItsLearnedModelAndNamesItsNewVersion() {
        Classifier shipped = Classifier.withDefaultTaxonomy();
        assertThat(shipped.taxonomy().model()).isNotNull();
        assertThat(shipped.taxonomy().model().decisions()).containsKeys("mlRole", "infra", "specialist", "domain.NLP_LLM");
        assertThat(shipped.taxonomyVersion()).isEqualTo("2026.12-3");
    }

    @Test
    void aPhraseWeighsWhereTheModelSaysItDoes() throws IOException {
        // Only "train models" among the duties makes an ML role; the same words as a nice-to-have do not.
        Classifier c = classifier(Map.of("ml.duties.build@DUTIES", 10.0), -5);
        RawPosting duties = RawPosting.of("a", "Engineer", "What you'll do\n- Train models for our products\n" + FILLER.repeat(4));
        RawPosting niceToHave = RawPosting.of("b", "Engineer", "What you'll do\n" + FILLER.repeat(4)
                + "Nice to have\n- Train models for our products\n");
        assertThat(c.classify(duties).mlRole()).isTrue();
        assertThat(c.classify(niceToHave).mlRole()).isFalse();
    }

    @Test
    void oneLearnedPhraseOfARuleCountsWithoutTheRulesOtherPhrases() throws IOException {
        Classifier c = classifier(Map.of("ml.duties.build:train models@DUTIES", 10.0), -5);
        assertThat(c.classify(RawPosting.of("a", "Engineer", "What you'll do\n- Train models for search\n" + FILLER.repeat(4)))
                .mlRole()).isTrue();
        assertThat(c.classify(RawPosting.of("b", "Engineer", "What you'll do\n- Model training for search\n" + FILLER.repeat(4)))
                .mlRole()).isFalse();
    }

    @Test
    void aTitleWordCanCarryTheDecisionAndIsItsEvidence() throws IOException {
        Classifier c = classifier(Map.of("title:quant", 8.0), -5);
        Tags tags = c.classify(RawPosting.of("q", "Quant Wizard", "What you'll do\n" + FILLER.repeat(4)));
        assertThat(tags.mlRole()).isTrue();
        Evidence e = tags.evidence().mlRole().get(0);
        assertThat(e.field()).isEqualTo(SourceField.TITLE);
        assertThat("Quant Wizard".substring(e.start(), e.end())).isEqualTo("Quant");
    }

    @Test
    void theEvidenceOfALearnedTagIsTheSpanOfTheFeaturesThatPushedHardest() throws IOException {
        Classifier c = classifier(Map.of("ml.duties.build@DUTIES", 4.0, "ml.duties.tools@DUTIES", 9.0), -5);
        String text = "What you'll do\n- Train models for our products\n- Ship them with PyTorch\n" + FILLER.repeat(4);
        Tags tags = c.classify(RawPosting.of("a", "Engineer", text));
        assertThat(tags.evidence().mlRole()).extracting(Evidence::text).containsExactly("PyTorch", "Train models");
        for (Evidence e : tags.evidence().mlRole()) {
            assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
        }
    }

    @Test
    void aDomainIsTaggedWhenItsLearnedProbabilityReachesItsThreshold() throws IOException {
        Classifier c = classifier(Map.of("ml.title.core@TITLE", 10.0, "domain.speech@DUTIES", 0.0), -5,
                Map.of("domain.SPEECH_AUDIO", "{\"bias\": -1, \"threshold\": 0.5, \"weights\": {\"domain.speech@DUTIES\": 5}}"));
        Tags speech = c.classify(RawPosting.of("s", "Machine Learning Engineer",
                "What you'll do\n- Build speech recognition models\n" + FILLER.repeat(4)));
        assertThat(speech.domains()).extracting(d -> d.domain()).containsExactly(Domain.SPEECH_AUDIO);
        assertThat(speech.domains().get(0).evidence()).extracting(Evidence::text).contains("speech recognition");
    }

    @Test
    void identicalTextGetsIdenticalTagsFromTheShippedModel() {
        Classifier shipped = Classifier.withDefaultTaxonomy();
        String text = "What you'll do\n- Train and evaluate ranking models for search\n- Deploy them with PyTorch\n"
                + FILLER.repeat(3);
        Tags a = shipped.classify(RawPosting.of("1", "Machine Learning Engineer, Search", text));
        Tags b = shipped.classify(RawPosting.of("2", "Machine Learning Engineer, Search", text));
        assertThat(a).isEqualTo(b);
    }

    @Test
    void aModelNamingAnUnknownFeatureOrLackingADecisionIsRefusedWithTheFix() throws IOException {
        assertThatThrownBy(() -> TaxonomyLoader.parse(taxonomy(Map.of("no.such.rule@DUTIES", 1.0), -1, Map.of()), "test"))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("unknown feature 'no.such.rule@DUTIES'");
        String missing = taxonomy(Map.of(), -1, Map.of()).replace("\"domain.ADS\":", "\"domain.NOPE\":");
        assertThatThrownBy(() -> TaxonomyLoader.parse(missing, "test"))
                .hasMessageContaining("$.model.decisions.domain.ADS is missing");
    }

    // --- a taxonomy with the shipped rules and a small hand-written model ---

    private static Classifier classifier(Map<String, Double> mlWeights, double mlBias) throws IOException {
        return classifier(mlWeights, mlBias, Map.of());
    }

    private static Classifier classifier(Map<String, Double> mlWeights, double mlBias, Map<String, String> others)
            throws IOException {
        return new Classifier(TaxonomyLoader.parse(taxonomy(mlWeights, mlBias, others), "test"));
    }

    /** The shipped rules with a model: mlRole by the weights given, every other decision "no" unless given. */
    static String taxonomy(Map<String, Double> mlWeights, double mlBias, Map<String, String> others) throws IOException {
        String shipped = new String(TaxonomyLoader.class.getResourceAsStream(TaxonomyLoader.RESOURCE).readAllBytes(),
                StandardCharsets.UTF_8);
        int at = shipped.indexOf(",\n  \"model\": {");
        String rules = shipped.substring(0, at);
        String ml = mlWeights.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(", "));
        String decisions = Stream.concat(Stream.of("infra", "specialist"),
                        Stream.of(Domain.values()).map(d -> "domain." + d.name()))
                .map(name -> "\"" + name + "\": " + others.getOrDefault(name, "{\"bias\": -9, \"threshold\": 0.5, \"weights\": {}}"))
                .collect(Collectors.joining(",\n"));
        return rules + ",\n  \"model\": {\"trainedOn\": \"test\", \"decisions\": {\n"
                + "\"mlRole\": {\"bias\": " + mlBias + ", \"threshold\": 0.5, \"weights\": {" + ml + "}},\n"
                + decisions + "}}\n}\n";
    }
}
