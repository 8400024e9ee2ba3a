package io.roleradar.app;

import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.eval.EvaluationReport;
import io.roleradar.classifier.eval.Evaluator;
import io.roleradar.classifier.eval.Label;
import io.roleradar.classifier.eval.Labels;
import io.roleradar.classifier.taxonomy.TaxonomyException;
import io.roleradar.cli.ExitCodes;
import io.roleradar.ingest.PostingSources;
import io.roleradar.ingest.ReadResult;
import io.roleradar.model.RawPosting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code roleradar evaluate}: measures the classifier (or a taxonomy of the user's own) against
 * hand labels. Postings are read by ingest's own readers, so any source ingest reads will do: the
 * raw JSON Lines a run wrote, Ashby board files, CSV exports, job pages.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Prints precision, recall and F1 (or accuracy) of every tag against hand labels, and the main",
                "confusions. Labels: CSV with header id,company,title,mlRole,responsibility,specialization,domains,",
                "level,manager,notes (see devset/README.md)."})
public final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--labels", paramLabel = "LABELS.csv", required = true,
            description = "Hand labels by posting id; repeatable")
    List<Path> labels;

    @Option(names = "--postings", paramLabel = "SRC", required = true,
            description = "Where the labelled postings are: any source ingest reads (file, folder, URL); repeatable")
    List<String> postings;

    @Option(names = "--taxonomy", paramLabel = "FILE", defaultValue = "${env:ROLERADAR_TAXONOMY}",
            description = "Taxonomy file to measure instead of the shipped one. Env: ROLERADAR_TAXONOMY")
    Path taxonomy;

    @Override
    public Integer call() {
        Classifier classifier;
        List<Label> labelled;
        try {
            classifier = ClassifierChoice.of(taxonomy);
            labelled = Labels.read(labels);
        } catch (TaxonomyException | IllegalArgumentException e) {
            System.err.println("roleradar evaluate: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            System.err.println("roleradar evaluate: cannot read labels: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        ReadResult read;
        try {
            read = PostingSources.withDefaults().read(postings);
        } catch (IllegalArgumentException e) {
            System.err.println("roleradar evaluate: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (read.nothingRead()) {
            System.err.println("roleradar evaluate: no posting could be read from " + postings);
            read.rejected().stream().limit(10).forEach(r -> System.err.println("  " + r));
            return ExitCodes.FAILED;
        }
        Map<String, RawPosting> byId = new LinkedHashMap<>();
        read.postings().forEach(p -> byId.putIfAbsent(p.id(), p));
        EvaluationReport report = new Evaluator(classifier).evaluate(labelled, byId);
        System.out.print(report.render());
        return ExitCodes.OK;
    }
}
