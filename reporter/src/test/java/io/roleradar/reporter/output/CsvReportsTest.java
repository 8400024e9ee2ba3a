package io.roleradar.reporter.output;

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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSVs of tagged-basic.jsonl, checked against numbers worked out by hand. */
class CsvReportsTest {
    @TempDir
    static Path out;

    @BeforeAll
    static void writeReports() throws Exception {
        ReportRun.fromFile(Fixtures.path(Fixtures.BASIC).toString(),
                new ReportRun.Options(Filters.NONE, false, null), out, Progress.NONE, RunGate.NONE);
    }

    @Test
    void writesEveryReportWithAHeaderRowInRfc4180() throws Exception {
        for (String name : CsvReports.FILES) {
            Path file = out.resolve(name);
            assertThat(file).exists();
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).as(name).contains("\r\n"); // RFC 4180 line breaks
            if (!name.equals("pay.csv")) { // the fixture states no pay: pay.csv is tested in MarketFilesTest
                assertThat(CsvFiles.read(file)).as(name).isNotEmpty();
            }
        }
        assertThat(out.resolve("report.html")).exists();
        assertThat(out.resolve("manifest.json")).exists();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void quadrantsHaveCountsAndShares() {
        Path f = out.resolve("quadrants.csv");
        assertThat(CsvFiles.header(f)).containsExactly("quadrant", "responsibility", "specialization", "postings", "share");
        CSVRecord ms = CsvFiles.row(f, r -> r.get("quadrant").equals("MODELING_SPECIALIST"));
        assertThat(ms.get("postings")).isEqualTo("2");
        assertThat(ms.get("share")).isEqualTo("0.4000");
        assertThat(CsvFiles.read(f)).hasSize(4);
    }

    @Test
    void domainsAreGivenOverallAndPerQuadrantWithTheNoDomainRow() {
        Path f = out.resolve("domains.csv");
        assertThat(CsvFiles.read(f)).hasSize(5 * 9);
        CSVRecord nlp = CsvFiles.row(f, r -> r.get("quadrant").equals("ALL") && r.get("domain").equals("NLP_LLM"));
        assertThat(nlp.get("postings")).isEqualTo("1");
        assertThat(nlp.get("quadrant_postings")).isEqualTo("5");
        assertThat(nlp.get("share")).isEqualTo("0.2000");
        CSVRecord msNlp = CsvFiles.row(f, r -> r.get("quadrant").equals("MODELING_SPECIALIST") && r.get("domain").equals("NLP_LLM"));
        assertThat(msNlp.get("share")).isEqualTo("0.5000");
        CSVRecord none = CsvFiles.row(f, r -> r.get("quadrant").equals("INFRA_GENERALIST") && r.get("domain").equals("NONE"));
        assertThat(none.get("postings")).isEqualTo("1");
    }

    @Test
    void roundsGiveWeightedDemandMeanAndShareOverallPerQuadrantAndPerLevel() {
        Path f = out.resolve("rounds.csv");
        assertThat(CsvFiles.read(f)).hasSize((1 + 4 + 5) * 4);
        CSVRecord cs = CsvFiles.row(f, r -> r.get("scope").equals("overall") && r.get("round").equals("ML_CASE_STUDY"));
        assertThat(cs.get("group")).isEqualTo("ALL");
        assertThat(cs.get("weighted_demand")).isEqualTo("3.1000");
        assertThat(cs.get("mean_weight")).isEqualTo("0.6200");
        assertThat(cs.get("share")).isEqualTo("0.2296"); // 3.1 / 13.5
        CSVRecord staffSd = CsvFiles.row(f, r -> r.get("scope").equals("level") && r.get("group").equals("STAFF_PLUS")
                && r.get("round").equals("ML_SYSTEM_DESIGN"));
        assertThat(staffSd.get("postings")).isEqualTo("2");
        assertThat(staffSd.get("weighted_demand")).isEqualTo("1.6000");
        CSVRecord unknown = CsvFiles.row(f, r -> r.get("group").equals("UNKNOWN") && r.get("round").equals("ML_CODING"));
        assertThat(unknown.get("postings")).isEqualTo("0");
        assertThat(unknown.get("share")).isEqualTo("0.0000");
    }

    @Test
    void domainRoundsIsTheDomainByRoundMatrix() {
        Path f = out.resolve("domain_rounds.csv");
        assertThat(CsvFiles.read(f)).hasSize(8 * 4);
        CSVRecord fc = CsvFiles.row(f, r -> r.get("domain").equals("FORECASTING") && r.get("round").equals("ML_CODING"));
        assertThat(fc.get("postings")).isEqualTo("1");
        assertThat(fc.get("weighted_demand")).isEqualTo("0.6000");
        assertThat(fc.get("share")).isEqualTo("0.3000"); // 0.6 / (1 + .2 + .2 + .6)
    }

