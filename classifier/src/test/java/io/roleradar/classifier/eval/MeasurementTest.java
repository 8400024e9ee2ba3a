package io.roleradar.classifier.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.Fixtures;
import io.roleradar.model.InterviewProcess;
import io.roleradar.model.RawPosting;
import io.roleradar.model.Round;
import io.roleradar.model.Tags;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MeasurementTest {
    private static final Classifier CLASSIFIER = Classifier.withDefaultTaxonomy();
    private static final String TUNE_SOURCE = "ashby:alpha";
    private static final String LOCKED_SOURCE = "ashby:beta%20gamma";

    /** Six fixture postings: three from a tune source, three from a locked one. */
    private static Map<String, RawPosting> postings() {
        Map<String, RawPosting> out = new LinkedHashMap<>();
        for (String name : List.of("search-ranking", "inference-platform", "solutions-engineer")) {
            RawPosting p = Fixtures.posting(name).toBuilder().source(TUNE_SOURCE).build();
            out.put(p.id(), p);
        }
        for (String name : List.of("vision-intern", "bi-analyst", "ai-tutor")) {
            RawPosting p = Fixtures.posting(name).toBuilder().source(LOCKED_SOURCE).build();
            out.put(p.id(), p);
        }
        return out;
    }

    private static List<Label> labels() throws Exception {
        return Labels.read(LabelsTest.resource("/eval/labels.csv"));
    }

    private static int count(MeasurementReport.Part part, Count c) {
        return part.counts()[c.ordinal()];
    }

    @Test
    void measuresTheTuneAndLockedPartsApartAndCountsLabelsWithoutAPosting() throws Exception {
        Split split = Split.read(LabelsTest.resource("/eval/split.csv"));
        MeasurementReport report = Measurement.of(CLASSIFIER).measure(labels(), List.of(), postings(), split, "split.csv");

        assertThat(report.tagLabels()).isEqualTo(7);
        assertThat(report.tagMissing()).containsExactly("fixture:not-in-postings");
        MeasurementReport.Part tune = report.part(Split.TUNE);
        MeasurementReport.Part locked = report.part(Split.LOCKED);
        assertThat(tune.postings()).isEqualTo(3);
        assertThat(locked.postings()).isEqualTo(3);
        assertThat(report.part(Split.NOT_IN_SPLIT)).isNull();
        // tune: two ML roles found, the solutions engineer rightly not one.
        assertThat(tune.figure(Figure.ML_F1).value()).isEqualTo(1.0);
        assertThat(count(tune, Count.ML_TN)).isEqualTo(1);
        // locked: the vision intern found; the AI tutor deliberately labelled an ML role is a miss.
        assertThat(count(locked, Count.ML_TP)).isEqualTo(1);
        assertThat(count(locked, Count.ML_FN)).isEqualTo(1);
        assertThat(locked.figure(Figure.ML_RECALL).value()).isEqualTo(0.5);
        assertThat(locked.figure(Figure.ML_F1).value()).isCloseTo(2.0 / 3, within(1e-9));
        // Level is scored wherever the label has one, ML role or not; the old-style rows have none.
        assertThat(tune.figure(Figure.LEVEL).n()).isEqualTo(3);
        assertThat(locked.figure(Figure.LEVEL).n()).isEqualTo(2);
        assertThat(tune.figure(Figure.QUADRANT).n()).isEqualTo(2);
        for (Figure f : List.of(Figure.ML_F1, Figure.LEVEL, Figure.DOMAINS_F1)) {
            Bootstrap.Interval i = tune.figure(f);
            assertThat(i.value()).as(f.toString()).isBetween(i.low(), i.high());
        }
        // The baseline is scored on the same postings.
        assertThat(tune.baseline().get(Figure.ML_F1).n()).isEqualTo(3);
        assertThat(report.sources()).extracting(MeasurementReport.Source::source)
                .containsExactly(TUNE_SOURCE, LOCKED_SOURCE);
        assertThat(report.sources()).extracting(MeasurementReport.Source::part).containsExactly(Split.TUNE, Split.LOCKED);
    }

    @Test
    void listsTheErrorsOfTheTunePartOnlyNeverTheLockedPostings() throws Exception {
        Split split = Split.read(LabelsTest.resource("/eval/split.csv"));
        String text = Measurement.of(CLASSIFIER).measure(labels(), List.of(), postings(), split, "split.csv").render();
        assertThat(text).contains("tune", "locked", "title-keyword baseline", "By source", "-ADS");
        assertThat(text).doesNotContain("fixture:ai-tutor", "fixture:vision-intern", "fixture:bi-analyst");

        String all = Measurement.of(CLASSIFIER).measure(labels(), List.of(), postings(), Split.none(), null).render();
        assertThat(all).contains("split: none", "FN fixture:ai-tutor");
    }

    @Test
    void withoutASplitEveryPostingIsInOnePart() throws Exception {
        MeasurementReport report = Measurement.of(CLASSIFIER).measure(labels(), List.of(), postings(), Split.none(), null);
        assertThat(report.parts()).extracting(MeasurementReport.Part::name).containsExactly(Split.ALL);
        assertThat(report.part(Split.ALL).postings()).isEqualTo(6);
    }

    @Test
    void sourcesTheSplitDoesNotListAreAPartOfTheirOwn() throws Exception {
        Split split = Split.read(new java.io.StringReader("source,part\nashby:alpha,tune\n"), "split");
        MeasurementReport report = Measurement.of(CLASSIFIER).measure(labels(), List.of(), postings(), split, "s");
        assertThat(report.part(Split.NOT_IN_SPLIT).postings()).isEqualTo(3);
        assertThat(report.part(Split.LOCKED).postings()).isZero();
    }

    /** The classifier's tags with a made-up hiring process on some postings: the metrics, not the finder, are tested. */
    private static Function<RawPosting, Tags> withProcess(Map<String, List<Round>> processes) {
        return posting -> {
            Tags t = CLASSIFIER.classify(posting);
            List<Round> rounds = processes.get(posting.id());
            InterviewProcess process = rounds == null ? null : new InterviewProcess(rounds.stream()
                    .map(r -> new InterviewProcess.Step(r.name().toLowerCase() + " interview", r, null)).toList());
            return new Tags(t.mlRole(), t.mlConfidence(), t.responsibility(), t.specialization(), t.quadrant(),
                    t.domains(), t.level(), t.manager(), t.rounds(), t.evidence(), process, t.taxonomyVersion());
        };
    }

    @Test
    void scoresDescribesItsProcessAndStatedRoundsAndCountsRoundsStatedWhereNoProcessIs() throws Exception {
        Map<String, List<Round>> processes = Map.of(
                "fixture:search-ranking", List.of(Round.ML_CODING, Round.ML_SYSTEM_DESIGN),
                "fixture:inference-platform", List.of(Round.ML_SYSTEM_DESIGN));
        Measurement measurement = new Measurement(withProcess(processes), "test", new Bootstrap(2026, 500));
        List<ProcessLabel> process = ProcessLabels.read(List.of(LabelsTest.resource("/eval/process-labels.csv")));
        Split split = Split.read(LabelsTest.resource("/eval/split.csv"));

        MeasurementReport report = measurement.measure(List.of(), process, postings(), split, "split.csv");

        assertThat(report.processLabels()).isEqualTo(5);
        assertThat(report.processMissing()).isEqualTo(1);
        MeasurementReport.Part tune = report.part(Split.TUNE);
        // search-ranking describes its process (tp); inference-platform does not but gets one (fp).
        assertThat(tune.figure(Figure.PROCESS_PRECISION).value()).isEqualTo(0.5);
        assertThat(tune.figure(Figure.PROCESS_RECALL).value()).isEqualTo(1.0);
        // Rounds: coding right, system design twice wrong, case study missed.
        assertThat(count(tune, Count.ROUND_TP)).isEqualTo(1);
        assertThat(count(tune, Count.ROUND_FP)).isEqualTo(2);
        assertThat(count(tune, Count.ROUND_FN)).isEqualTo(1);
        assertThat(tune.figure(Figure.ROUNDS_PRECISION).value()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(tune.figure(Figure.ROUNDS_RECALL).value()).isEqualTo(0.5);
        assertThat(tune.noProcess()).isEqualTo(1);
        assertThat(tune.statedOnNoProcess()).isEqualTo(1);
        // locked: the vision intern's take-home is missed; the AI tutor rightly has none.
        MeasurementReport.Part locked = report.part(Split.LOCKED);
        assertThat(locked.figure(Figure.PROCESS_RECALL).value()).isZero();
        assertThat(locked.figure(Figure.PROCESS_PRECISION).defined()).as("nothing predicted: no precision").isFalse();
        assertThat(locked.statedOnNoProcess()).isZero();
        assertThat(report.render()).contains("Hiring process", "stated rounds P", "1 of 1 postings")
                .doesNotContain("By source");
    }

    @Test
    void theJsonHasEveryFigureOfEveryPartWithItsIntervalAndTheBaseline() throws Exception {
        Split split = Split.read(LabelsTest.resource("/eval/split.csv"));
        List<ProcessLabel> process = ProcessLabels.read(List.of(LabelsTest.resource("/eval/process-labels.csv")));
        // No posting gets a hiring process here, so the precision of "describes its process" has nothing to count.
        Measurement measurement = new Measurement(withProcess(Map.of()), "test", new Bootstrap(2026, 1000));
        String json = measurement.measure(labels(), process, postings(), split, "split.csv").toJson();
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.path("bootstrap").path("resamples").asInt()).isEqualTo(1000);
        assertThat(root.path("labels").path("tagsWithoutPosting").asInt()).isEqualTo(1);
        JsonNode tune = root.path("parts").get(0);
        assertThat(tune.path("part").asText()).isEqualTo("tune");
        for (Figure f : Figure.values()) {
            assertThat(tune.path("figures").has(f.key())).as(f.key()).isTrue();
        }
        JsonNode f1 = tune.path("figures").path("mlRole.f1");
        assertThat(f1.path("value").asDouble()).isBetween(f1.path("low").asDouble(), f1.path("high").asDouble());
        assertThat(tune.path("baseline").has("level.accuracy")).isTrue();
        // No predicted process at all: its precision is null, not 0 or 1.
        assertThat(tune.path("figures").path("process.describes.precision").path("value").isNull()).isTrue();
        assertThat(root.path("bySource")).hasSize(2);
        assertThat(tune.path("figuresResamplingSources").path("mlRole.f1").has("low")).isTrue();
    }

    @Test
    void intervalsResamplingCompaniesAreWiderWhenACompanysPostingsAreAlike() {
        // Two companies of 20 postings each: every level right at one, every level wrong at the other.
        // Over postings the accuracy of 0.5 looks known to about +-0.15; over companies it could be 0 or 1.
        TitleBaseline titles = new TitleBaseline();
        Map<String, RawPosting> postings = new LinkedHashMap<>();
        List<Label> labels = new java.util.ArrayList<>();
        for (String company : List.of("right", "wrong")) {
            for (int i = 0; i < 20; i++) {
                RawPosting p = RawPosting.of("ashby:" + company + ":" + i, "Senior Engineer", "x").toBuilder()
                        .source("ashby:" + company).build();
                postings.put(p.id(), p);
                labels.add(new Label(p.id(), company, p.title(), false, null, null, java.util.Set.of(),
                        company.equals("right") ? io.roleradar.model.Level.SENIOR : io.roleradar.model.Level.JUNIOR,
                        null, ""));
            }
        }
        MeasurementReport report = new Measurement(titles::tag, "test", new Bootstrap(2026, 1000))
                .measure(labels, List.of(), postings, Split.none(), null);

        MeasurementReport.Part all = report.part(Split.ALL);
        Bootstrap.Interval overPostings = all.figure(Figure.LEVEL);
        Bootstrap.Interval overCompanies = all.byCompany().get(Figure.LEVEL);
        assertThat(overPostings.value()).isEqualTo(0.5);
        assertThat(overCompanies.value()).isEqualTo(0.5);
        assertThat(overPostings.low()).isGreaterThan(0.25);
        assertThat(overPostings.high()).isLessThan(0.75);
        assertThat(overCompanies.low()).isZero();
        assertThat(overCompanies.high()).isEqualTo(1.0);
        assertThat(report.render()).contains("resampling sources (companies)", "all (2 sources)");
    }

    @Test
    void theBaselineReadsTheTitleAlone() {
        TitleBaseline baseline = new TitleBaseline();
        Tags ml = baseline.tag(RawPosting.of("a", "Senior Machine Learning Engineer, Search Infrastructure", "x"));
        assertThat(ml.mlRole()).isTrue();
        assertThat(ml.responsibility()).hasToString("INFRA");
        assertThat(ml.specialization()).hasToString("SPECIALIST");
        assertThat(ml.level()).hasToString("SENIOR");
        assertThat(ml.domains()).extracting(d -> d.domain().name()).containsExactly("RANKING_RECOMMENDATION");
        Tags not = baseline.tag(RawPosting.of("b", "Head of Sales", "We train machine learning models"));
        assertThat(not.mlRole()).isFalse();
        assertThat(not.manager()).isTrue();
        assertThat(not.level()).hasToString("STAFF_PLUS");
        assertThat(Arrays.asList(ml, not)).allSatisfy(t -> assertThat(t.taxonomyVersion()).isEqualTo("title-baseline"));
    }
}
