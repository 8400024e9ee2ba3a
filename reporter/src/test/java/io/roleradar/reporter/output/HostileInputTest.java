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
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Titles and companies carrying markup and formulas (tagged-hostile.jsonl) come out inert: as text
 * with a leading quote in every CSV, and escaped in the HTML.
 */
class HostileInputTest {
    @TempDir
    static Path out;

    @BeforeAll
    static void writeReports() throws Exception {
        ReportRun.fromFile(Fixtures.path(Fixtures.HOSTILE).toString(),
                new ReportRun.Options(Filters.NONE, false, null), out, Progress.NONE, RunGate.NONE);
    }

    @Test
    void noCellOfAnyCsvStartsAFormula() {
        for (String name : CsvReports.FILES) {
            for (CSVRecord row : CsvFiles.read(out.resolve(name))) {
                for (String cell : row) {
                    assertThat(cell).as(name + " line " + row.getRecordNumber()).doesNotStartWith("=")
                            .doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")
                            .doesNotStartWith("\t").doesNotStartWith("\r");
                }
            }
        }
    }

    @Test
    void formulasInTitlesAndCompaniesKeepTheirTextBehindAQuote() {
        Map<String, CSVRecord> byId = CsvFiles.read(out.resolve("postings.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("id"), r -> r));
        assertThat(byId.get("csv:hostile:1").get("company")).isEqualTo("'=HYPERLINK(\"http://evil.example/steal\",\"Click me\")");
        assertThat(byId.get("csv:hostile:1").get("title")).isEqualTo("<script>alert('x')</script> ML Engineer");
        assertThat(byId.get("csv:hostile:2").get("title")).isEqualTo("'@SUM(1+1)*cmd|' /C calc'!A0");
        assertThat(byId.get("csv:hostile:2").get("company")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(byId.get("csv:hostile:3").get("title")).isEqualTo("'-2+3 Research Scientist");
        assertThat(byId.get("csv:hostile:4").get("title")).isEqualTo("'\tTabbed ML Engineer");
        List<String> companies = CsvFiles.read(out.resolve("companies.csv")).stream().map(r -> r.get("company")).toList();
        assertThat(companies).contains("'=HYPERLINK(\"http://evil.example/steal\",\"Click me\")", "'+cmd|' /C calc'!A0");
    }

    @Test
    void markupInTheHtmlComesOutAsEscapedText() throws Exception {
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; ML Engineer");
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(html).contains("=HYPERLINK(&quot;http://evil.example/steal&quot;,&quot;Click me&quot;)");
    }

    @Test
    void theHtmlFetchesNothing() throws Exception {
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        // No element may load anything: no src attributes, no href but a link's to an http(s) page
        // (a link is followed only when clicked), no url() in the CSS, no @import.
        assertThat(html).doesNotContainPattern("<[a-zA-Z][^>]*\\ssrc\\s*=");
        assertThat(html).doesNotContainPattern("<(?!a\\s)[a-zA-Z][^>]*\\shref\\s*=");
        assertThat(html).doesNotContainPattern("\\shref\\s*=\\s*\"(?!https?://)");
        assertThat(html).doesNotContain("url(").doesNotContain("@import");
        // A javascript: URL from the web is never a link; a quote in a URL cannot end the attribute.
        assertThat(html).doesNotContainIgnoringCase("javascript:");
        assertThat(html).contains("href=\"https://jobs.example.com/csv/hostile/3&quot;&gt;&lt;script&gt;");
        assertThat(html).contains("<style>").contains("<svg");
    }
}