    @Test
    void levelsAreGivenOverallAndPerQuadrant() {
        Path f = out.resolve("levels.csv");
        CSVRecord staff = CsvFiles.row(f, r -> r.get("quadrant").equals("ALL") && r.get("level").equals("STAFF_PLUS"));
        assertThat(staff.get("postings")).isEqualTo("2");
        assertThat(staff.get("share")).isEqualTo("0.4000");
        CSVRecord igMid = CsvFiles.row(f, r -> r.get("quadrant").equals("INFRA_GENERALIST") && r.get("level").equals("MID"));
        assertThat(igMid.get("share")).isEqualTo("1.0000");
    }

    @Test
    void companiesHaveTheirQuadrantMixAndTopDomains() {
        List<CSVRecord> rows = CsvFiles.read(out.resolve("companies.csv"));
        assertThat(rows).extracting(r -> r.get("company")).containsExactly("Acme", "Beta", "Gamma");
        CSVRecord beta = rows.get(1);
        assertThat(beta.get("postings")).isEqualTo("2");
        assertThat(beta.get("modeling_generalist")).isEqualTo("1");
        assertThat(beta.get("modeling_specialist")).isEqualTo("1");
        assertThat(beta.get("top_domains")).isEqualTo("NLP_LLM:1;SPEECH_AUDIO:1;FORECASTING:1");
        assertThat(rows.get(2).get("postings")).isEqualTo("1"); // the recruiter is not an ML posting
    }

    @Test
    void trendsArePerIsoWeekInLongFormat() {
        Path f = out.resolve("trends.csv");
        assertThat(CsvFiles.read(f)).hasSize(3 * (1 + 4 + 8));
        CSVRecord w46 = CsvFiles.row(f, r -> r.get("week").equals("2026-W46") && r.get("dimension").equals("total"));
        assertThat(w46.get("week_start")).isEqualTo("2026-11-09");
        assertThat(w46.get("postings")).isEqualTo("2");
        CSVRecord w46f = CsvFiles.row(f, r -> r.get("week").equals("2026-W46") && r.get("value").equals("FORECASTING"));
        assertThat(w46f.get("postings")).isEqualTo("1");
    }

    @Test
    void postingsHaveOneRowPerPostingWithItsLatestTags() {
        List<CSVRecord> rows = CsvFiles.read(out.resolve("postings.csv"));
        assertThat(rows).extracting(r -> r.get("id")).containsExactly("ashby:beta:1", "ashby:beta:2",
                "greenhouse:acme:1", "greenhouse:acme:2", "lever:gamma:1", "lever:gamma:2");
        CSVRecord acme1 = rows.get(2);
        assertThat(acme1.get("title")).isEqualTo("Staff ML Engineer, Search Ranking");
        assertThat(acme1.get("level")).isEqualTo("STAFF_PLUS");
        assertThat(acme1.get("ml_case_study")).isEqualTo("0.9000");
        CSVRecord beta1 = rows.get(0);
        assertThat(beta1.get("domains")).isEqualTo("NLP_LLM;SPEECH_AUDIO");
        assertThat(beta1.get("top_domain")).isEqualTo("NLP_LLM");
        CSVRecord beta2 = rows.get(1);
        assertThat(beta2.get("posted_at")).isEmpty();
        assertThat(beta2.get("week")).isEqualTo("2026-W46");
        CSVRecord recruiter = rows.get(5);
        assertThat(recruiter.get("ml_role")).isEqualTo("false");
        assertThat(recruiter.get("quadrant")).isEmpty();
        assertThat(recruiter.get("ml_fundamentals")).isEmpty();
    }

    @Test
    void manifestTiesTheReportToItsInput() throws Exception {
        var manifest = io.roleradar.model.PostingJson.tree(Files.readString(out.resolve("manifest.json")));
        assertThat(manifest.at("/input/kind").asText()).isEqualTo("file");
        assertThat(manifest.at("/input/path").asText()).endsWith(Fixtures.BASIC);
        assertThat(manifest.at("/counts/records").asLong()).isEqualTo(7);
        assertThat(manifest.at("/counts/mlPostingsCounted").asLong()).isEqualTo(5);
        assertThat(manifest.at("/counts/leftOutNotMl").asLong()).isEqualTo(1);
        assertThat(manifest.at("/taxonomyVersions/2026.11-test").asLong()).isEqualTo(7);
        assertThat(manifest.at("/generatedAt").asText()).isNotBlank();
    }
}
