package io.roleradar.reporter.output;

import io.roleradar.model.PostingJson;
import io.roleradar.reporter.CsvFiles;
import io.roleradar.reporter.Fixtures;
import io.roleradar.reporter.ReportRun;
import io.roleradar.reporter.RunGate;
import io.roleradar.reporter.aggregate.Filters;
import io.roleradar.reporter.input.Progress;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pay.csv, work_modes.csv, locations.csv and changes.csv over snapshot-1.jsonl (eight open ML
 * postings of Delta) and snapshot-2.jsonl (five of them closed). The numbers follow by hand from
 * the fixtures, as the comments say.
 */
class MarketFilesTest {
    @TempDir
    Path dir;

    private Path report(String fixture) throws Exception {
        Path out = dir.resolve(fixture);
        ReportRun.fromFile(Fixtures.path(fixture).toString(),
                new ReportRun.Options(Filters.NONE, false, null), out, Progress.NONE, RunGate.NONE);
        return out;
    }

    private static CSVRecord row(Path file, Predicate<CSVRecord> which) {
        return CsvFiles.row(file, which);
    }

    @Test
    void payCsvGivesTheQuartilesOfTheAnnualisedMidpointsPerCurrency() throws Exception {
        Path out = report(Fixtures.SNAPSHOT_1);
        Path pay = out.resolve("pay.csv");
        assertThat(CsvFiles.header(pay)).containsExactly("scope", "group", "currency", "postings", "stating_pay",
                "share_stating_pay", "p25_annual", "median_annual", "p75_annual");
        // USD midpoints counted: 175,000 (1), 120,000 (2), 90 x 2,080 = 187,200 (5); 6 (zero) and 8 (175 a year) are not.
        CSVRecord usd = row(pay, r -> r.get("scope").equals("overall") && r.get("currency").equals("USD"));
        assertThat(usd.get("postings")).isEqualTo("8");
        assertThat(usd.get("stating_pay")).isEqualTo("3");
        assertThat(usd.get("share_stating_pay")).isEqualTo("0.3750");
        assertThat(usd.get("p25_annual")).isEqualTo("147500");
        assertThat(usd.get("median_annual")).isEqualTo("175000");
        assertThat(usd.get("p75_annual")).isEqualTo("181100");
        // EUR: 80,000 (3) and 5,500 x 12 = 66,000 (7).
        CSVRecord eur = row(pay, r -> r.get("scope").equals("overall") && r.get("currency").equals("EUR"));
        assertThat(eur.get("median_annual")).isEqualTo("73000");
        CSVRecord seniorUsd = row(pay, r -> r.get("scope").equals("level") && r.get("group").equals("SENIOR")
                && r.get("currency").equals("USD"));
        assertThat(seniorUsd.get("stating_pay")).isEqualTo("3"); // 1, 2 and 5; 8 is implausible
        CSVRecord cvEur = row(pay, r -> r.get("group").equals("COMPUTER_VISION") && r.get("currency").equals("EUR"));
        assertThat(cvEur.get("stating_pay")).isEqualTo("0");
        assertThat(cvEur.get("median_annual")).isEmpty();

        var manifest = PostingJson.tree(Files.readString(out.resolve("manifest.json")));
        assertThat(manifest.at("/pay/implausibleNotCounted").asLong()).isEqualTo(2);
        assertThat(manifest.at("/pay/rolesStatingPay").asLong()).isEqualTo(5);
        // Raw values stay in postings.csv, the annual midpoint only where it counts.
        CSVRecord p8 = row(out.resolve("postings.csv"), r -> r.get("id").equals("greenhouse:delta:8"));
        assertThat(p8.get("salary_min")).isEqualTo("150");
        assertThat(p8.get("salary_annual_mid")).isEmpty();
        CSVRecord p5 = row(out.resolve("postings.csv"), r -> r.get("id").equals("greenhouse:delta:5"));
        assertThat(p5.get("salary_period")).isEqualTo("HOUR");
        assertThat(p5.get("salary_annual_mid")).isEqualTo("187200");
        assertThat(p5.get("remote")).isEqualTo("REMOTE");
        assertThat(p5.get("country")).isEqualTo("US");
        assertThat(p5.get("city")).isEqualTo("San Francisco");
    }

