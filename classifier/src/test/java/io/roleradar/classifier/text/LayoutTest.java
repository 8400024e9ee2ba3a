package io.roleradar.classifier.text;

import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.taxonomy.SectionKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LayoutTest {
    private static final Classifier CLASSIFIER = Classifier.withDefaultTaxonomy();

    @Test
    void assignsEachLineTheKindOfTheHeadingAboveIt() {
        String text = """
                We build things.
                What you'll do:
                - Train models
                Requirements
                - Python
                Nice to have
                - Rust
                About us
                We were founded in 2019.
                Benefits
                - Dental
                """;
        Layout layout = CLASSIFIER.layout(text);
        assertThat(layout.kindAt(text.indexOf("We build"))).isEqualTo(SectionKind.INTRO);
        assertThat(layout.kindAt(text.indexOf("Train models"))).isEqualTo(SectionKind.DUTIES);
        assertThat(layout.kindAt(text.indexOf("Python"))).isEqualTo(SectionKind.REQUIREMENTS);
        assertThat(layout.kindAt(text.indexOf("Rust"))).isEqualTo(SectionKind.NICE_TO_HAVE);
        assertThat(layout.kindAt(text.indexOf("founded"))).isEqualTo(SectionKind.BOILERPLATE);
        assertThat(layout.kindAt(text.indexOf("Dental"))).isEqualTo(SectionKind.BOILERPLATE);
    }

    @Test
    void aListItemOrASentenceIsNeverAHeading() {
        String text = "Responsibilities\n- Benefits analysis of models\nWe offer you the chance to learn.\n- More duties\n";
        Layout layout = CLASSIFIER.layout(text);
        assertThat(layout.kindAt(text.indexOf("More duties"))).isEqualTo(SectionKind.DUTIES);
    }

    @Test
    void anUnknownSubHeadingInsideBoilerplateStaysBoilerplate() {
        String text = "Benefits\nHealth insurance:\n- full cover\nWHAT YOU'LL DO\n- ship models\n";
        Layout layout = CLASSIFIER.layout(text);
        assertThat(layout.kindAt(text.indexOf("full cover"))).isEqualTo(SectionKind.BOILERPLATE);
        assertThat(layout.kindAt(text.indexOf("ship models"))).isEqualTo(SectionKind.DUTIES);
    }

    @Test
    void aMarkedLineBecomesBoilerplateAndARequirementLineCountsAsRequirement() {
        String text = "Intro line\nWe are an equal opportunity employer.\nExperience with NLP is required.\n";
        Layout layout = CLASSIFIER.layout(text);
        layout.markBoilerplate(text.indexOf("equal"));
        layout.markRequirement(text.indexOf("NLP"));
        assertThat(layout.kindAt(text.indexOf("equal"))).isEqualTo(SectionKind.BOILERPLATE);
        assertThat(layout.kindAt(text.indexOf("Intro"))).isEqualTo(SectionKind.INTRO);
        assertThat(layout.isRequirement(text.indexOf("NLP"))).isTrue();
        assertThat(layout.isRequirement(text.indexOf("Intro"))).isFalse();
    }
}
