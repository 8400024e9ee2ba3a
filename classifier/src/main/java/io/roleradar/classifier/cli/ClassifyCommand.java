package io.roleradar.classifier.cli;

import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.taxonomy.TaxonomyException;
import io.roleradar.cli.ExitCodes;
import io.roleradar.cli.OutputFile;
import io.roleradar.cli.StopSignals;
import io.roleradar.cli.Terminal;
import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.model.TaggedPosting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * {@code roleradar classify}: tags raw postings from a JSON Lines file without any broker, one
 * tagged posting per line in input order, with the same classifier as the Kafka service. An
 * unreadable line is reported on stderr with its line number and reason, counted, copied to
 * {@code --rejects} when given, and the run goes on. A file of another kind (a board response,
 * tagged postings, CSV) is named in one line with the command that reads it.
 *
 * <p>Output files are written under a temporary name and moved into place only when the run
 * succeeds: a failed or interrupted run leaves the earlier ones as they were.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Tags a JSON Lines file of raw postings without Kafka.",
                "Writes one tagged posting per line, in input order. Reads stdin when it is piped in,"
                        + " or with --input -."})
public final class ClassifyCommand implements Callable<Integer> {
    /** Enough of a pretty-printed board response to tell which board wrote it. */
    private static final int SNIFF_CHARS = 16 * 1024;
    /** Unreadable lines reported one by one; the rest are counted. */
    private static final int LINE_ERRORS_SHOWN = 10;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE",
            description = "Raw postings, one JSON object per line; '-' for stdin. Default: stdin when piped")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-",
            description = "Where to write tagged postings, one per line; '-' for stdout. Default: -")
    String output;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Also write every unreadable input line, as it was, to this file")
    Path rejects;

    @Option(names = "--taxonomy", paramLabel = "FILE", defaultValue = "${env:ROLERADAR_TAXONOMY}",
            description = "Taxonomy file instead of the shipped one. Env: ROLERADAR_TAXONOMY")
    Path taxonomy;

    private final InputStream stdin;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final BooleanSupplier stdinIsTerminal;

    public ClassifyCommand() {
        this(System.in, System.out, System.err, Terminal::stdinIsTerminal);
    }

    /** For tests: the streams that stand for stdin, stdout and stderr (stdin piped, not a terminal). */
    public ClassifyCommand(InputStream stdin, PrintStream stdout, PrintStream stderr) {
        this(stdin, stdout, stderr, () -> false);
    }

    /** For tests: also whether stdin is a terminal. */
    public ClassifyCommand(InputStream stdin, PrintStream stdout, PrintStream stderr, BooleanSupplier stdinIsTerminal) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.stdinIsTerminal = stdinIsTerminal;
    }

    @Override
    public Integer call() {
        if (input == null) {
            if (stdinIsTerminal.getAsBoolean()) {
                stderr.println("roleradar classify: no input: give --input FILE (raw postings, JSON Lines), pipe them in "
                        + "(... | roleradar classify), or type them after --input -");
                return ExitCodes.USAGE;
            }
            input = "-";
        }
        if (!"-".equals(input) && !Files.isRegularFile(Path.of(input))) {
            stderr.println("roleradar classify: cannot read --input " + input + ": "
                    + (Files.exists(Path.of(input)) ? "it is not a file" : "no such file")
                    + "; give a JSON Lines file of raw postings, or '-' for stdin");
            return ExitCodes.USAGE;
        }
        Classifier classifier;
        try {
            classifier = TaxonomyChoice.classifier(taxonomy, "classify", stderr);
        } catch (TaxonomyException e) {
            stderr.println("roleradar classify: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (StopSignals signals = StopSignals.install()) {
            Run run = new Run(classifier);
            signals.whileRunning(run::stop);
            int code = run.call();
            return signals.exitCode(code, run.finished);
        }
    }

    /** One pass over the input; {@link #stop()} (a signal) ends it at the next line, its output discarded. */
    private final class Run {
        private final Classifier classifier;
        private volatile boolean stopped;
        private boolean finished;
        private long tagged;
        private long rejected;

        Run(Classifier classifier) {
            this.classifier = classifier;
        }

        void stop() {
            stopped = true;
        }

        int call() {
            try (BufferedReader in = reader();
                 Output out = Output.of(output, stdout);
                 Output bad = rejects == null ? Output.none() : Output.of(rejects.toString(), stdout)) {
                Integer failed = readAll(in, out.writer(), bad.writer());
                if (failed != null) {
                    return failed;
                }
                String summary = "roleradar classify: " + tagged + " tagged, " + rejected + " rejected (taxonomy "
                        + classifier.taxonomyVersion() + ")";
                if (tagged == 0) {
                    // Every line was unreadable: no output replaces an earlier one, but the rejects are kept.
                    bad.commit();
                    stderr.println(summary + ("-".equals(output) ? "" : "; " + output + " left as it was"));
                    return ExitCodes.FAILED;
                }
                out.commit();
                bad.commit();
                finished = true;
                stderr.println(summary);
                return ExitCodes.OK;
            } catch (IOException e) {
                stderr.println("roleradar classify: " + e.getMessage());
                return ExitCodes.FAILED;
            }
        }

        /** Null when every line was read; else the exit code of a run that must leave no output. */
        private Integer readAll(BufferedReader in, Writer out, Writer bad) throws IOException {
            java.util.ArrayDeque<String> readAhead = new java.util.ArrayDeque<>();
            String line;
            long number = 0;
            boolean first = true;
            while ((line = readAhead.isEmpty() ? in.readLine() : readAhead.poll()) != null) {
                if (stopped) {
                    stderr.println("roleradar classify: stopped by a signal after line " + number
                            + "; no output written");
                    return ExitCodes.INTERRUPTED;
                }
                number++;
                if (line.isBlank()) {
                    continue;
                }
                RawPosting posting;
                try {
                    posting = PostingJson.readRaw(line);
                } catch (InvalidMessageException e) {
                    if (first) {
                        InputKind kind = InputKind.sniff(head(line, in, readAhead));
                        if (kind != null) {
                            stderr.println("roleradar classify: " + kind.message(input));
                            return ExitCodes.USAGE;
                        }
                    }
                    first = false;
                    rejected++;
                    if (rejected <= LINE_ERRORS_SHOWN) {
                        stderr.println("roleradar classify: line " + number + ": " + e.reason() + ": " + e.getMessage());
                    }
                    bad.write(line);
                    bad.write('\n');
                    continue;
                }
                first = false;
                out.write(PostingJson.writeLine(TaggedPosting.of(posting, classifier.classify(posting))));
                out.write('\n');
                tagged++;
            }
            if (rejected > LINE_ERRORS_SHOWN) {
                stderr.println("roleradar classify: ... and " + (rejected - LINE_ERRORS_SHOWN)
                        + " more unreadable lines" + (rejects == null ? " (--rejects FILE keeps them all)" : ""));
            }
            if (tagged == 0 && rejected == 0) {
                stderr.println("roleradar classify: nothing to read: " + ("-".equals(input) ? "stdin" : input)
                        + " holds no postings");
                return ExitCodes.FAILED;
            }
            return null;
        }

        /**
         * The first line and what follows it, up to {@link #SNIFF_CHARS}; the lines read past the
         * first go to {@code readAhead}, to be read as postings if the input is postings after all.
         */
        private String head(String firstLine, BufferedReader in, java.util.Deque<String> readAhead) throws IOException {
            StringBuilder head = new StringBuilder(firstLine).append('\n');
            String next;
            while (head.length() < SNIFF_CHARS && (next = in.readLine()) != null) {
                head.append(next).append('\n');
                readAhead.add(next);
            }
            return head.toString();
        }

        private BufferedReader reader() throws IOException {
            return "-".equals(input)
                    ? new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))
                    : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
        }
    }

    /** stdout, or a file that appears only on {@link #commit()}. */
    private interface Output extends AutoCloseable {
        Writer writer();

        void commit() throws IOException;

        @Override
        void close() throws IOException;

        static Output none() {
            Writer w = Writer.nullWriter();
            return new Output() {
                public Writer writer() {
                    return w;
                }

                public void commit() {
                }

                public void close() {
                }
            };
        }

        static Output of(String target, PrintStream stdout) throws IOException {
            if ("-".equals(target)) {
                // Flushed, never closed: closing would close the process's stdout for later output.
                Writer w = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
                return new Output() {
                    public Writer writer() {
                        return w;
                    }

                    public void commit() throws IOException {
                        w.flush();
                    }

                    public void close() throws IOException {
                        w.flush();
                    }
                };
            }
            OutputFile file = OutputFile.open(Path.of(target));
            OutputStream stream = file.stream();
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            return new Output() {
                public Writer writer() {
                    return w;
                }

                public void commit() throws IOException {
                    w.flush();
                    file.commit();
                }

                public void close() throws IOException {
                    file.close();
                }
            };
        }
    }
}
