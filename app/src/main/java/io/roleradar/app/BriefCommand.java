package io.roleradar.app;

import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.brief.BriefRenderer;
import io.roleradar.classifier.taxonomy.TaxonomyException;
import io.roleradar.cli.ExitCodes;
import io.roleradar.ingest.PostingSources;
import io.roleradar.ingest.ReadResult;
import io.roleradar.model.RawPosting;
import io.roleradar.model.Tags;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code roleradar brief}: what a candidate should prepare for one posting. The posting is read by
 * ingest (a job page, a saved ATS response, a JSON Lines file, a URL), tagged by the classifier,
 * and rendered as a brief: the hiring process the posting states, when it states one, then the
 * rounds in priority order.
 */
@Command(name = "brief", mixinStandardHelpOptions = true,
        description = {"For one posting: the quadrant, domains and level; what the posting itself says about its hiring",
                "process, when it says anything (\"This posting says: live coding interview [ML coding]; team fit\");",
                "then the interview rounds to prepare in priority order with the evidence for each, and what to study",
                "for each round given the domain."})
public final class BriefCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE_OR_URL",
            description = "A job page (HTML), a saved ATS response, a JSON Lines file of raw postings, or an http(s) URL")
    String source;

    @Option(names = "--id", paramLabel = "ID",
            description = "Which posting, when the source holds several (default: the only one)")
    String id;

    @Option(names = "--json", description = "Print JSON for tools instead of text")
    boolean json;

    @Option(names = "--taxonomy", paramLabel = "FILE", defaultValue = "${env:ROLERADAR_TAXONOMY}",
            description = "Taxonomy file instead of the shipped one. Env: ROLERADAR_TAXONOMY")
    Path taxonomy;

    @Override
    public Integer call() {
        Classifier classifier;
        try {
            classifier = ClassifierChoice.of(taxonomy);
        } catch (TaxonomyException e) {
            System.err.println("roleradar brief: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        ReadResult read;
        try {
            read = PostingSources.withDefaults().read(List.of(source));
        } catch (IllegalArgumentException e) {
            System.err.println("roleradar brief: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        List<RawPosting> postings = read.postings();
        if (postings.isEmpty()) {
            System.err.println("roleradar brief: no posting could be read from " + source);
            read.rejected().forEach(r -> System.err.println("  " + r));
            return ExitCodes.FAILED;
        }
        RawPosting posting;
        if (id != null) {
            posting = postings.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
            if (posting == null) {
                System.err.println("roleradar brief: no posting with id " + id + " in " + source + "; it holds:");
                postings.stream().limit(20).forEach(p -> System.err.println("  " + p.id() + "  " + p.title()));
                return ExitCodes.USAGE;
            }
        } else if (postings.size() == 1) {
            posting = postings.get(0);
        } else {
            System.err.println("roleradar brief: " + source + " holds " + postings.size()
                    + " postings; choose one with --id, e.g.:");
            postings.stream().limit(20).forEach(p -> System.err.println("  " + p.id() + "  " + p.title()));
            return ExitCodes.USAGE;
        }
        Tags tags = classifier.classify(posting);
        BriefRenderer renderer = new BriefRenderer();
        System.out.print(json ? renderer.json(posting, tags) : renderer.text(posting, tags));
        return ExitCodes.OK;
    }
}
