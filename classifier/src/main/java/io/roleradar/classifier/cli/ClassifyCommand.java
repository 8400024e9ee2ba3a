package io.roleradar.classifier.cli;

import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.taxonomy.TaxonomyException;
import io.roleradar.classifier.taxonomy.TaxonomyLoader;
import io.roleradar.cli.ExitCodes;
import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.model.TaggedPosting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code roleradar classify}: tags raw postings from a JSON Lines file without any broker, one
 * tagged posting per line in input order, with the same classifier as the Kafka service. An
 * unreadable line is reported on stderr with its line number and reason, counted, copied to
 * {@code --rejects} when given, and the run goes on.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Tags raw postings (JSON Lines) into tagged postings (JSON Lines), without Kafka.",
                "Exit codes: 0 done (bad lines are reported and skipped), 1 nothing could be read, 2 usage."})
public final class ClassifyCommand implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "FILE", defaultValue = "-",
            description = "Raw postings, one JSON object per line; '-' for stdin. Default: -")
    String input;

    @Option(names = "--output", paramLabel = "FILE", defaultValue = "-",
            description = "Where to write tagged postings, one per line; '-' for stdout. Default: -")
    String output;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Also write every unreadable input line, as it was, to this file")
    Path rejects;

    @Option(names = "--taxonomy", paramLabel = "FILE", defaultValue = "${env:ROLERADAR_TAXONOMY}",
            description = "Taxonomy file instead of the shipped one. Env: ROLERADAR_TAXONOMY")
    Path taxonomy;

    private final java.io.InputStream stdin;
    private final PrintStream stdout;
    private final PrintStream stderr;

    public ClassifyCommand() {
        this(System.in, System.out, System.err);
    }

    /** For tests: the streams that stand for stdin, stdout and stderr. */
    public ClassifyCommand(java.io.InputStream stdin, PrintStream stdout, PrintStream stderr) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() {
        Classifier classifier;
        try {
            classifier = taxonomy == null ? Classifier.withDefaultTaxonomy() : new Classifier(TaxonomyLoader.load(taxonomy));
        } catch (TaxonomyException e) {
            stderr.println("roleradar classify: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (!"-".equals(input) && !Files.isReadable(Path.of(input))) {
            stderr.println("roleradar classify: cannot read --input " + input + ": give a JSON Lines file or '-' for stdin");
            return ExitCodes.USAGE;
        }
        long tagged = 0;
        long rejected = 0;
        try (BufferedReader in = reader();
             Writer out = writer();
             Writer bad = rejects == null ? Writer.nullWriter() : Files.newBufferedWriter(rejects, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                RawPosting posting;
                try {
                    posting = PostingJson.readRaw(line);
                } catch (InvalidMessageException e) {
                    rejected++;
                    stderr.println("roleradar classify: line " + number + ": " + e.reason() + ": " + e.getMessage());
                    bad.write(line);
                    bad.write('\n');
                    continue;
                }
                out.write(PostingJson.writeLine(TaggedPosting.of(posting, classifier.classify(posting))));
                out.write('\n');
                tagged++;
            }
        } catch (IOException e) {
            stderr.println("roleradar classify: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        stderr.println("roleradar classify: " + tagged + " tagged, " + rejected + " rejected (taxonomy "
                + classifier.taxonomyVersion() + ")");
        return tagged == 0 && rejected > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private BufferedReader reader() throws IOException {
        return "-".equals(input)
                ? new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
    }

    private Writer writer() throws IOException {
        if ("-".equals(output)) {
            // Closing stdout's writer must not close the process's stdout for later output.
            return new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8)) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        return Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8);
    }
}
