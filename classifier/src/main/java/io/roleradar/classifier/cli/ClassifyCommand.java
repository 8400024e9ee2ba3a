package io.roleradar.classifier.cli;

import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.taxonomy.TaxonomyException;
import io.roleradar.cli.ExitCodes;
import io.roleradar.cli.InputKind;
import io.roleradar.cli.OutputFile;
import io.roleradar.cli.StopSignals;
import io.roleradar.cli.Terminal;
import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.model.TaggedPosting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * {@code roleradar classify}: tags raw postings from a JSON Lines file (or a JSON array of them)
 * without any broker, one tagged posting per line in input order, with the same classifier as the
 * Kafka service. An unreadable line or element (a line that is not valid UTF-8 too) is reported on
 * stderr with its line number and reason, counted, copied to {@code --rejects} when given, and the
 * run goes on. A file of
 * another kind (a board response, tagged postings, CSV, a compressed or binary file) is named in
 * one line with the command that reads it or what to do with it.
 *
 * <p>Output files are written under a temporary name and moved into place only when the run
 * succeeds: a failed or interrupted run leaves the earlier ones as they were. The rejects file is
 * appended to, as ingest's is, so it keeps the rejects of every run.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Tags raw postings (JSON Lines, or a JSON array) without Kafka.",
                "Writes one tagged posting per line, in input order. Reads stdin when it is piped in,"
                        + " or with --input -."},
        footer = {"", "Exit codes: 0 done (unreadable lines, if any, reported and kept with --rejects); 1 nothing "
                + "to read, no readable line, a broken JSON array or a failed write; 2 invalid command line or "
                + "taxonomy, a missing input file, no input on a terminal, or input of the wrong kind; "
                + "130 interrupted (SIGINT); 143 terminated (SIGTERM). A run that does not exit 0 leaves the "
                + "earlier output as it was."})
