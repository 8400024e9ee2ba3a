package io.roleradar.app;

import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.eval.Bootstrap;
import io.roleradar.classifier.eval.Label;
import io.roleradar.classifier.eval.Labels;
import io.roleradar.classifier.eval.Measurement;
import io.roleradar.classifier.eval.MeasurementReport;
import io.roleradar.classifier.eval.ProcessLabel;
import io.roleradar.classifier.eval.ProcessLabels;
import io.roleradar.classifier.eval.Split;
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
 * hand labels, per part of the dev set's split, each figure with a 95% bootstrap interval, beside a
 * title-keyword baseline, by source, and the hiring process when process labels are given. Postings
 * are read by ingest's own readers, so any source ingest reads will do: the raw JSON Lines a run
 * wrote, Ashby board files, CSV exports, job pages.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Figures of every tag against hand labels, each with a 95% bootstrap interval, per part of a",
                "split (tune / locked), beside a title-keyword baseline, and by source. Labels: CSV with header",
                "id,company,title,mlRole,responsibility,specialization,domains,level,manager,notes; process labels:",
                "id,describesProcess,statedRounds,steps,notes (see devset/README.md)."})
public final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--labels", paramLabel = "LABELS.csv",
            description = "Hand labels of the tags by posting id; repeatable (a later file's label of an id wins)")
    List<Path> labels = List.of();

    @Option(names = "--process-labels", paramLabel = "FILE.csv",
            description = "Hand labels of the hiring process a posting describes and the rounds it states; repeatable")
    List<Path> processLabels = List.of();

    @Option(names = "--postings", paramLabel = "SRC", required = true,
            description = "Where the labelled postings are: any source ingest reads (file, folder, URL); repeatable")
    List<String> postings;

    @Option(names = "--split", paramLabel = "SPLIT.csv",
            description = "Which part each source is in (header source,part; part tune or locked), e.g. devset/split.csv;"
                    + " without it, one part: all")
    Path split;

    @Option(names = "--json", description = "Print the figures as JSON instead of text")
    boolean json;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap resamples for the 95% intervals (default: ${DEFAULT-VALUE})")
    int resamples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "2026",
            description = "Seed of the bootstrap; the same seed gives the same intervals (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--taxonomy", paramLabel = "FILE", defaultValue = "${env:ROLERADAR_TAXONOMY}",
            description = "Taxonomy file to measure instead of the shipped one. Env: ROLERADAR_TAXONOMY")
    Path taxonomy;

    @Override
    public Integer call() {
        if (labels.isEmpty() && processLabels.isEmpty()) {
            System.err.println("roleradar evaluate: give --labels FILE, --process-labels FILE or both");
            return ExitCodes.USAGE;
        }
        Classifier classifier;
        List<Label> labelled;
        List<ProcessLabel> processLabelled;
        Split parts;
        Bootstrap bootstrap;
        try {
            bootstrap = new Bootstrap(seed, resamples);
            classifier = ClassifierChoice.of(taxonomy);
            labelled = Labels.read(labels);
            processLabelled = ProcessLabels.read(processLabels);
            parts = split == null ? Split.none() : Split.read(split);
        } catch (TaxonomyException | IllegalArgumentException e) {
            System.err.println("roleradar evaluate: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            System.err.println("roleradar evaluate: cannot read " + e.getMessage());
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
        MeasurementReport report = new Measurement(classifier::classify, classifier.taxonomyVersion(), bootstrap)
                .measure(labelled, processLabelled, byId, parts, split == null ? null : split.toString());
        System.out.print(json ? report.toJson() : report.render());
        return ExitCodes.OK;
    }
}
