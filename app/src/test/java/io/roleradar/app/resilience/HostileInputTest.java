package io.roleradar.app.resilience;

import io.roleradar.app.RoleradarMain;
import io.roleradar.ingest.PostingSources;
import io.roleradar.ingest.ReadResult;
import io.roleradar.ingest.parse.Rejected;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every file of the hostile corpus ({@code src/test/resources/hostile}, listed with what each tests
 * in its README and {@code cases.tsv}) goes through ingest's reading, then {@code classify} and
 * {@code reporter run --input} on what was read. Nothing throws or hangs; every reject names its
 * reason; the valid postings next to a bad one are kept; no posting keeps a {@code <script}; and
 * no report file holds a {@code <script} or a cell a spreadsheet would run as a formula.
 */
class HostileInputTest {
    private static final Path CORPUS = corpus();

    /**
     * One corpus file: the fewest postings it must yield, whether a reject is expected (yes, no, any),
     * and the known bug that makes its check fail today (empty when none).
     */
    record Case(String file, int minPostings, String rejects, String what, String knownBug) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Arguments> corpusFiles() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("cases.tsv"))) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            cases.add(Arguments.of(new Case(f[0], Integer.parseInt(f[1]), f[2], f[3], f.length > 4 ? f[4] : "")));
        }
        return cases.stream();
    }

    @Test
    void theCorpusHoldsAtLeastFiftyFilesEachDescribedInTheReadme() throws IOException {
        List<String> files = corpusFiles().map(a -> ((Case) a.get()[0]).file()).toList();
        String readme = Files.readString(CORPUS.resolve("README.md"));
        assertThat(files).hasSizeGreaterThanOrEqualTo(50).doesNotHaveDuplicates();
        for (String f : files) {
            assertThat(CORPUS.resolve(f)).exists();
            assertThat(readme).contains("`" + f + "`");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void isRejectedWithAReasonOrCleanedAndNeverReachesAReportRaw(Case c, @TempDir Path work) throws Exception {
        if (c.knownBug().isBlank()) {
            check(CORPUS.resolve(c.file()), c, work);
            return;
        }
        // A known bug: the check must still fail, so a fix is noticed and the marker removed.
        AssertionError failure = null;
        try {
            check(CORPUS.resolve(c.file()), c, work);
        } catch (AssertionError e) {
            failure = e;
        }
        assertThat(failure).as("%s passes now: remove its known-bug marker in cases.tsv (%s)", c.file(), c.knownBug())
                .isNotNull();
        Assumptions.abort("known bug: " + c.knownBug() + " | " + failure.getMessage().replaceAll("\\s+", " "));
    }

    @Test
    void aPageOverTheSizeCapIsRejectedWithoutReadingItAll(@TempDir Path work) throws Exception {
        Path big = work.resolve("oversized.html");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write("<html><body><h1>Machine Learning Engineer</h1>".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "<p>Train ranking models in PyTorch.</p>\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 21L * 1024 * 1024; written += chunk.length) {
                out.write(chunk);
            }
            out.write("</body></html>".getBytes(StandardCharsets.UTF_8));
        }
        ReadResult r = check(big, new Case("oversized.html", 0, "yes", "21 MiB page", ""), work);
        assertThat(r.postings()).isEmpty();
        assertThat(r.rejected()).singleElement().satisfies(rej ->
                assertThat(rej.reason().toLowerCase(Locale.ROOT)).containsAnyOf("size", "large", "bytes", "cap"));
    }

    @Test
    void aPageNestedOneHundredThousandDivsDeepDoesNotOverflowTheStack(@TempDir Path work) throws Exception {
        Path deep = work.resolve("deep.html");
        int depth = 100_000;
        String html = "<html><body><h1>Deep Learning Engineer</h1>" + "<div>".repeat(depth)
                + "<p>Train deep learning models for speech recognition in PyTorch. You will work with research and "
                + "infrastructure teams to ship models that serve millions of users, from the first prototype to "
                + "production monitoring and retraining.</p>" + "</div>".repeat(depth)
                + "</body></html>";
        Files.writeString(deep, html);
        check(deep, new Case("deep.html", 1, "any", "100,000 nested divs", ""), work);
    }

    private static ReadResult check(Path file, Case c, Path work) throws Exception {
        ReadResult r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> PostingSources.withDefaults().read(List.of(file.toString())), c.file() + " is read within 60 s");
        String outcome = c.file() + ": " + r.postings().size() + " postings, rejects " + r.rejected();
        System.out.println("hostile " + outcome);

        for (Rejected rej : r.rejected()) {
            assertThat(rej.reason()).as("a reject names its reason: " + outcome).isNotBlank();
            assertThat(rej.source()).as("a reject names its place: " + outcome).isNotBlank();
        }
        assertThat(r.postings().size()).as("valid postings are kept: " + outcome).isGreaterThanOrEqualTo(c.minPostings());
        if (c.rejects().equals("yes")) {
            assertThat(r.rejected()).as("the bad part is rejected: " + outcome).isNotEmpty();
        } else if (c.rejects().equals("no")) {
            assertThat(r.rejected()).as("nothing to reject: " + outcome).isEmpty();
        }
        if (!r.postings().isEmpty()) {
            classifyAndReport(r.postings(), work);
        }
        for (RawPosting p : r.postings()) {
            assertThat(p.title()).as("title of " + p.id()).isNotBlank();
            assertThat(p.description()).as("description of " + p.id()).isNotBlank();
            for (String field : new String[] {p.title(), p.description(), p.company(), p.location(), p.department()}) {
                if (field != null) {
                    assertThat(field.toLowerCase(Locale.ROOT)).as("markup is cleaned from " + p.id()).doesNotContain("<script");
                }
            }
        }
        return r;
    }

    /** {@code classify} then {@code reporter run --input}, as a user would; then every report file is inspected. */
    private static void classifyAndReport(List<RawPosting> postings, Path work) throws IOException {
        Path raw = work.resolve("raw.jsonl");
        Path tagged = work.resolve("tagged.jsonl");
        Path reports = work.resolve("reports");
        StringBuilder lines = new StringBuilder();
        for (RawPosting p : postings) {
            lines.append(PostingJson.writeLine(p)).append('\n');
        }
        Files.writeString(raw, lines);
        assertThat(RoleradarMain.execute("classify", "--input", raw.toString(), "--output", tagged.toString())).isZero();
        assertThat(Files.readAllLines(tagged).stream().filter(l -> !l.isBlank())).hasSize(postings.size());
        assertThat(RoleradarMain.execute("reporter", "run", "--input", tagged.toString(), "--out", reports.toString()))
                .isZero();
        assertThat(Reports.postingIds(reports)).hasSize(postings.size());

        SoftAssertions soft = new SoftAssertions();
        try (Stream<Path> files = Files.list(reports)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                String text = Files.readString(f);
                soft.assertThat(text.toLowerCase(Locale.ROOT)).as("no <script in " + name).doesNotContain("<script");
                if (name.endsWith(".csv")) {
                    for (CSVRecord row : Reports.rows(f)) {
                        for (String cell : row) {
                            soft.assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0)
                                    .as("%s row %d: a live formula cell %s", name, row.getRecordNumber(), cell).isTrue();
                        }
                    }
                }
            }
        }
        soft.assertAll();
    }

    private static Path corpus() {
        try {
            return Path.of(HostileInputTest.class.getResource("/hostile/cases.tsv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