    @Test
    void aRangeWithMinAboveMaxIsKeptRawCountedAsImplausibleAndLeftOutOfPayCsv() throws Exception {
        Path out = dir.resolve("reversed");
        Path file = dir.resolve("reversed.jsonl");
        // Posting 1 as its source might state it, the wrong way round: 200,000 - 150,000 USD a year.
        java.util.List<String> lines = new java.util.ArrayList<>(Fixtures.lines(Fixtures.SNAPSHOT_1));
        String reversed = lines.get(0).replace("\"salary\": {\"min\": 150000, \"max\": 200000",
                "\"salary\": {\"min\": 200000, \"max\": 150000");
        assertThat(reversed).isNotEqualTo(lines.get(0));
        lines.set(0, reversed);
        Files.write(file, lines);
        ReportRun.fromFile(file.toString(), new ReportRun.Options(Filters.NONE, false, null), out,
                Progress.NONE, RunGate.NONE);

        var manifest = PostingJson.tree(Files.readString(out.resolve("manifest.json")));
        assertThat(manifest.at("/pay/implausibleNotCounted").asLong()).isEqualTo(3); // 1, 6 (zero) and 8 (175 a year)
        // USD midpoints counted: 120,000 (2) and 187,200 (5) only.
        CSVRecord usd = row(out.resolve("pay.csv"), r -> r.get("scope").equals("overall") && r.get("currency").equals("USD"));
        assertThat(usd.get("postings")).isEqualTo("8");
        assertThat(usd.get("stating_pay")).isEqualTo("2");
        assertThat(usd.get("median_annual")).isEqualTo("153600");
        CSVRecord p1 = row(out.resolve("postings.csv"), r -> r.get("id").equals("greenhouse:delta:1"));
        assertThat(p1.get("salary_min")).isEqualTo("200000");
        assertThat(p1.get("salary_max")).isEqualTo("150000");
        assertThat(p1.get("salary_annual_mid")).isEmpty();
    }

    @Test
    void boundsBeyondTheRangeOfADoubleAreImplausibleAndLeaveTheirCellsEmpty() throws Exception {
        Path out = dir.resolve("huge");
        Path file = dir.resolve("huge.jsonl");
        // A hostile producer's bounds: min over max, and both beyond double range (read as infinities).
        java.util.List<String> lines = new java.util.ArrayList<>(Fixtures.lines(Fixtures.SNAPSHOT_1));
        lines.set(0, lines.get(0).replace("\"salary\": {\"min\": 150000, \"max\": 200000",
                "\"salary\": {\"min\": 1e400, \"max\": -1e400"));
        lines.set(1, lines.get(1).replace("\"salary\": {\"min\": 100000, \"max\": 140000",
                "\"salary\": {\"min\": 1e400, \"max\": 2e400"));
        Files.write(file, lines);
        ReportRun.fromFile(file.toString(), new ReportRun.Options(Filters.NONE, false, null), out,
                Progress.NONE, RunGate.NONE);

        assertThat(PostingJson.tree(Files.readString(out.resolve("manifest.json"))).at("/pay/implausibleNotCounted")
                .asLong()).isEqualTo(4); // 1, 2, 6 (zero) and 8 (175 a year)
        CSVRecord usd = row(out.resolve("pay.csv"), r -> r.get("scope").equals("overall") && r.get("currency").equals("USD"));
        assertThat(usd.get("stating_pay")).isEqualTo("1");
        assertThat(usd.get("median_annual")).isEqualTo("187200");
        for (String id : java.util.List.of("greenhouse:delta:1", "greenhouse:delta:2")) {
            CSVRecord p = row(out.resolve("postings.csv"), r -> r.get("id").equals(id));
            assertThat(p.get("salary_min") + p.get("salary_max") + p.get("salary_annual_mid")).isEmpty();
            assertThat(p.get("salary_currency")).isEqualTo("USD");
        }
    }

    @Test
    void workModesCsvCountsEachModePerQuadrant() throws Exception {
        Path modes = report(Fixtures.SNAPSHOT_1).resolve("work_modes.csv");
        // REMOTE 1, 5, 6; HYBRID 2, 7; ONSITE 3, 8; UNKNOWN 4.
        assertThat(row(modes, r -> r.get("quadrant").equals("ALL") && r.get("mode").equals("REMOTE")).get("postings")).isEqualTo("3");
        assertThat(row(modes, r -> r.get("quadrant").equals("ALL") && r.get("mode").equals("UNKNOWN")).get("share")).isEqualTo("0.1250");
        assertThat(row(modes, r -> r.get("quadrant").equals("INFRA_GENERALIST") && r.get("mode").equals("REMOTE"))
                .get("share")).isEqualTo("1.0000");
    }

    @Test
    void locationsCsvCountsCountriesAndTheirTopCities() throws Exception {
        Path loc = report(Fixtures.SNAPSHOT_1).resolve("locations.csv");
        // US: 1 (San Francisco), 2 (New York), 5 (San Francisco), 8 (no city); DE: 3, 7 (Berlin); GB: 6; unknown: 4.
        assertThat(row(loc, r -> r.get("quadrant").equals("ALL") && r.get("country").equals("US") && r.get("city").equals("ALL"))
                .get("postings")).isEqualTo("4");
        assertThat(row(loc, r -> r.get("quadrant").equals("ALL") && r.get("city").equals("San Francisco")).get("postings"))
                .isEqualTo("2");
        assertThat(row(loc, r -> r.get("quadrant").equals("ALL") && r.get("country").equals("UNKNOWN")).get("share"))
                .isEqualTo("0.1250");
    }

