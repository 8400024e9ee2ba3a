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
 * ../shared/data): asserts the quality targets of issue 4 and prints the whole report.
 */
class DevSetQualityTest {

    @Test
    void meetsTheQualityTargetsOnTheLabelledDevSet() throws Exception {
        Path ashby = SharedData.resolve("ashby-boards");
        Path glassdoor = SharedData.resolve("csv/glassdoor_jobs.csv");
        List<Path> labelFiles = labelFiles();
        Assumptions.assumeFalse(labelFiles.isEmpty(),
                "skipped: no labels yet (devset/labels.csv or devset/labels-part*.csv)");

        Map<String, RawPosting> postings = new HashMap<>(DevSetPostings.ashby(ashby));
        postings.putAll(DevSetPostings.glassdoor(glassdoor));
        List<Label> labels = Labels.read(labelFiles);

        EvaluationReport report = new Evaluator(Classifier.withDefaultTaxonomy()).evaluate(labels, postings);
        System.out.println("Dev set: " + labelFiles);
        System.out.println(report.render());

        assertThat(report.missing()).as("labelled postings absent from the shared data").isEmpty();
        assertThat(report.mlRole().f1()).as("mlRole F1").isGreaterThanOrEqualTo(0.93);
        assertThat(report.responsibility().value()).as("responsibility accuracy").isGreaterThanOrEqualTo(0.85);
        assertThat(report.specialization().value()).as("specialization accuracy").isGreaterThanOrEqualTo(0.80);
        assertThat(report.domains().micro().f1()).as("domains micro-F1").isGreaterThanOrEqualTo(0.80);
        assertThat(report.level().value()).as("level accuracy").isGreaterThanOrEqualTo(0.80);
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
