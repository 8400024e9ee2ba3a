package io.roleradar.classifier.text;

import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.taxonomy.SectionKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LayoutTest {
    private static final Classifier CLASSIFIER = Classifier.withDefaultTaxonomy();

    private static SectionKind kindAt(Layout layout, int offset) {
        return layout.kindOfLine(layout.lineOf(offset));
    }

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
        assertThat(kindAt(layout, text.indexOf("We build"))).isEqualTo(SectionKind.INTRO);
        assertThat(kindAt(layout, text.indexOf("Train models"))).isEqualTo(SectionKind.DUTIES);
        assertThat(kindAt(layout, text.indexOf("Python"))).isEqualTo(SectionKind.REQUIREMENTS);
        assertThat(kindAt(layout, text.indexOf("Rust"))).isEqualTo(SectionKind.NICE_TO_HAVE);
        assertThat(kindAt(layout, text.indexOf("founded"))).isEqualTo(SectionKind.BOILERPLATE);
        assertThat(kindAt(layout, text.indexOf("Dental"))).isEqualTo(SectionKind.BOILERPLATE);
    }

    @Test
    void aListItemOrASentenceIsNeverAHeading() {
        String text = "Responsibilities\n- Benefits analysis of models\nWe offer you the chance to learn.\n- More duties\n";
        Layout layout = CLASSIFIER.layout(text);
        assertThat(kindAt(layout, text.indexOf("More duties"))).isEqualTo(SectionKind.DUTIES);
    }

    @Test
    void anUnknownSubHeadingInsideBoilerplateStaysBoilerplate() {
        String text = "Benefits\nHealth insurance:\n- full cover\nWHAT YOU'LL DO\n- ship models\n";
        Layout layout = CLASSIFIER.layout(text);
        assertThat(kindAt(layout, text.indexOf("full cover"))).isEqualTo(SectionKind.BOILERPLATE);
        assertThat(kindAt(layout, text.indexOf("ship models"))).isEqualTo(SectionKind.DUTIES);
    }

    @Test
    void aMarkedLineBecomesBoilerplateAndARequirementLineCountsAsRequirement() {
        String text = "Intro line\nWe are an equal opportunity employer.\nExperience with NLP is required.\n";
        Layout layout = CLASSIFIER.layout(text);
        layout.markBoilerplateLine(layout.lineOf(text.indexOf("equal")));
        layout.markRequirementLine(layout.lineOf(text.indexOf("NLP")));
        assertThat(kindAt(layout, text.indexOf("equal"))).isEqualTo(SectionKind.BOILERPLATE);
        assertThat(kindAt(layout, text.indexOf("Intro"))).isEqualTo(SectionKind.INTRO);
        assertThat(layout.isRequirementLine(layout.lineOf(text.indexOf("NLP")))).isTrue();
        assertThat(layout.isRequirementLine(layout.lineOf(text.indexOf("Intro")))).isFalse();
    }
}
