package io.roleradar.reporter;

import io.roleradar.cli.ExitCodes;
import io.roleradar.model.PostingJson;
import io.roleradar.reporter.aggregate.Filters;
import io.roleradar.reporter.compare.ReportComparison;
import io.roleradar.reporter.input.Progress;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's check, reporter side: two runs of one board, the second with five postings closed
 * (snapshot-1.jsonl, snapshot-2.jsonl). The figures count the three still open, postings.csv shows
 * the five CLOSED with their closing day, and compare of the two reports says five closed.
 */
class ClosedPostingsTest {
    @TempDir
    Path dir;

    private Path report(String fixture, String name, boolean includeClosed) throws Exception {
        Path out = dir.resolve(name);
        ReportRun.fromFile(Fixtures.path(fixture).toString(),
                new ReportRun.Options(Filters.NONE, includeClosed, null), out,
                Progress.NONE, RunGate.NONE);
        return out;
    }

    private static long sum(Path quadrants) {
        return CsvFiles.read(quadrants).stream().mapToLong(r -> Long.parseLong(r.get("postings"))).sum();
    }

    @Test
    void theFiguresCountTheOpenPostingsAndPostingsCsvShowsTheClosedOnes() throws Exception {
        Path week2 = report(Fixtures.SNAPSHOT_2, "week2", false);

        assertThat(sum(week2.resolve("quadrants.csv"))).isEqualTo(3);
        List<CSVRecord> closed = CsvFiles.read(week2.resolve("postings.csv")).stream()
                .filter(r -> r.get("status").equals("CLOSED")).toList();
        assertThat(closed).extracting(r -> r.get("id")).containsExactly("greenhouse:delta:1", "greenhouse:delta:2",
                "greenhouse:delta:3", "greenhouse:delta:5", "greenhouse:delta:7");
        assertThat(closed).allSatisfy(r -> assertThat(r.get("closed_on")).isEqualTo("2026-11-30"));
        // Posted 2026-11-02, closed 2026-11-30.
        assertThat(CsvFiles.row(week2.resolve("postings.csv"), r -> r.get("id").equals("greenhouse:delta:1"))
                .get("days_open")).isEqualTo("28");
        var manifest = PostingJson.tree(Files.readString(week2.resolve("manifest.json")));
        assertThat(manifest.at("/counting").asText()).isEqualTo("open");
        assertThat(manifest.at("/counts/leftOutClosed").asLong()).isEqualTo(5);
        assertThat(Files.readString(week2.resolve("report.html"))).contains("Counting the postings open at the snapshot.");
    }

    @Test
    void includeClosedCountsEveryPostingEverSeen() throws Exception {
        Path all = report(Fixtures.SNAPSHOT_2, "all", true);

        assertThat(sum(all.resolve("quadrants.csv"))).isEqualTo(8);
        assertThat(PostingJson.tree(Files.readString(all.resolve("manifest.json"))).at("/counting").asText())
                .isEqualTo("all");
        assertThat(Files.readString(all.resolve("report.html"))).contains("Counting every posting ever seen");
    }

    @Test
    void compareOfTheTwoReportsSaysFiveClosed() throws Exception {
        Path week1 = report(Fixtures.SNAPSHOT_1, "week1", false);
        Path week2 = report(Fixtures.SNAPSHOT_2, "week2", false);

        ReportComparison c = ReportComparison.of(week1, week2);

        ReportComparison.Row total = c.row("total", "ALL");
        assertThat(total.closed()).isEqualTo(5);
        assertThat(total.opened()).isZero();
        assertThat(total.oldPostings()).isEqualTo(8);
        assertThat(total.newPostings()).isEqualTo(3);
        // Postings 1, 2, 3 (MODELING_GENERALIST), 5 (INFRA_GENERALIST), 7 (MODELING_SPECIALIST) closed.
        assertThat(c.row("quadrant", "MODELING_GENERALIST").closed()).isEqualTo(3);
        assertThat(c.row("quadrant", "INFRA_GENERALIST").closed()).isEqualTo(1);
        assertThat(c.row("domain", "NLP_LLM").closed()).isEqualTo(2);
        assertThat(c.row("domain", "NONE").closed()).isEqualTo(2); // postings 3 and 5 have no domain
    }

    @Test
    void theCompareCommandWritesCompareCsvAndASummaryOnStandardOutput() throws Exception {
        Path week1 = report(Fixtures.SNAPSHOT_1, "week1", false);
        Path week2 = report(Fixtures.SNAPSHOT_2, "week2", false);
        Path out = dir.resolve("diff");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = ReporterMain.execute("compare", week1.toString(), week2.toString(), "--out-dir", out.toString());
        } finally {
            System.setOut(old);
        }

        assertThat(code).isEqualTo(ExitCodes.OK);
        CSVRecord total = CsvFiles.row(out.resolve("compare.csv"), r -> r.get("dimension").equals("total"));
        assertThat(total.get("closed")).isEqualTo("5");
        assertThat(total.get("postings_change")).isEqualTo("-5");
        assertThat(CsvFiles.header(out.resolve("compare.csv"))).containsExactly("dimension", "value", "old_postings",
                "new_postings", "postings_change", "old_share", "new_share", "share_change", "old_mean_weight",
                "new_mean_weight", "mean_weight_change", "opened", "closed");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("ML roles: 8 -> 3 (-5); ML postings opened 0, closed 5")
                // Counts without signs: "-0 closed" read oddly where a quadrant closed nothing.
                .containsPattern("MODELING_GENERALIST \\d+ -> \\d+ \\(0 opened, 3 closed\\)")
                .doesNotContain("-0 closed").doesNotContain("+0 opened")
                .doesNotContain("note:");
    }

    @Test
    void compareOfReportsMadeWithDifferentFiltersSaysSoInANote() throws Exception {
        // The same board, the second report from 2026-11-09 on: postings 1 and 2 (W45) fall outside it.
        Path all = report(Fixtures.SNAPSHOT_1, "week1", false);
        Path since = dir.resolve("since");
        assertThat(ReporterMain.execute("run", "--input", Fixtures.path(Fixtures.SNAPSHOT_1).toString(), "--out-dir",
                since.toString(), "--since", "2026-11-09", "--company", "Delta")).isEqualTo(ExitCodes.OK);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = ReporterMain.execute("compare", all.toString(), since.toString(), "--out-dir",
                    dir.resolve("diff").toString());
        } finally {
            System.setOut(old);
        }

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("note: the two reports were made with different "
                + "filters (none -> since 2026-11-09, company 'Delta'); a posting within one's filters and not the "
                + "other's counts as opened or closed");
    }

    @Test
    void compareOfAFolderThatIsNoReportIsAUsageError() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Path week1 = report(Fixtures.SNAPSHOT_1, "week1", false);
        assertThat(ReporterMain.execute("compare", week1.toString(), dir.resolve("empty").toString(), "--out-dir",
                dir.resolve("diff").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(dir.resolve("diff")).doesNotExist();
    }

    @Test
    void compareWithAnOutDirUnderAFileIsAUsageError() throws Exception {
        Path week1 = report(Fixtures.SNAPSHOT_1, "week1", false);
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file");
        assertThat(ReporterMain.execute("compare", week1.toString(), week1.toString(), "--out-dir",
                blocker.resolve("diff").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(blocker)).isEqualTo("a file");
    }
}
