package io.roleradar.classifier.process;

import io.roleradar.classifier.taxonomy.TaxonomyLoader;
import io.roleradar.model.Evidence;
import io.roleradar.model.InterviewProcess;
import io.roleradar.model.Round;
import io.roleradar.model.SourceField;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ProcessFinderTest {
    private static final ProcessFinder FINDER = new ProcessFinder(TaxonomyLoader.loadDefault().rounds().process());

    @Test
    void skillsDutiesAndRequirementsThatNameRoundsStateNothing() {
        // "system design", "ML fundamentals", "coding interviews", "case studies": a skill, a duty or
        // a requirement, never the candidate's interview.
        assertThat(FINDER.find(fixture("skills-and-duties"))).isNull();
    }

    @Test
    void processBoilerplateStatesNothing() {
        // Accommodations, an AI-use notice, a fraud warning, "a fair hiring process" and compensation
        // all speak of the interview process and name take-homes or coding tests, but list no step.
        assertThat(FINDER.find(fixture("boilerplate"))).isNull();
    }

    @Test
    void theStepsOfAProcessSectionMapToTheirRoundsInOrder() {
        InterviewProcess process = FINDER.find(fixture("hiring-process"));
        assertThat(process).isNotNull();
        assertThat(process.steps()).extracting(InterviewProcess.Step::text, InterviewProcess.Step::round).containsExactly(
                tuple("TA call with our recruiter (30 min)", null),
                tuple("Live coding interview (60 min)", Round.ML_CODING),
                tuple("Technical deep dive into a past project", Round.ML_CASE_STUDY),
                tuple("ML system design interview", Round.ML_SYSTEM_DESIGN),
                tuple("ML fundamentals screen", Round.ML_FUNDAMENTALS),
                tuple("Team fit", null),
                tuple("Offer!", null));
        assertThat(process.statedRounds()).containsExactly(Round.ML_CODING, Round.ML_CASE_STUDY,
                Round.ML_SYSTEM_DESIGN, Round.ML_FUNDAMENTALS);
    }

    @Test
    void everyStepsEvidencePointsAtItsTextInTheDescription() {
        for (String name : new String[] {"hiring-process", "numbered-steps", "process-sentence"}) {
            String description = fixture(name);
            InterviewProcess process = FINDER.find(description);
            assertThat(process).as(name).isNotNull();
            for (InterviewProcess.Step step : process.steps()) {
                Evidence e = step.evidence();
                assertThat(e.field()).isEqualTo(SourceField.DESCRIPTION);
                assertThat(description.substring(e.start(), e.end())).as(name).isEqualTo(step.text()).isEqualTo(e.text());
                assertThat(e.rule()).startsWith("process.");
            }
        }
    }

    @Test
    void numberedStepHeadingsAreStepsAndTheirExplanationsAreNot() {
        InterviewProcess process = FINDER.find(fixture("numbered-steps"));
        assertThat(process.steps()).extracting(InterviewProcess.Step::text, InterviewProcess.Step::round).containsExactly(
                tuple("STEP 1: INTRO CALL WITH OUR HEAD OF ENGINEERING", null),
                tuple("STEP 2: TAKE HOME CHALLENGE", Round.ML_CODING),
                tuple("STEP 3: PAPER DISCUSSION", Round.ML_CASE_STUDY),
                tuple("STEP 4: OFFER", null));
    }

    @Test
    void aSentenceAboutTheCandidatesProcessStatesItsRoundsWhereverItStands() {
        InterviewProcess process = FINDER.find(fixture("process-sentence"));
        assertThat(process.steps()).extracting(InterviewProcess.Step::text, InterviewProcess.Step::round).containsExactly(
                tuple("take-home exercise", null), // a take-home that does not say what it asks for
                tuple("present your research", Round.ML_CASE_STUDY));
    }

    @Test
    void aVagueHeadingCountsOnlyWhenItsItemsNameSteps() {
        InterviewProcess process = FINDER.find(fixture("vague-headings"));
        // "What to expect:" over duties is no process; "Next steps" over interview steps is.
        assertThat(process.steps()).extracting(InterviewProcess.Step::text)
                .containsExactly("Recruiter screen", "Coding challenge", "Onsite interviews with the team");
        assertThat(process.statedRounds()).containsExactly(Round.ML_CODING);
    }

    @Test
    void aHeadingWithItsStepsOnOneLineStatesThem() {
        InterviewProcess process = FINDER.find(
                "About the role\nTrain models.\n\nHiring process: TA call / live coding interview / technical deep dive / team fit\n");
        assertThat(process.steps()).extracting(InterviewProcess.Step::text).containsExactly(
                "TA call", "live coding interview", "technical deep dive", "team fit");
        assertThat(process.statedRounds()).containsExactly(Round.ML_CODING, Round.ML_CASE_STUDY);
    }

    @Test
    void aTakeHomeStatesTheCodingRoundOnlyWhenItSaysItIsProgramming() {
        // The labellers map an unspecified take-home or "technical assignment" to no round (TAXONOMY.md
        // section 7 asks for a coding challenge or a model to build).
        InterviewProcess process = FINDER.find(fixture("take-homes"));
        assertThat(process.steps()).extracting(InterviewProcess.Step::text, InterviewProcess.Step::round).containsExactly(
                tuple("Recruiter call (30 min)", null),
                tuple("Take-home assignment", null),
                tuple("Home technical assignment, followed by a review with the team", null),
                tuple("Take home assignment / programming task", Round.ML_CODING),
                tuple("Culture fit interview", null));
    }

    @Test
    void aStepThatNamesAProgrammingLanguageIsACodingStep() {
        // "Take-home Python challenge" says the take-home is coding (TAXONOMY.md section 7); a language
        // in a step that is no take-home, test or technical interview, or in the requirements, states nothing.
        InterviewProcess process = FINDER.find(fixture("named-languages"));
        assertThat(process.steps()).extracting(InterviewProcess.Step::text, InterviewProcess.Step::round).containsExactly(
                tuple("Initial call with our Talent team - 30 minutes", null),
                tuple("Take-home Python challenge followed by a skills interview - 1 hour", Round.ML_CODING),
                tuple("Practical exercise (Prompt + Python) - design a small eval harness", Round.ML_CODING),
                tuple("Technical interview: algorithms and data structures", Round.ML_CODING),
                tuple("Hiring manager interview - we talk about your Java background", null),
                tuple("Values interview - 1 hour", null));
        assertThat(process.steps().get(1).evidence().rule()).isEqualTo("process.language");
        assertThat(FINDER.find("As part of our interview process, we use Python every day.\n")).isNull();
    }

    @Test
    void aLineThatLeadsIntoAListOfInterviewsHeadsAProcessSection() {
        // "... the main process, which consists of three interviews:" names no hiring-process heading,
        // but the list it leads into is the process.
        InterviewProcess process = FINDER.find(fixture("list-lead-in"));
        assertThat(process.steps()).extracting(InterviewProcess.Step::text, InterviewProcess.Step::round).containsExactly(
                tuple("phone interview", null),
                tuple("Experience, theory, and system design.", Round.ML_SYSTEM_DESIGN),
                tuple("Live coding.", Round.ML_CODING),
                tuple("Product thinking and past work.", Round.ML_CASE_STUDY));
        // The same list after a lead-in about something else is no process.
        assertThat(FINDER.find("We offer three perks:\n\n- Live coding.\n- System design.\n")).isNull();
    }

    @Test
    void aNumberedStepsExplanationSaysWhatTheStepIs() {
        // "STEP 2: TAKE HOME CHALLENGE" alone states nothing; its explanation asks to train a model.
        InterviewProcess process = FINDER.find(fixture("numbered-steps"));
        assertThat(process.statedRounds()).containsExactly(Round.ML_CODING, Round.ML_CASE_STUDY);
        assertThat(process.steps().get(1).evidence().text()).isEqualTo("STEP 2: TAKE HOME CHALLENGE");
    }

    @Test
    void aDeepDiveInAProcessWithoutATechnicalStepIsNoCaseStudy() {
        InterviewProcess process = FINDER.find(fixture("deep-dives"));
        assertThat(process).isNotNull();
        assertThat(process.steps()).extracting(InterviewProcess.Step::text)
                .contains("Hiring Manager Deep Dive - 45 minutes");
        assertThat(process.statedRounds()).isEmpty();
    }

    @Test
    void aDeepDiveInAProcessWithATechnicalInterviewIsACaseStudy() {
        InterviewProcess process = FINDER.find(fixture("technical-deep-dive"));
        assertThat(process.steps()).extracting(InterviewProcess.Step::text, InterviewProcess.Step::round).containsExactly(
                tuple("Recruiter screen", null),
                tuple("Technical interview with an engineer", null),
                tuple("DeepDive interview", Round.ML_CASE_STUDY),
                tuple("Behavioral interview", null));
    }

    @Test
    void aSentenceThatPutsAnAssessmentInTheProcessDescribesItWithoutARound() {
        InterviewProcess process = FINDER.find(fixture("assessment-sentence"));
        assertThat(process).isNotNull();
        assertThat(process.steps()).extracting(InterviewProcess.Step::text).containsExactly("SQL assessment");
        assertThat(process.statedRounds()).isEmpty();
    }

    @Test
    void aSpanishSelectionProcessAndABareProcessHeadingListSteps() {
        InterviewProcess process = FINDER.find(fixture("other-headings"));
        assertThat(process.steps()).extracting(InterviewProcess.Step::text, InterviewProcess.Step::round).containsExactly(
                tuple("Screening", null),
                tuple("Coding Challenge", Round.ML_CODING),
                tuple("System Design Interview", Round.ML_SYSTEM_DESIGN),
                tuple("Final Interview", null),
                tuple("A superb application for this position is required", null),
                tuple("A live coding session with a senior engineer", Round.ML_CODING));
    }

    @Test
    void aPostingWithoutProcessWordsDescribesNoProcess() {
        assertThat(FINDER.find("What you'll do\n- Train ranking models\n\nRequirements\n- Python\n")).isNull();
        assertThat(FINDER.find("")).isNull();
    }

    static String fixture(String name) {
        try (InputStream in = ProcessFinderTest.class.getResourceAsStream("/process/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /process/" + name + ".txt");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
