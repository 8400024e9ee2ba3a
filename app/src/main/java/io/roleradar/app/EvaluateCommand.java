package io.roleradar.app;

import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.cli.TaxonomyChoice;
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

import io.roleradar.app.devset.PostingsFetcher;
import io.roleradar.app.devset.PostingsFiles;
import io.roleradar.cli.LogLevel;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code roleradar evaluate}: measures the classifier (or a taxonomy of the user's own) against
 * hand labels, per part of the dev set's split, each figure with a 95% bootstrap interval, beside a
 * title-keyword baseline, by source, and the hiring process when process labels are given. Postings
 * are read by ingest's own readers, so any source ingest reads will do: the raw JSON Lines a run
 * wrote, Ashby board files, CSV exports, job pages.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Measures every tag against hand labels.",
                // One element per paragraph: picocli wraps each to the terminal's width.
                "Each figure comes with a 95%% bootstrap interval, per part of a split (tune / locked), beside a "
                        + "title-keyword baseline, and by source.",
                "Labels: CSV with header "
                        + "id,company,title,mlRole,responsibility,specialization,domains,level,manager,notes; "
                        + "process labels: id,describesProcess,statedRounds,steps,notes (see devset/README.md).",
                "--fetch-postings DIR first fetches the dev set's postings from their public source at the pinned "
                        + "commits and checks their SHA-256."},
        footer = {"", "Exit codes: 0 done; 1 no posting could be read, none of the labelled ids is among the "
                + "postings read, or (--fetch-postings) some files could not be fetched; 2 invalid command line "
                + "(--labels or --source missing, --resamples below 1), a missing file, a bad labels, split or "
                + "taxonomy file; "
                + "130 interrupted (SIGINT); 143 terminated (SIGTERM)."})
