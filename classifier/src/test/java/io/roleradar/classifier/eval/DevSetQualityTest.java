package io.roleradar.classifier.eval;

import io.roleradar.classifier.Classifier;
import io.roleradar.model.RawPosting;
import io.roleradar.testkit.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifier against the hand-labelled dev set (devset/labels*.csv, real postings of
 * ../shared/data), split by devset/split.csv: prints the report (figures of both parts with their
 * intervals, the baseline, the hiring process by devset/process-labels.csv, by source, and the
 * errors of the tune part only) and guards the tune
 * part against regressions. The locked part's figures are printed, never asserted: it is the test
 * set the READMEs quote, and a floor on it would invite tuning to it.
 */
class DevSetQualityTest {

    @Test
    void theTunePartKeepsItsFloorsAndTheReportWithholdsTheLockedPostings() throws Exception {
        Path ashby = SharedData.resolve("ashby-boards");
        Path glassdoor = SharedData.resolve("csv/glassdoor_jobs.csv");
        List<Path> labelFiles = labelFiles();
        Assumptions.assumeFalse(labelFiles.isEmpty(),
                "skipped: no labels yet (devset/labels.csv or devset/labels-part*.csv)");

        Map<String, RawPosting> postings = postings(ashby, glassdoor);
        List<Label> labels = Labels.read(labelFiles);
        Split split = split();

        Path processFile = projectRoot().resolve("devset").resolve("process-labels.csv");
        List<ProcessLabel> process = Files.isRegularFile(processFile) ? ProcessLabels.read(List.of(processFile)) : List.of();

        MeasurementReport report = Measurement.of(Classifier.withDefaultTaxonomy())
                .measure(labels, process, postings, split, "devset/split.csv");
        System.out.println("Dev set: " + labelFiles);
        System.out.println(report.render());

        assertThat(report.tagMissing()).as("labelled postings absent from the shared data").isEmpty();
        MeasurementReport.Part tune = report.part(split.isNone() ? Split.ALL : Split.TUNE);
        // Floors about 0.05-0.09 under the tune part's figures with labels-part1..4 at taxonomy
        // 2026.11-2: a regression guard, not the goal (issue 13's goals are judged on the locked part).
        assertThat(tune.figure(Figure.ML_F1).value()).as("mlRole F1").isGreaterThanOrEqualTo(0.85);
        assertThat(tune.figure(Figure.RESPONSIBILITY).value()).as("responsibility").isGreaterThanOrEqualTo(0.80);
        assertThat(tune.figure(Figure.SPECIALIZATION).value()).as("specialization").isGreaterThanOrEqualTo(0.72);
        assertThat(tune.figure(Figure.DOMAINS_F1).value()).as("domains micro-F1").isGreaterThanOrEqualTo(0.65);
        assertThat(tune.figure(Figure.LEVEL).value()).as("level").isGreaterThanOrEqualTo(0.85);
        String text = report.render();
        for (String id : lockedIds(labels, postings, split)) {
            assertThat(text).as("the locked posting " + id + " is never listed").doesNotContain(id);
        }
    }

    /** The dev set's postings: both Ashby board folders and the Glassdoor CSV, by the ids the labels use. */
    static Map<String, RawPosting> postings(Path ashby, Path glassdoor) throws Exception {
        Map<String, RawPosting> postings = new HashMap<>(DevSetPostings.ashby(ashby));
        Path more = ashby.resolveSibling("ashby-boards-more");
        if (Files.isDirectory(more)) {
            postings.putAll(DevSetPostings.ashby(more));
        }
        postings.putAll(DevSetPostings.glassdoor(glassdoor));
        return postings;
    }

    /** devset/split.csv, or no split when it is absent. */
    static Split split() throws Exception {
        Path file = projectRoot().resolve("devset").resolve("split.csv");
        return Files.isRegularFile(file) ? Split.read(file) : Split.none();
    }

    /** The labels of the tune part only, for tools that print postings one by one. */
    static List<Label> tuneLabels(List<Label> labels, Map<String, RawPosting> postings, Split split) {
        return labels.stream().filter(l -> postings.containsKey(l.id())).filter(l -> {
            String part = split.partOf(Measurement.sourceOf(postings.get(l.id())));
            return part.equals(Split.TUNE) || part.equals(Split.ALL);
        }).toList();
    }

    private static List<String> lockedIds(List<Label> labels, Map<String, RawPosting> postings, Split split) {
        return labels.stream().filter(l -> postings.containsKey(l.id()))
                .filter(l -> split.partOf(Measurement.sourceOf(postings.get(l.id()))).equals(Split.LOCKED))
                .map(Label::id).limit(50).toList();
    }

    /** The merged labels file when it exists, else the parts the labellers commit as they go. */
    static List<Path> labelFiles() throws Exception {
        Path devset = projectRoot().resolve("devset");
        Path merged = devset.resolve("labels.csv");
        if (Files.isRegularFile(merged)) {
            return List.of(merged);
        }
        if (!Files.isDirectory(devset)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(devset)) {
            return files.filter(p -> p.getFileName().toString().matches("labels-part\\d+\\.csv")).sorted().toList();
        }
    }

    private static Path projectRoot() {
        String configured = System.getProperty("roleradar.project.root");
        return configured != null ? Path.of(configured) : Path.of("..").toAbsolutePath().normalize();
    }
}
