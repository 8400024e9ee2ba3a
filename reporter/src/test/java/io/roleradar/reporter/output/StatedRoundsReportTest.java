package io.roleradar.reporter.output;

import io.roleradar.model.PostingJson;
import io.roleradar.reporter.CsvFiles;
import io.roleradar.reporter.Fixtures;
import io.roleradar.reporter.ReportRun;
import io.roleradar.reporter.RunGate;
import io.roleradar.reporter.aggregate.Filters;
import io.roleradar.reporter.input.Progress;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** stated_rounds.csv, the manifest's share and report.html's table, from tagged-process.jsonl (numbers in StatedRoundsTest). */
class StatedRoundsReportTest {
    @TempDir
    static Path out;

    @BeforeAll
    static void writeReports() throws Exception {
        ReportRun.fromFile(Fixtures.path(Fixtures.PROCESS).toString(),
                new ReportRun.Options(Filters.NONE, false, null), out, Progress.NONE, RunGate.NONE);
    }

    private static CSVRecord row(String scope, String group, String round) {
        return CsvFiles.row(out.resolve("stated_rounds.csv"),
                r -> r.get("scope").equals(scope) && r.get("group").equals(group) && r.get("round").equals(round));
    }

    @Test
    void statedRoundsCsvHasOneRowPerGroupAndRound() {
        Path f = out.resolve("stated_rounds.csv");
        assertThat(CsvFiles.header(f)).containsExactly("scope", "group", "round", "postings", "describing_process",
                "process_share", "stating_round", "stated_share");
        assertThat(CsvFiles.read(f)).hasSize((1 + 4 + 5) * 4); // overall, quadrants, levels; four rounds each
    }

    @Test
    void statedRoundsCsvGivesTheOverallFigures() {
        CSVRecord coding = row("overall", "ALL", "ML_CODING");
        assertThat(coding.get("postings")).isEqualTo("6");
        assertThat(coding.get("describing_process")).isEqualTo("4");
        assertThat(coding.get("process_share")).isEqualTo("0.6667");
        assertThat(coding.get("stating_round")).isEqualTo("2");
        assertThat(coding.get("stated_share")).isEqualTo("0.5000");
        assertThat(row("overall", "ALL", "ML_FUNDAMENTALS").get("stating_round")).isEqualTo("0");
    }

    @Test
    void statedRoundsCsvGivesTheFiguresPerQuadrantAndLevel() {
        CSVRecord ms = row("quadrant", "MODELING_SPECIALIST", "ML_SYSTEM_DESIGN");
        assertThat(ms.get("postings")).isEqualTo("3");
        assertThat(ms.get("describing_process")).isEqualTo("2");
        assertThat(ms.get("stated_share")).isEqualTo("0.5000");
        CSVRecord staff = row("level", "STAFF_PLUS", "ML_CODING");
        assertThat(staff.get("postings")).isEqualTo("1");
        assertThat(staff.get("describing_process")).isEqualTo("0");
        assertThat(staff.get("process_share")).isEqualTo("0.0000");
        assertThat(staff.get("stated_share")).isEqualTo("0.0000");
        assertThat(row("level", "MID", "ML_CASE_STUDY").get("stated_share")).isEqualTo("0.5000");
    }

    @Test
    void theManifestGivesTheShareOfPostingsThatDescribeTheirProcess() throws Exception {
        var manifest = PostingJson.tree(Files.readString(out.resolve("manifest.json")));
        assertThat(manifest.at("/hiringProcess/mlRoles").asLong()).isEqualTo(6);
        assertThat(manifest.at("/hiringProcess/describingProcess").asLong()).isEqualTo(4);
        assertThat(manifest.at("/hiringProcess/shareDescribingProcess").asDouble()).isEqualTo(0.6667);
        assertThat(manifest.at("/files").toString()).contains("stated_rounds.csv");
    }

    @Test
    void theManifestsHiringProcessFiguresCountRolesAndAreNamedSo(@TempDir Path dir) throws Exception {
        // Five ML postings, three of them one role of Orbit: three roles.
        ReportRun.fromFile(Fixtures.path(Fixtures.NEAR_DUPLICATES).toString(),
                new ReportRun.Options(Filters.NONE, false, null), dir, Progress.NONE, RunGate.NONE);
        var manifest = PostingJson.tree(Files.readString(dir.resolve("manifest.json")));
        assertThat(manifest.at("/nearDuplicates/mlPostings").asLong()).isEqualTo(5);
        assertThat(manifest.at("/hiringProcess/mlRoles").asLong()).isEqualTo(3)
                .isEqualTo(manifest.at("/counts/mlRolesCounted").asLong());
        assertThat(manifest.at("/hiringProcess").has("mlPostings")).as("no key that says postings and counts roles")
                .isFalse();
    }

    @Test
    void reportHtmlShowsTheStatedRoundsApartFromTheInferredDemand() throws Exception {
        String html = Files.readString(out.resolve(HtmlReport.FILE), StandardCharsets.UTF_8);
        String section = html.substring(html.indexOf("<section id=\"stated\">"));
        section = section.substring(0, section.indexOf("</section>"));
        assertThat(section).contains("4 of 6 ML postings (67%) describe their hiring process");
        // The overall row: 6 postings, 4 describing, then fundamentals 0, case study 1, system design 1, coding 2.
        assertThat(section).contains("<tr><td>All ML postings</td><td class=\"num\">6</td><td class=\"num\">4 (67%)</td>"
                + "<td class=\"num\">0 (0%)</td><td class=\"num\">1 (25%)</td><td class=\"num\">1 (25%)</td>"
                + "<td class=\"num\">2 (50%)</td></tr>");
        assertThat(section).contains("<td>Level: Staff+</td>");
        assertThat(html.indexOf("<section id=\"stated\">")).isGreaterThan(html.indexOf("<section id=\"rounds\">"));
    }
}