public final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--labels", paramLabel = "LABELS.csv",
            description = "Hand labels of the tags by posting id; repeatable (a later file's label of an id wins)")
    List<Path> labels = List.of();

    @Option(names = "--process-labels", paramLabel = "FILE.csv",
            description = "Hand labels of the hiring process a posting describes and the rounds it states; repeatable")
    List<Path> processLabels = List.of();

    @Option(names = {"-s", "--source"}, paramLabel = "SRC",
            description = "Where the labelled postings are: any source ingest reads (file, folder, URL); repeatable")
    List<String> sources = new ArrayList<>();

    /** The spelling before --source; kept for one release. */
    @Option(names = "--postings", paramLabel = "SRC", hidden = true)
    List<String> deprecatedPostings = new ArrayList<>();

    @Option(names = "--fetch-postings", paramLabel = "DIR",
            description = "Fetch the dev set's postings (the files of " + PostingsFiles.FILE + ") into DIR, laid out as "
                    + "../shared/data, check their SHA-256, and exit")
    Path fetchInto;

    @Option(names = "--fetch-from", paramLabel = "URL", defaultValue = PostingsFetcher.GITHUB_RAW,
            description = "Server of OWNER/REPO/COMMIT/PATH for --fetch-postings (a mirror). Default: ${DEFAULT-VALUE}")
    String fetchFrom;

    @Option(names = "--split", paramLabel = "SPLIT.csv",
            description = "Which part each source is in (header source,part; part tune or locked), e.g. devset/split.csv;"
                    + " without it, one part: all")
    Path split;

    @Option(names = "--json", description = "Print the figures as JSON instead of text")
    boolean json;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap resamples for the 95%% intervals (default: ${DEFAULT-VALUE})")
    int resamples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "2026",
            description = "Seed of the bootstrap; the same seed gives the same intervals (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--taxonomy", paramLabel = "FILE", defaultValue = "${env:ROLERADAR_TAXONOMY}",
            description = "Taxonomy file to measure instead of the shipped one. Env: ROLERADAR_TAXONOMY")
    Path taxonomy;

    @Override
    public Integer call() {
        if (fetchInto != null) {
            return fetch();
        }
        List<String> postings = new ArrayList<>(sources);
        if (!deprecatedPostings.isEmpty()) {
            System.err.println("roleradar evaluate: --postings is deprecated, use --source; it will be removed in the "
                    + "next release");
            postings.addAll(deprecatedPostings);
        }
        boolean noLabels = labels.isEmpty() && processLabels.isEmpty();
        if (postings.isEmpty()) {
            // Name everything that is missing, so a first try without arguments is not a guessing game.
            System.err.println("roleradar evaluate: give " + (noLabels ? "--labels LABELS.csv (hand labels, e.g. "
                    + "devset/labels-part1.csv; or --process-labels FILE.csv) and " : "")
                    + "--source SRC, where the labelled postings are (e.g. --source ../shared/data/ashby-boards; "
                    + "fetch them with --fetch-postings DIR)");
            return ExitCodes.USAGE;
        }
        for (String source : postings) {
            if (Sources.isMissingFile(source)) {
                System.err.println("roleradar evaluate: --source " + source + ": no such file or folder"
                        + (source.contains("shared/data") ? "; fetch the dev set's postings with "
                        + "'roleradar evaluate --fetch-postings ../shared/data'" : ""));
                return ExitCodes.USAGE;
            }
        }
        if (noLabels) {
            System.err.println("roleradar evaluate: give --labels LABELS.csv (hand labels, e.g. devset/labels-part1.csv), "
                    + "--process-labels FILE.csv or both");
            return ExitCodes.USAGE;
        }
        if (resamples < 1) {
            // Named as typed: Bootstrap's own check would say "resamples", without the flag's dashes.
            System.err.println("roleradar evaluate: --resamples must be at least 1, got " + resamples);
            return ExitCodes.USAGE;
        }
        Classifier classifier;
        List<Label> labelled;
        List<ProcessLabel> processLabelled;
        Split parts;
        Bootstrap bootstrap;
        try {
            bootstrap = new Bootstrap(seed, resamples);
            classifier = TaxonomyChoice.classifier(taxonomy, "evaluate", System.err);
            labelled = read("--labels", () -> Labels.read(labels));
            processLabelled = read("--process-labels", () -> ProcessLabels.read(processLabels));
            parts = split == null ? Split.none() : read("--split", () -> Split.read(split));
        } catch (TaxonomyException | IllegalArgumentException e) {
            System.err.println("roleradar evaluate: " + e.getMessage());
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
        String nothingToMeasure = nothingToMeasure(labelled, processLabelled, byId, postings);
        if (nothingToMeasure != null) {
            System.err.println("roleradar evaluate: " + nothingToMeasure);
            return ExitCodes.FAILED;
        }
        MeasurementReport report = new Measurement(classifier::classify, classifier.taxonomyVersion(), bootstrap)
                .measure(labelled, processLabelled, byId, parts, split == null ? null : split.toString());
        System.out.print(json ? report.toJson() : report.render());
        return ExitCodes.OK;
    }

    /**
     * Why nothing can be measured, or null: with no labelled posting among those read, every
     * figure would be empty, and an empty table that exits 0 reads as a result; the usual cause is
     * the wrong --source (or labels of another data set), so the ids of both are shown.
     */
    private static String nothingToMeasure(List<Label> labelled, List<ProcessLabel> processLabelled,
                                   Map<String, RawPosting> byId, List<String> sources) {
        Set<String> ids = new LinkedHashSet<>();
        labelled.forEach(l -> ids.add(l.id()));
        processLabelled.forEach(l -> ids.add(l.id()));
        if (ids.isEmpty()) {
            return "nothing to measure: the label files hold no labelled posting";
        }
        if (byId.isEmpty() || ids.stream().anyMatch(byId::containsKey)) {
            return null;
        }
        return "none of the " + ids.size() + " labelled ids is among the " + byId.size() + " postings read from "
                + String.join(", ", sources) + ": wrong --source? (labelled ids are like " + ids.iterator().next()
                + ", the postings' like " + byId.keySet().iterator().next() + ")";
    }

    /** Reading the files an option names; may fail as reading files does. */
    private interface Reading<T> {
        T read() throws IOException;
    }

    /**
     * The files of {@code option}, read; a file that is missing, unreadable or not what the option
     * takes is an {@link IllegalArgumentException} whose message names the option, so the person
     * knows which flag to fix ("--labels nope.csv: no such file").
     */
    private static <T> T read(String option, Reading<T> reading) {
        try {
            return reading.read();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(option + " " + e.getFile() + ": no such file");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(option + " " + e.getFile() + ": permission denied");
        } catch (IOException e) {
            throw new IllegalArgumentException(option + ": cannot read a file: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // Its message starts with the file: "labels.csv: the header lacks ...".
            throw new IllegalArgumentException(option + " " + e.getMessage(), e);
        }
    }

    private int fetch() {
        Path list = Launcher.home().resolve(PostingsFiles.FILE);
        PostingsFiles files;
        try {
            files = PostingsFiles.read(list);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("roleradar evaluate: cannot read the list of the dev set's files " + list + ": "
                    + e.getMessage());
            return ExitCodes.USAGE;
        }
        PostingsFetcher.Outcome outcome;
        try {
            outcome = new PostingsFetcher(fetchFrom, LogLevel.current().shows(LogLevel.INFO)
                    ? System.err : new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .fetch(files, fetchInto.toAbsolutePath());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("roleradar evaluate: interrupted; the files fetched so far are whole and kept");
            return ExitCodes.INTERRUPTED;
        }
        outcome.failures().forEach(f -> System.err.println("roleradar evaluate: " + f));
        System.err.println("roleradar evaluate: " + outcome.fetched() + " files fetched, " + outcome.kept()
                + " already there, " + outcome.failed() + " failed, in " + fetchInto);
        return outcome.ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
