package io.roleradar.reporter;

import io.roleradar.cli.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line: help, exit codes, and a run over a file (no broker). */
class ReporterMainTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    @Test
    void printsHelpForTheCommandAndItsSubcommand() {
        assertThat(ReporterMain.execute("--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("run");
        assertThat(ReporterMain.execute("run", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--out-dir").contains("--input").contains("--every")
                .contains("--since").contains("--until").contains("--company").contains("--only-source")
                .contains("--include-closed").contains("--bootstrap-server").contains("ROLERADAR_REPORT_DIR")
                .contains("--log-level").contains("--quiet");
        assertThat(ReporterMain.execute("compare", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("OLD_DIR").contains("NEW_DIR");
    }

    @Test
    void reportsOnAFileAndPrintsWhereTheReportsAreAndASummary() {
        Path reports = dir.resolve("reports");
        int code = ReporterMain.execute("run", "-i", Fixtures.path(Fixtures.BASIC).toString(), "--out-dir", reports.toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(reports.resolve("quadrants.csv")).exists();
        assertThat(reports.resolve("report.html")).exists();
        // The summary is on standard error; standard output is for data, and a report run has none.
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(reports.toAbsolutePath().toString())
                .contains("5 ML roles from 5 ML postings").contains("1 non-ML");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void appliesTheFiltersGivenOnTheCommandLine() throws Exception {
        Path reports = dir.resolve("beta");
        int code = ReporterMain.execute("run", "--input", Fixtures.path(Fixtures.BASIC).toString(), "--out", reports.toString(),
                "--company", "Beta", "--since", "2026-11-01", "--until", "2026-11-30");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(CsvFiles.read(reports.resolve("companies.csv"))).extracting(r -> r.get("company")).containsExactly("Beta");
        assertThat(Files.readString(reports.resolve("manifest.json"))).contains("\"company\" : \"Beta\"");
    }

    @Test
    void goesOnPastUnreadableRecordsAndListsThemInTheManifest() throws Exception {
        Path reports = dir.resolve("r");
        int code = ReporterMain.execute("run", "--input", Fixtures.path(Fixtures.UNREADABLE).toString(), "--out", reports.toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        var manifest = io.roleradar.model.PostingJson.tree(Files.readString(reports.resolve("manifest.json")));
        assertThat(manifest.at("/counts/unreadable").asLong()).isEqualTo(4);
        assertThat(manifest.at("/unreadable/byReason/MALFORMED_JSON").asLong()).isEqualTo(1);
        assertThat(manifest.at("/unreadable/records/0/where").asText()).isEqualTo("tagged-unreadable.jsonl:2");
        assertThat(CsvFiles.read(reports.resolve("postings.csv"))).hasSize(2);
    }

    @Test
    void filtersThatNoPostingPassesAreNothingToReportAndLeaveTheEarlierReportsUntouched() throws Exception {
        Path reports = dir.resolve("none");
        assertThat(ReporterMain.execute("run", "--input", Fixtures.path(Fixtures.BASIC).toString(), "--out-dir",
                reports.toString())).isEqualTo(ExitCodes.OK);
        String before = Files.readString(reports.resolve("quadrants.csv"));
        err.reset();

        assertThat(ReporterMain.execute("run", "--input", Fixtures.path(Fixtures.BASIC).toString(), "--out-dir",
                reports.toString(), "--company", "Nobody")).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("roleradar reporter run: no posting matched the "
                + "filters (company 'Nobody'): the 6 postings read are all outside them; earlier reports untouched"
                + System.lineSeparator());
        assertThat(Files.readString(reports.resolve("quadrants.csv"))).isEqualTo(before);

        err.reset();
        assertThat(ReporterMain.execute("run", "--input", Fixtures.path(Fixtures.BASIC).toString(), "--out-dir",
                reports.toString(), "--since", "2030-01-01")).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no posting matched the filters (since 2030-01-01)")
                .contains("a posting without a date is outside any --since or --until");
        assertThat(Files.readString(reports.resolve("quadrants.csv"))).isEqualTo(before);
    }

    @Test
    void filtersThatOnlyNonMlPostingsPassStillMakeAReport() throws Exception {
        // Gamma's non-ML posting (lever:gamma:2) as Omega's: Omega has postings, none of them an ML role.
        Path input = dir.resolve("omega.jsonl");
        java.util.List<String> lines = new java.util.ArrayList<>(Fixtures.lines(Fixtures.BASIC));
        lines.set(5, lines.get(5).replace("\"company\": \"Gamma\"", "\"company\": \"Omega\""));
        Files.write(input, lines);
        Path reports = dir.resolve("non-ml");
        assertThat(ReporterMain.execute("run", "--input", input.toString(), "--out-dir", reports.toString(),
                "--company", "Omega")).isEqualTo(ExitCodes.OK);
        assertThat(CsvFiles.read(reports.resolve("quadrants.csv"))).allSatisfy(r -> assertThat(r.get("share")).isEqualTo("0.0000"));
        assertThat(CsvFiles.read(reports.resolve("postings.csv"))).hasSize(1);
    }

    @Test
    void failsWhenNoRecordAtAllCanBeRead() throws Exception {
        Path junk = dir.resolve("junk.jsonl");
        Files.writeString(junk, "not json\n{\"also\": \"not a posting\"}\n");
        assertThat(ReporterMain.execute("run", "--input", junk.toString(), "--out-dir", dir.resolve("x").toString()))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void aMissingInputFileIsAUsageError() {
        assertThat(ReporterMain.execute("run", "--input", dir.resolve("nope.jsonl").toString(), "--out", dir.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--input");
    }

    @Test
    void badFlagsAreUsageErrors() {
        assertThat(ReporterMain.execute("run", "--since", "last week", "--input", "x")).isEqualTo(ExitCodes.USAGE);
        assertThat(ReporterMain.execute("run", "--every", "sometimes", "--input", "x")).isEqualTo(ExitCodes.USAGE);
        assertThat(ReporterMain.execute("run", "--no-such-flag")).isEqualTo(ExitCodes.USAGE);
        assertThat(ReporterMain.execute()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aWrongKafkaTimeoutIsAUsageErrorInOneLineNotAFailedRun() {
        assertThat(ReporterMain.execute("run", "--out-dir", dir.resolve("r").toString(), "--kafka-timeout", "zz"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .startsWith("roleradar reporter run: Invalid value for option '--kafka-timeout': 'zz' is not a duration");
    }

    @Test
    void runsOnAScheduleUntilStopped() throws Exception {
        Path reports = dir.resolve("every");
        picocli.CommandLine cli = new picocli.CommandLine(new ReporterMain());
        RunCommand run = cli.getSubcommands().get("run").getCommand();
        java.util.concurrent.CompletableFuture<Integer> code = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                cli.execute("run", "--input", Fixtures.path(Fixtures.BASIC).toString(), "--out", reports.toString(),
                        "--every", "1s"));
        Path manifest = reports.resolve("manifest.json");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        String first = null;
        boolean rewritten = false;
        while (System.nanoTime() < deadline && !rewritten) {
            if (Files.exists(manifest)) {
                String now = PostingJsonTree.generatedAt(manifest);
                if (first == null) {
                    first = now;
                } else {
                    rewritten = !now.equals(first);
                }
            }
            Thread.sleep(50); // polling the file, bounded by the deadline
        }
        run.requestStop(ExitCodes.INTERRUPTED);
        assertThat(rewritten).as("a second scheduled run rewrote the manifest within 30 s").isTrue();
        assertThat(code.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(ExitCodes.INTERRUPTED);
    }

    /** Reads generatedAt, tolerating a file being replaced while read. */
    private static final class PostingJsonTree {
        static String generatedAt(Path manifest) {
            try {
                return io.roleradar.model.PostingJson.tree(Files.readString(manifest)).at("/generatedAt").asText();
            } catch (Exception e) {
                return "";
            }
        }
    }

    @Test
    void anUnreachableBrokerExitsWithKafkaUnavailableFastInOneLineNamingTheWaysOut() {
        long start = System.nanoTime();
        int code = ReporterMain.execute("run", "--out-dir", dir.resolve("r").toString(), "--bootstrap-server", "127.0.0.1:1");
        long took = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

        assertThat(code).isEqualTo(ExitCodes.KAFKA_UNAVAILABLE);
        assertThat(took).as("seconds to give up").isLessThan(15);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message.lines()).hasSize(1);
        assertThat(message).startsWith("roleradar reporter run: cannot reach Kafka at 127.0.0.1:1")
                .contains("./roleradar broker").contains("--input tagged.jsonl to report from a file")
                .doesNotContain("Exception");
        assertThat(dir.resolve("r")).doesNotExist();
    }
}