    @Test
    void changesCsvGivesNewClosedAndOpenPostingsPerWeek() throws Exception {
        Path changes = report(Fixtures.SNAPSHOT_2).resolve("changes.csv");
        // New: W45 1, 2; W46 3 (first seen 11-09, undated), 4; W47 5, 6, 7, 8. Closed: 1, 2, 3, 5, 7 in W49.
        Predicate<CSVRecord> total = r -> r.get("dimension").equals("total");
        assertThat(CsvFiles.read(changes).stream().filter(total)
                .map(r -> r.get("week") + " " + r.get("new") + " " + r.get("closed") + " " + r.get("open_at_week_end")))
                .containsExactly("2026-W45 2 0 2", "2026-W46 2 0 4", "2026-W47 4 0 8", "2026-W48 0 0 8", "2026-W49 0 5 3");
        assertThat(row(changes, r -> r.get("week").equals("2026-W49") && r.get("value").equals("MODELING_GENERALIST"))
                .get("closed")).isEqualTo("3");
    }

    @Test
    void anUndatedPostingOfAStaticFileHasTheWeekUnknownNeverTheFetchWeek() throws Exception {
        Path out = dir.resolve("static");
        Path file = dir.resolve("glassdoor.jsonl");
        // The same posting as from a CSV export: no postedAt, no live board to date it.
        String line = Fixtures.lines(Fixtures.SNAPSHOT_1).get(2).replace("\"source\": \"greenhouse:delta\"",
                "\"source\": \"csv:glassdoor_jobs\"");
        Files.writeString(file, line + "\n");
        ReportRun.fromFile(file.toString(), new ReportRun.Options(Filters.NONE, false, null), out,
                Progress.NONE, RunGate.NONE);

        assertThat(CsvFiles.read(out.resolve("postings.csv")).get(0).get("week")).isEqualTo("unknown");
        assertThat(CsvFiles.read(out.resolve("trends.csv"))).isEmpty();
        assertThat(PostingJson.tree(Files.readString(out.resolve("manifest.json"))).at("/counts/mlRolesWithoutDate")
                .asLong()).isEqualTo(1);
    }

    @Test
    void theTimeChartsOfTheHtmlSayHowManyRolesTheyLeaveOutForWantOfADateAndTheRuleTheyDateBy() throws Exception {
        Path out = dir.resolve("undated");
        Path file = dir.resolve("mixed.jsonl");
        // Delta's eight ML postings, posting 3 (no postedAt) as from a CSV export: it has no date, the other seven do.
        java.util.List<String> lines = new java.util.ArrayList<>(Fixtures.lines(Fixtures.SNAPSHOT_1));
        lines.set(2, lines.get(2).replace("\"source\": \"greenhouse:delta\"", "\"source\": \"csv:glassdoor_jobs\""));
        Files.write(file, lines);
        ReportRun.fromFile(file.toString(), new ReportRun.Options(Filters.NONE, false, null), out,
                Progress.NONE, RunGate.NONE);

        String html = Files.readString(out.resolve("report.html"));
        String trend = html.substring(html.indexOf("id=\"trend\""));
        String openTrend = html.substring(html.indexOf("id=\"open-trend\""), html.indexOf("id=\"trend\""));
        assertThat(trend).contains("1 ML role without a date is not in this chart.")
                .contains("the day of the ingest run that first saw it").doesNotContain("the day it was fetched");
        assertThat(openTrend).contains("1 ML role without a date is not in these charts.");
        assertThat(html).contains("8 ML roles counted");

        // All dated: nothing to say.
        String dated = Files.readString(report(Fixtures.SNAPSHOT_1).resolve("report.html"));
        assertThat(dated).doesNotContain("without a date");
    }

    @Test
    void theHtmlTitlesItsChangesByTheWeekTheyShowAndSaysWhatItCountsOnce() throws Exception {
        // Snapshot 2's last events are the five closings of 2026-W49; its report is made on another day.
        String html = Files.readString(report(Fixtures.SNAPSHOT_2).resolve("report.html"));
        assertThat(html).contains("<h2>Latest week with changes: 2026-W49</h2>")
                .doesNotContain("since the previous week");
        assertThat(html.split("ounting the postings open at the snapshot", -1)).as("the counting said once").hasSize(2);
    }

    @Test
    void theHtmlShowsTheNewSections() throws Exception {
        String html = Files.readString(report(Fixtures.SNAPSHOT_2).resolve("report.html"));
        assertThat(html).contains("id=\"changes\"").contains("id=\"pay\"").contains("id=\"workmodes\"")
                .contains("id=\"countries\"").contains("id=\"open-trend\"").contains("No domain")
                .contains("<polyline").contains("href=\"https://jobs.example.com/greenhouse/delta/");
    }
}
