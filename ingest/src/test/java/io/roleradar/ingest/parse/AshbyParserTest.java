package io.roleradar.ingest.parse;

import io.roleradar.ingest.source.Document;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.model.Salary;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AshbyParserTest {
    private static final String JOB = "{\"id\":\"%s\",\"title\":\"ML Engineer\",\"jobUrl\":\"https://jobs.ashbyhq.com/acme/%s\","
            + "\"workplaceType\":\"OnSite\",\"descriptionHtml\":%s,\"descriptionPlain\":%s,"
            + "\"compensation\":{\"summaryComponents\":[{\"compensationType\":\"Salary\",\"minValue\":100000,"
            + "\"maxValue\":150000,\"currencyCode\":\"USD\",\"interval\":\"1 YEAR\"}]}}";

    private static String job(String id, String html, String plain) {
        return String.format(JOB, id, id, html, plain);
    }

    private static List<ParseResult> parse(String json) {
        Document doc = new Document("acme.json", null, "acme", null, json.getBytes(StandardCharsets.UTF_8), null, Instant.EPOCH);
        return new DocumentParser(CsvColumns.defaults()).parse(doc).results();
    }

    private static String description(ParseResult result) {
        return ((Parsed) result).posting().description();
    }

    @Test
    void theHtmlDescriptionIsTheTextAndABlankOneFallsBackToThePlainDescription() {
        List<ParseResult> results = parse("{\"jobs\":["
                + job("1", "\"<p>Train <b>models</b>; we work hybrid, two days a week in the office.</p><ul><li>PyTorch</li></ul>\"",
                "\"ignored\"")
                + "," + job("2", "\"  \"", "\"Plain text\\n\\nsecond paragraph\"")
                + "," + job("3", "null", "\"Only plain\"")
                + ",42"
                + "," + job("4", "\"<p></p>\"", "\"not used: the HTML was not blank\"")
                + "],\"apiVersion\":\"1\"}");

        assertThat(results).hasSize(5);
        assertThat(description(results.get(0)))
                .isEqualTo("Train models; we work hybrid, two days a week in the office.\n\n- PyTorch");
        assertThat(((Parsed) results.get(0)).posting().id()).isEqualTo("ashby:acme:1");
        assertThat(description(results.get(1))).isEqualTo("Plain text\n\nsecond paragraph");
        assertThat(description(results.get(2))).isEqualTo("Only plain");
        assertThat(((Rejected) results.get(3)).kind()).isEqualTo(Rejected.MALFORMED_JSON);
        assertThat(((Rejected) results.get(4)).kind()).isEqualTo(Rejected.EMPTY_DESCRIPTION);
    }

    @Test
    void markupWrittenAsJsonEscapesPreformattedTextAndTypographyReadAsWritten() {
        List<ParseResult> results = parse("\uFEFF{\"jobs\":["
                + job("1", "\"\\u003cp\\u003eTrain \\u003cb\\u003emodels\\u003c/b\\u003e\\u003c/p\\u003e\"", "\"x\"")
                + "," + job("2", "\"<pre>  x = 1\\n  y = 2</pre><p>remote-first</p>\"", "\"y\"")
                + "," + job("3", "\" \\n \"", "\"Plain only\"")
                + "," + job("4", "\"<p>We\\u2019re <em>hiring</em></p>\"", "\"z\"")
                + "],\"apiVersion\":\"1\"}");

        assertThat(results).extracting(AshbyParserTest::description)
                .containsExactly("Train models", "x = 1\ny = 2\n\nremote-first", "Plain only", "We\u2019re hiring");
    }

    @Test
    void aSalaryFoundOnlyInTheCompensationTiersIsRead() {
        String json = "{\"jobs\":[" + job("1", "\"<p>x</p>\"", "\"x\"").replace(
                "\"compensation\":{\"summaryComponents\":[{\"compensationType\":\"Salary\"",
                "\"compensation\":{\"compensationTiers\":[{\"id\":\"t1\",\"title\":\"Senior\",\"components\":["
                        + "{\"id\":\"c0\",\"compensationType\":\"EquityPercentage\",\"summary\":\"Equity\"},"
                        + "{\"id\":\"c1\",\"summary\":\"$120K - $160K\",\"compensationType\":\"Salary\","
                        + "\"minValue\":120000,\"maxValue\":160000,\"currencyCode\":\"USD\",\"interval\":\"1 YEAR\"}]}],"
                        + "\"summaryComponents\":[{\"compensationType\":\"EquityPercentage\"") + "],\"apiVersion\":\"1\"}";

        // The summary's only component with numbers is not a salary: the tier's salary is the one.
        assertThat(((Parsed) parse(json).get(0)).posting().salary().min()).isEqualByComparingTo("120000");
    }

    @Test
    void aStructuredSalaryWithMinAboveMaxIsKeptAsStatedAndWrittenAsSuch() throws Exception {
        String json = "{\"jobs\":[" + job("1", "\"<p>x</p>\"", "\"x\"").replace(
                "\"minValue\":100000,\"maxValue\":150000", "\"minValue\":150000,\"maxValue\":100000") + "],\"apiVersion\":\"1\"}";

        RawPosting posting = ((Parsed) parse(json).get(0)).posting();

        // Implausible: the reporter leaves it out of the pay figures and counts it, but it is kept raw.
        assertThat(posting.salary()).isEqualTo(new Salary(new BigDecimal("150000"), new BigDecimal("100000"), "USD", "YEAR"));
        assertThat(PostingJson.readRaw(PostingJson.write(posting)).salary()).isEqualTo(posting.salary());
    }

    @Test
    void aSalaryWithMinAboveMaxStatedOnlyInTheTextIsKeptAsStated() {
        String json = "{\"jobs\":[" + job("1", "\"<p>Train models.</p><p>The base salary range for this role is "
                + "$200,000 - $150,000.</p>\"", "\"x\"").replaceAll(",\"compensation\":\\{.*\\}\\}$", "}")
                + "],\"apiVersion\":\"1\"}";

        RawPosting posting = ((Parsed) parse(json).get(0)).posting();

        assertThat(posting.salary()).isEqualTo(new Salary(new BigDecimal("200000"), new BigDecimal("150000"), "USD", "YEAR"));
    }

    @Test
    void fieldsOfUnexpectedTypesDoNotStopTheJobFromBeingRead() {
        String json = "{\"jobs\":[{\"id\":\"1\",\"jobUrl\":\"https://jobs.ashbyhq.com/acme/1\",\"title\":\"Engineer\","
                + "\"isRemote\":\"false\",\"department\":true,\"organizationName\":null,\"location\":7,"
                + "\"workplaceType\":12345678901234,\"employmentType\":123456789012345678901234567890,\"publishedAt\":1.25,"
                + "\"secondaryLocations\":[\"a\",1,null,{\"location\":\"Paris\"},[[],{}]],"
                + "\"compensation\":{\"summaryComponents\":[{\"minValue\":100000,\"maxValue\":1.5e5}],\"compensationTiers\":[7]},"
                + "\"descriptionHtml\":\"<p>x</p>\"}],\"apiVersion\":\"1\"}";

        Parsed parsed = (Parsed) parse(json).get(0);
        assertThat(parsed.posting().title()).isEqualTo("Engineer");
        assertThat(parsed.posting().location()).isEqualTo("7");
        assertThat(parsed.posting().otherLocations()).contains("a", "Paris");
        assertThat(parsed.posting().salary()).isNull();
    }

    @Test
    void anEmptyBoardIsReadAsAshbysByItsApiVersion() {
        assertThat(parse("{\"jobs\":[],\"apiVersion\":\"1\"}")).isEmpty();
    }
}
