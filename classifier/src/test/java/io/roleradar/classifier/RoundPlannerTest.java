package io.roleradar.classifier;

import io.roleradar.model.InterviewProcess;
import io.roleradar.model.RawPosting;
import io.roleradar.model.Round;
import io.roleradar.model.RoundTag;
import io.roleradar.model.Tags;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What states a round (TAXONOMY.md section 7): the posting's hiring process, and nothing else. */
class RoundPlannerTest {
    private static final Classifier CLASSIFIER = Classifier.withDefaultTaxonomy();
    private static final String STATED = "The posting's hiring process lists";

    @Test
    void skillsAndDutiesThatNameRoundsStateNoRound() {
        Tags t = CLASSIFIER.classify(posting("Senior Machine Learning Engineer, Ranking", Fixtures.read("/process/skills-and-duties.txt")));
        assertThat(t.mlRole()).isTrue();
        assertThat(t.interviewProcess()).isNull();
        for (RoundTag round : t.rounds()) {
            assertThat(round.reasons()).as(round.round().name()).noneMatch(r -> r.startsWith(STATED));
            assertThat(round.reasons()).noneMatch(r -> r.contains("does not list"));
            assertThat(round.weight()).isLessThan(1.0);
        }
    }

    @Test
    void theRoundsAProcessListsAreStatedWithTheirStepsAndTheOthersWeighLess() {
        String description = Fixtures.read("/process/hiring-process.txt")
                .replace("5. ML fundamentals screen\n", "").replace("4. ML system design interview\n", "");
        Tags t = CLASSIFIER.classify(posting("Machine Learning Engineer", description));
        Tags unstated = CLASSIFIER.classify(posting("Machine Learning Engineer",
                description.substring(0, description.indexOf("Our hiring process"))));
        RoundTag coding = ClassifierTest.round(t, Round.ML_CODING);
        assertThat(coding.weight()).isEqualTo(1.0);
        assertThat(coding.reasons().get(0)).isEqualTo(STATED + ": \"Live coding interview (60 min)\"");
        assertThat(coding.evidence().get(0).text()).isEqualTo("Live coding interview (60 min)");
        assertThat(ClassifierTest.round(t, Round.ML_CASE_STUDY).weight()).isEqualTo(1.0);
        RoundTag design = ClassifierTest.round(t, Round.ML_SYSTEM_DESIGN);
        assertThat(design.reasons()).anyMatch(r -> r.contains("does not list this round"));
        assertThat(design.weight()).isLessThan(ClassifierTest.round(unstated, Round.ML_SYSTEM_DESIGN).weight());
        assertThat(unstated.interviewProcess()).isNull();
    }

    @Test
    void aPostingThatIsNoMlRoleRecordsItsProcessButGetsNoRounds() {
        RawPosting solutions = Fixtures.posting("solutions-engineer");
        Tags t = CLASSIFIER.classify(posting(solutions.title(),
                solutions.description() + "\n\nInterview process\n- Recruiter call\n- Live coding interview\n- Team fit\n"));
        assertThat(t.mlRole()).isFalse();
        assertThat(t.rounds()).isEmpty();
        assertThat(t.interviewProcess()).isNotNull();
        assertThat(t.interviewProcess().steps()).extracting(InterviewProcess.Step::text)
                .containsExactly("Recruiter call", "Live coding interview", "Team fit");
    }

    private static RawPosting posting(String title, String description) {
        return RawPosting.builder().id("test:" + title.hashCode()).source("test").company("Example Co").title(title)
                .description(description).build();
    }
}