public final class ClassifyCommand implements Callable<Integer> {
    /** Enough of a pretty-printed board response to tell which board wrote it. */
    private static final int SNIFF_BYTES = 16 * 1024;
    /** Unreadable lines (or array elements) reported one by one; the rest are counted. */
    private static final int LINE_ERRORS_SHOWN = 10;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE",
            description = "Raw postings, one JSON object per line (or a JSON array of them); '-' for stdin. "
                    + "Default: stdin when piped")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-",
            description = "Where to write tagged postings, one per line; '-' for stdout. Default: -")
    String output;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Append every unreadable input line (as it was; an array element as one line of JSON) "
                    + "to FILE, as ingest run does; a stopped run appends nothing")
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

    /** For tests: the streams that stand for stdin, stdout and stderr, and whether stdin is a terminal. */
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
            try (InputStream stream = input();
                 Output out = Output.of(output, stdout);
                 Output bad = rejects == null ? Output.none() : Output.appendingTo(rejects.toString(), stdout)) {
                ByteLines in = new ByteLines(stream);
                byte[] head = in.head(SNIFF_BYTES);
                InputKind notText = InputKind.notText(head, head.length);
                if (notText != null) {
                    stderr.println("roleradar classify: " + wrongInput(notText, input));
                    return ExitCodes.USAGE;
                }
                boolean array = startsAnArray(head);
                Integer failed = array ? readArray(in, head, out.stream(), bad.stream())
                        : readLines(in, head, out.stream(), bad.stream());
                if (failed == null) {
                    failed = nothingRead(array ? "elements" : "lines");
                }
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
        private Integer readLines(ByteLines in, byte[] head, OutputStream out, OutputStream bad) throws IOException {
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            byte[] bytes;
            long number = 0;
            boolean first = true;
            while ((bytes = in.next()) != null) {
                if (stopped) {
                    stderr.println("roleradar classify: stopped by a signal after line " + number
                            + "; no output written");
                    return ExitCodes.INTERRUPTED;
                }
                number++;
                RawPosting posting = null;
                String unreadable;
                try {
                    String line = utf8.reset().decode(ByteBuffer.wrap(bytes)).toString();
                    if (line.isBlank()) {
                        continue;
                    }
                    posting = PostingJson.readRaw(line);
                    unreadable = null;
                } catch (CharacterCodingException e) {
                    unreadable = "not valid UTF-8 text";
                } catch (InvalidMessageException e) {
                    unreadable = e.reason() + ": " + e.getMessage();
                }
                if (unreadable != null) {
                    if (first) {
                        InputKind kind = InputKind.ofText(new String(head, StandardCharsets.UTF_8));
                        if (kind != null) {
                            stderr.println("roleradar classify: " + wrongInput(kind, input));
                            return ExitCodes.USAGE;
                        }
                    }
                    first = false;
                    reject("line " + number, unreadable, bytes, bad);
                    continue;
                }
                first = false;
                tag(posting, out);
            }
            return null;
        }

        /**
         * A JSON array of raw postings, as ingest and brief read it too: each element is a posting,
         * read (or rejected, by its number) alone. Null when the whole array was read; else the exit
         * code of a run that must leave no output.
         */
        private Integer readArray(ByteLines in, byte[] head, OutputStream out, OutputStream bad) throws IOException {
            // A Lever board response is an array too.
            InputKind kind = InputKind.ofText(new String(head, StandardCharsets.UTF_8));
            if (kind != null) {
                stderr.println("roleradar classify: " + wrongInput(kind, input));
                return ExitCodes.USAGE;
            }
            try (JsonArrayElements elements = new JsonArrayElements(in.rest())) {
                for (JsonArrayElements.Element element; (element = elements.next()) != null; ) {
                    if (stopped) {
                        stderr.println("roleradar classify: stopped by a signal after element " + (element.number() - 1)
                                + "; no output written");
                        return ExitCodes.INTERRUPTED;
                    }
                    RawPosting posting;
                    try {
                        posting = PostingJson.readRaw(element.json());
                    } catch (InvalidMessageException e) {
                        reject("element " + element.number() + " (line " + element.line() + ")",
                                e.reason() + ": " + e.getMessage(), element.json(), bad);
                        continue;
                    }
                    tag(posting, out);
                }
            } catch (JsonArrayElements.Broken e) {
                stderr.println("roleradar classify: " + ("-".equals(input) ? "stdin" : input) + " is not a whole JSON array: "
                        + e.getMessage() + ("-".equals(output) ? "" : "; " + output + " left as it was"));
                return ExitCodes.FAILED;
            }
            return null;
        }

        /** Whether the input starts (after a byte-order mark and whitespace) with '['. */
        private static boolean startsAnArray(byte[] head) {
            int i = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
            while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
                i++;
            }
            return i < head.length && head[i] == '[';
        }

        private void tag(RawPosting posting, OutputStream out) throws IOException {
            out.write(PostingJson.write(TaggedPosting.of(posting, classifier.classify(posting))));
            out.write('\n');
            tagged++;
        }

        /** After reading: the count of the unreadable records not shown; exit 1 when there was nothing at all. */
        private Integer nothingRead(String records) {
            if (rejected > LINE_ERRORS_SHOWN) {
                stderr.println("roleradar classify: ... and " + (rejected - LINE_ERRORS_SHOWN)
                        + " more unreadable " + records + (rejects == null ? " (--rejects FILE keeps them all)" : ""));
            }
            if (tagged == 0 && rejected == 0) {
                stderr.println("roleradar classify: nothing to read: " + ("-".equals(input) ? "stdin" : input)
                        + " holds no postings");
                return ExitCodes.FAILED;
            }
            return null;
        }

        /**
         * Counts an unreadable record, names it (the first few), and keeps it for --rejects: a line's
         * bytes as they were, an array element's JSON on one line.
         */
        private void reject(String where, String why, byte[] record, OutputStream bad) throws IOException {
            rejected++;
            if (rejected <= LINE_ERRORS_SHOWN) {
                stderr.println("roleradar classify: " + where + ": " + why);
            }
            bad.write(record);
            bad.write('\n');
        }

        private InputStream input() throws IOException {
            return "-".equals(input) ? stdin : Files.newInputStream(Path.of(input));
        }
    }

    /** The one line classify prints for an input that is not raw postings, without "roleradar classify: " in front. */
    private static String wrongInput(InputKind kind, String file) {
        boolean stdin = "-".equals(file);
        String name = stdin ? "stdin" : file;
        String source = stdin ? "FILE" : file;
        if (kind.unpack() != null) {
            String unpacked = stdin
                    ? "... | " + kind.unpack().replace(" -c", "").replace(" -dc", " -d").replace(" -p", "")
                    : kind.unpack() + " " + file;
            return name + " is " + kind.description() + ": decompress it first ('" + unpacked
                    + " | roleradar classify')";
        }
        return switch (kind) {
            case TAGGED_POSTINGS -> name + " holds tagged postings, not raw ones: they are tagged already; report them "
                    + "with 'roleradar reporter run --input " + source + " --out-dir reports'";
            case UTF16 -> name + " is UTF-16 text, and raw postings are read as UTF-8: convert it first "
                    + "('iconv -f UTF-16 -t UTF-8 " + source + " | roleradar classify')";
            case PDF, BINARY -> name + " is " + kind.description() + ": give raw postings as JSON Lines, one JSON "
                    + "object per line (UTF-8 text)";
            default -> name + " is " + kind.description() + ", not raw postings: ingest it first "
                    + "('roleradar ingest run --source " + source + " --output raw.jsonl'), then classify raw.jsonl";
        };
    }

    /**
     * stdout ({@code file} null), or a file that appears (or, for the rejects, is added to) only on
     * {@link #commit()}.
     */
    private record Output(OutputStream stream, OutputFile file) implements AutoCloseable {
        static Output none() {
            return new Output(OutputStream.nullOutputStream(), null);
        }

        static Output of(String target, PrintStream stdout) throws IOException {
            return "-".equals(target) ? stdout(stdout) : file(OutputFile.open(Path.of(target)));
        }

        /** A file kept across runs (the rejects, as ingest run keeps them): each run that ends adds to it. */
        static Output appendingTo(String target, PrintStream stdout) throws IOException {
            return "-".equals(target) ? stdout(stdout) : file(OutputFile.appendingTo(Path.of(target)));
        }

        private static Output stdout(PrintStream stdout) {
            // Flushed, never closed: closing would close the process's stdout for later output.
            return new Output(new BufferedOutputStream(stdout, 1 << 16), null);
        }

        private static Output file(OutputFile file) {
            return new Output(new BufferedOutputStream(file.stream(), 1 << 16), file);
        }

        void commit() throws IOException {
            stream.flush();
            if (file != null) {
                file.commit();
            }
        }

        @Override
        public void close() throws IOException {
            if (file == null) {
                stream.flush();
            } else {
                file.close();
            }
        }
    }
}
