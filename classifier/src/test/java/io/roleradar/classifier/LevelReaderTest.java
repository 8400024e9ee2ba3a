package io.roleradar.classifier;

import io.roleradar.model.Level;
import io.roleradar.model.RawPosting;
import io.roleradar.model.Tags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The level of every posting, ML role or not, by TAXONOMY.md sections 5 and 7. */
class LevelReaderTest {
    private static final Classifier CLASSIFIER = Classifier.withDefaultTaxonomy();
    private static final String FILLER =
            "- Work closely with a small group of colleagues and share what you learn with them.\n".repeat(3);

    private static Tags tag(String title, String description) {
        return CLASSIFIER.classify(RawPosting.of("t", title, description + FILLER));
    }

    private static final String ML_DUTIES = "What you'll do\n- Train and evaluate machine learning models in PyTorch\n"
            + "- Fine-tune language models and build evaluation suites\n";

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "Member of Technical Staff | UNKNOWN",
            "Member of Technical Staff - Pre-training | UNKNOWN",
            "Member of technical staff (Inference) | UNKNOWN",
            "Research Engineer, Technical Staff | UNKNOWN",
            "Senior Member of Technical Staff | SENIOR",
            "Member of Technical Staff, Principal Engineer | STAFF_PLUS",
            "Staff Machine Learning Engineer | STAFF_PLUS",
            "Senior Staff Machine Learning Engineer | STAFF_PLUS",
            "Machine Learning Engineer, Staff | STAFF_PLUS",
            "Machine Learning Engineer (Senior/Staff) | STAFF_PLUS",
            "Applied Scientist (Staff Level) | STAFF_PLUS"})
    void readsStaffAsALevelOnlyWhereItQualifiesTheRole(String title, Level expected) {
        assertThat(tag(title, ML_DUTIES).level()).isEqualTo(expected);
    }

    @Test
    void readsTheLevelOfAFlatTitleFromTheYearsAsked() {
        Tags t = tag("Member of Technical Staff", ML_DUTIES + "Requirements\n- 3+ years of experience training models\n");
        assertThat(t.level()).isEqualTo(Level.MID);
        assertThat(t.evidence().level()).singleElement().satisfies(e -> assertThat(e.text()).isEqualTo("3+ years"));
    }

    @Test
    void readsTheLevelOfAFlatTitleFromNewGradInTheText() {
        Tags t = tag("Member of Technical Staff", ML_DUTIES + "This role is open to new grad candidates.\n");
        assertThat(t.level()).isEqualTo(Level.JUNIOR);
    }

    @Test
    void aStaffTeamThatEndsAPhraseIsNoLevel() {
        // "Chief of Staff" and "Legal Staff" name people; chief still says how senior the role is.
        assertThat(tag("Paralegal, Legal Staff", "What you'll do\n- Draft contracts\n").level()).isEqualTo(Level.UNKNOWN);
        assertThat(tag("Member of Accounting Staff", "What you'll do\n- Close the books\n").level())
                .isEqualTo(Level.UNKNOWN);
    }

    @Test
    void tagsLevelAndManagerOnPostingsThatAreNotMlRoles() {
        Tags t = tag("Senior Account Executive", "What you'll do\n- Sell our platform to enterprise customers\n"
                + "Requirements\n- 6+ years of B2B sales experience\n");
        assertThat(t.mlRole()).isFalse();
        assertThat(t.level()).isEqualTo(Level.SENIOR);
        assertThat(t.manager()).isFalse();
        assertThat(t.evidence().level()).singleElement().satisfies(e -> assertThat(e.text()).isEqualTo("Senior"));

        Tags unknown = tag("Account Executive", "What you'll do\n- Sell our platform to enterprise customers\n");
        assertThat(unknown.level()).isEqualTo(Level.UNKNOWN);
        assertThat(unknown.evidence().level()).isEmpty();

        Tags lead = tag("Head of Sales", "What you'll do\n- Build and lead a team of account executives\n");
        assertThat(lead.mlRole()).isFalse();
        assertThat(lead.level()).isEqualTo(Level.STAFF_PLUS);
        assertThat(lead.manager()).isTrue();
        assertThat(lead.evidence().manager()).isNotEmpty();
    }

    @Test
    void yearsOfManagingPeopleDoNotSetAManagersLevel() {
        String duties = "What you'll do\n- Lead the machine learning team that trains our ranking models\n"
                + "- Hire and grow a team of machine learning engineers\n";
        Tags only = tag("Engineering Manager, Machine Learning",
                duties + "Requirements\n- 2+ years of experience managing engineering teams\n");
        assertThat(only.level()).isEqualTo(Level.UNKNOWN);
        assertThat(only.manager()).isTrue();

        Tags craft = tag("Engineering Manager, Machine Learning", duties + "Requirements\n"
                + "- 6+ years of experience building machine learning systems\n"
                + "- 2+ years in a people leadership role\n");
        assertThat(craft.level()).isEqualTo(Level.SENIOR);
        assertThat(craft.evidence().level()).singleElement().satisfies(e -> assertThat(e.text()).isEqualTo("6+ years"));
    }

    @Test
    void yearsOfProductManagementAreTheCraftOfAProductManager() {
        Tags t = tag("Product Manager, AI Platform", "What you'll do\n- Own the roadmap of our platform\n"
                + "Requirements\n- 5+ years of product management experience\n");
        assertThat(t.level()).isEqualTo(Level.SENIOR);
    }
}
