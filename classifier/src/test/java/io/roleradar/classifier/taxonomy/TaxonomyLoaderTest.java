package io.roleradar.classifier.taxonomy;

import io.roleradar.classifier.Classifier;
import io.roleradar.model.RawPosting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaxonomyLoaderTest {

    @Test
    void loadsTheShippedTaxonomyWithItsVersion() {
        Taxonomy t = TaxonomyLoader.loadDefault();
        assertThat(t.version()).isNotBlank();
        assertThat(t.rules()).extracting(Rule::signal).contains(Signal.values());
        assertThat(t.rounds().byRound()).hasSize(4);
    }

    @Test
    void reportsEveryProblemOfABrokenFileWithItsPathAndTheFix() throws URISyntaxException {
        Path broken = Path.of(getClass().getResource("/taxonomy/broken.json").toURI());
        assertThatThrownBy(() -> TaxonomyLoader.load(broken))
                .isInstanceOf(TaxonomyException.class)
                .satisfies(e -> assertThat(((TaxonomyException) e).problems()).anySatisfy(p -> assertThat(p)
                                .contains("$.version").contains("letters, digits"))
                        .anySatisfy(p -> assertThat(p).contains("$.sections.weights has no BOILERPLATE"))
                        .anySatisfy(p -> assertThat(p).contains("(a)").contains("used twice"))
                        .anySatisfy(p -> assertThat(p).contains("signal is 'MAGIC'").contains("use one of"))
                        .anySatisfy(p -> assertThat(p).contains("weight is 99").contains("[-50, 50]"))
                        .anySatisfy(p -> assertThat(p).contains("'bad (paren)'").contains("cannot fold"))
                        .anySatisfy(p -> assertThat(p).contains("(d).domain is required"))
                        .anySatisfy(p -> assertThat(p).contains("yearsPattern needs a capturing group"))
                        .anySatisfy(p -> assertThat(p).contains("$.rounds.byRound.ML_CODING is missing")));
    }

    @Test
    void saysWhatToDoWhenTheFileIsMissingOrNotJson(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> TaxonomyLoader.load(dir.resolve("nope.json")))
                .hasMessageContaining("does not exist");
        Path notJson = Files.writeString(dir.resolve("t.json"), "{ \"version\": ");
        assertThatThrownBy(() -> TaxonomyLoader.load(notJson)).hasMessageContaining("not valid JSON at line 1");
    }

    @Test
    void aReplacementTaxonomyChangesTheTagsAndItsVersionIsReported(@TempDir Path dir) throws Exception {
        String shipped = new String(TaxonomyLoader.class.getResourceAsStream(TaxonomyLoader.RESOURCE).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        // A user's taxonomy that also counts "quant wizard" titles as ML roles, deciding by its hand-set
        // thresholds (no learned model: weights learned without the phrase could not count it).
        String custom = withoutModel(shipped).replaceFirst("\"version\": \"[^\"]+\"", "\"version\": \"custom-1\"")
                .replace("\"machine learning\", \"ml\", \"ml engineer\",", "\"machine learning\", \"ml\", \"ml engineer\", \"quant wizard\",");
        Path file = Files.writeString(dir.resolve("custom.json"), custom);
        RawPosting posting = RawPosting.of("x", "Quant Wizard",
                "What you'll do\n- Train models with PyTorch\n"
                        + "- Work closely with a small group of colleagues, share what you learn and help shape how we work.\n".repeat(4));
        assertThat(Classifier.withDefaultTaxonomy().classify(posting).mlRole()).isFalse();
        Classifier customized = new Classifier(TaxonomyLoader.load(file));
        assertThat(customized.classify(posting).mlRole()).isTrue();
        assertThat(customized.classify(posting).taxonomyVersion()).isEqualTo("custom-1");
    }

    static String withoutModel(String taxonomyJson) {
        int at = taxonomyJson.indexOf(",\n  \"model\": {");
        return at < 0 ? taxonomyJson : taxonomyJson.substring(0, at) + "\n}\n";
    }
}
