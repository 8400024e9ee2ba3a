package io.roleradar.app;

import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.brief.BriefRenderer;
import io.roleradar.classifier.cli.TaxonomyChoice;
import io.roleradar.classifier.taxonomy.TaxonomyException;
import io.roleradar.cli.ExitCodes;
import io.roleradar.ingest.PostingSources;
import io.roleradar.ingest.ReadResult;
import io.roleradar.model.RawPosting;
import io.roleradar.model.Tags;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        description = {"Tells what to prepare for the interviews of one posting.",
                // One element per paragraph: picocli wraps each to the terminal's width.
                "The quadrant, domains and level, each with the sentences behind it; what the posting itself says "
                        + "about its hiring process, when it says anything (\"This posting says: live coding interview "
                        + "[ML coding]; team fit\"); then the rounds to prepare in priority order, and what to study "
                        + "for each given the domain and the tools the posting names."},
        footer = {"", "Exit codes: 0 done; 1 nothing could be read (an empty file, no posting in it, a URL that "
                + "did not answer with one); 2 invalid command line or taxonomy, a missing file, a folder with no "
                + "posting, or a source of several postings without an --id among them; 130 interrupted (SIGINT); "
                + "143 terminated (SIGTERM)."})
public final class BriefCommand implements Callable<Integer> {
    private static final String WHAT_IT_TAKES = "a job page, a saved ATS response, a JSON Lines file, pasted text "
            + "(.txt), an http(s) URL, or '-' for stdin";

    @Parameters(paramLabel = "FILE_OR_URL",
            description = "A job page (HTML), a saved ATS response, a JSON Lines file of raw postings, pasted text "
                    + "(.txt: first line the title), an http(s) URL, or '-' for stdin")
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
            classifier = TaxonomyChoice.classifier(taxonomy, "brief", System.err);
        } catch (TaxonomyException e) {
            System.err.println("roleradar brief: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (Sources.isMissingFile(source)) {
            System.err.println("roleradar brief: no such file: " + source + "; give " + WHAT_IT_TAKES);
            return ExitCodes.USAGE;
        }
        List<RawPosting> postings;
        try {
            postings = read();
        } catch (IllegalArgumentException e) {
            System.err.println("roleradar brief: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            System.err.println("roleradar brief: cannot read " + source + ": " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (NothingRead e) {
            // A folder is not one of the inputs brief takes (it reads one holding postings, with --id):
            // one without any is the wrong kind of input, as it is for classify, not an empty one.
            boolean folder = Files.isDirectory(Path.of(source));
            System.err.println("roleradar brief: " + (folder ? source + " is a folder and no posting could be read "
                    + "from it; give one posting: " + WHAT_IT_TAKES : e.getMessage()));
            e.reasons.forEach(r -> System.err.println("  " + r));
            return folder ? ExitCodes.USAGE : ExitCodes.FAILED;
        }
        RawPosting posting = id != null ? postings.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null)
                : postings.size() == 1 ? postings.get(0) : null;
        if (posting == null) {
            System.err.println("roleradar brief: " + (id != null ? "no posting with id " + id + " in " + source
                    + "; it holds:" : source + " holds " + postings.size() + " postings; choose one with --id, e.g.:"));
            postings.stream().limit(20).forEach(p -> System.err.println("  " + p.id() + "  " + p.title()));
            return ExitCodes.USAGE;
        }
        Tags tags = classifier.classify(posting);
        BriefRenderer renderer = new BriefRenderer();
        System.out.print(json ? renderer.json(posting, tags) : renderer.text(posting, tags));
        return ExitCodes.OK;
    }

    /** The postings of the source: pasted text here, anything else by ingest's readers. */
    private List<RawPosting> read() throws IOException {
        if ("-".equals(source)) {
            String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            if (PastedPosting.looksPlain(text)) {
                return pasted(text, "stdin");
            }
            // A page or JSON piped in: ingest reads it from a file whose name says which.
            Path tmp = Files.createTempFile("roleradar-brief-", text.stripLeading().startsWith("<") ? ".html" : ".jsonl");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                return ingested(tmp.toString(), "stdin");
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        if (PastedPosting.isTextFile(source)) {
            Path file = Path.of(source);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such file: " + source);
            }
            return pasted(Files.readString(file, StandardCharsets.UTF_8), source);
        }
        return ingested(source, source);
    }

    private static List<RawPosting> pasted(String text, String origin) {
        RawPosting posting = PastedPosting.of(text, origin);
        if (posting == null) {
            throw new NothingRead("nothing to read: " + origin + " is empty", List.of());
        }
        return List.of(posting);
    }

    private static List<RawPosting> ingested(String path, String name) {
        ReadResult read = PostingSources.withDefaults().read(List.of(path));
        if (read.postings().isEmpty()) {
            throw new NothingRead("no posting could be read from " + name,
                    read.rejected().stream().map(Object::toString).toList());
        }
        return read.postings();
    }

    /** Nothing to brief: the source held no posting (exit 1). */
    private static final class NothingRead extends RuntimeException {
        private final List<String> reasons;

        NothingRead(String message, List<String> reasons) {
            super(message);
            this.reasons = reasons;
        }
    }
}
