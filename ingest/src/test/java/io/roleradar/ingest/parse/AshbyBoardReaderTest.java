package io.roleradar.ingest.parse;

import io.roleradar.ingest.source.Document;
import io.roleradar.model.PostingJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AshbyBoardReaderTest {
    private static final String JOB = "{\"id\":\"%s\",\"title\":\"ML Engineer\",\"jobUrl\":\"https://jobs.ashbyhq.com/acme/%s\","
            + "\"workplaceType\":\"OnSite\",\"descriptionHtml\":%s,\"descriptionPlain\":%s,"
            + "\"compensation\":{\"summaryComponents\":[{\"compensationType\":\"Salary\",\"minValue\":100000,"
            + "\"maxValue\":150000,\"currencyCode\":\"USD\",\"interval\":\"1 YEAR\"}]}}";

    private static String job(String id, String html, String plain) {
        return String.format(JOB, id, id, html, plain);
    }

    private static Document doc(String json) {
        return new Document("acme.json", null, "acme", null, json.getBytes(StandardCharsets.UTF_8), null, Instant.EPOCH);
    }

    /** What the tree way (readTree, then the parser reading every field from the tree) makes of the same bytes. */
    private static List<ParseResult> byTree(String json) throws Exception {
        return AshbyParser.parse(doc(json), PostingJson.mapper().readTree(json));
    }

    @Test
    void streamingReadGivesTheSamePostingsAsTheTreeWay() throws Exception {
        String json = "{\"jobs\":[" + job("1", "\"<p>Train <b>models</b>; we work hybrid, two days a week in the office.</p><ul><li>PyTorch</li></ul>\"",
                "\"ignored\"")
                + "," + job("2", "\"  \"", "\"Plain text\\n\\nsecond paragraph\"")
                + "," + job("3", "null", "\"Only plain\"")
                + ",42"
                + "," + job("4", "\"<p></p>\"", "\"not used: the HTML was not blank\"")
                + "],\"apiVersion\":\"1\"}";
        AshbyBoardReader.Board board = AshbyBoardReader.read(json.getBytes(StandardCharsets.UTF_8));
        assertThat(board).isNotNull();
        List<ParseResult> streamed = AshbyParser.parse(doc(json), board.root(), board.descriptions());
        assertThat(streamed).isEqualTo(byTree(json));
        assertThat(streamed).hasSize(5);
        assertThat(((Parsed) streamed.get(0)).posting().description())
                .isEqualTo("Train models; we work hybrid, two days a week in the office.\n\n- PyTorch");
        assertThat(((Parsed) streamed.get(1)).posting().description()).isEqualTo("Plain text\n\nsecond paragraph");
        assertThat(streamed.get(3)).isInstanceOf(Rejected.class);
        assertThat(streamed.get(4)).isInstanceOf(Rejected.class);
    }

    @Test
    void theFieldsTheParserReadsBecomeTheNodesReadTreeMakesAndTheOthersAreSkipped() throws Exception {
        // Values of every kind under the names the parser reads, whatever their usual type.
        String json = "{\"jobs\":[{\"id\":\"1\",\"jobUrl\":\"https://jobs.ashbyhq.com/acme/1\",\"title\":\"\","
                + "\"isRemote\":false,\"department\":true,\"organizationName\":null,\"location\":7,"
                + "\"workplaceType\":12345678901234,\"employmentType\":123456789012345678901234567890,\"publishedAt\":1.25,"
                + "\"secondaryLocations\":[\"a\",1,null,-2147483649,1e3,{\"x\":[true,false]},[[],{}],-0.0,-99999999999999999999],"
                + "\"compensation\":{\"summaryComponents\":[{\"minValue\":100000,\"maxValue\":1.5e5,\"k\":1,\"k\":2}],"
                + "\"compensationTiers\":[{\"id\":\"t\",\"components\":[{\"interval\":\"1 YEAR\",\"summary\":\"s\"}]},7],"
                + "\"tiers\":[[],{}],\"n\":-0.0,\"big\":-99999999999999999999},"
                + "\"applyUrl\":\"https://jobs.ashbyhq.com/acme/1/application\",\"address\":{\"postalAddress\":{}},"
                + "\"descriptionHtml\":\"<p>x</p>\"}],\"apiVersion\":\"1\",\"extra\":false}";
        AshbyBoardReader.Board board = AshbyBoardReader.read(json.getBytes(StandardCharsets.UTF_8));
        com.fasterxml.jackson.databind.node.ObjectNode expected =
                (com.fasterxml.jackson.databind.node.ObjectNode) PostingJson.mapper().readTree(json);
        com.fasterxml.jackson.databind.node.ObjectNode job =
                (com.fasterxml.jackson.databind.node.ObjectNode) expected.get("jobs").get(0);
        job.remove(List.of("descriptionHtml", "applyUrl", "address"));
        // Of the compensation, only the fields the salary is read from.
        com.fasterxml.jackson.databind.node.ObjectNode compensation =
                (com.fasterxml.jackson.databind.node.ObjectNode) job.get("compensation");
        compensation.remove(List.of("tiers", "n", "big"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) compensation.get("summaryComponents").get(0)).remove("k");
        ((com.fasterxml.jackson.databind.node.ObjectNode) compensation.get("compensationTiers").get(0)).remove("id");
        ((com.fasterxml.jackson.databind.node.ObjectNode) compensation.get("compensationTiers").get(0).get("components").get(0))
                .remove("summary");
        assertThat(board.root()).isEqualTo(expected);
        // Equal trees can still differ in node classes (an IntNode is not equal to a LongNode, but
        // a TextNode made twice is): compare the classes too.
        assertSameClasses(board.root(), expected, "root");
    }

    private static void assertSameClasses(com.fasterxml.jackson.databind.JsonNode actual,
            com.fasterxml.jackson.databind.JsonNode expected, String path) {
        assertThat(actual.getClass()).as(path).isEqualTo(expected.getClass());
        if (expected.isObject()) {
            expected.properties().forEach(e -> assertSameClasses(actual.get(e.getKey()), e.getValue(), path + "." + e.getKey()));
        } else if (expected.isArray()) {
            for (int k = 0; k < expected.size(); k++) {
                assertSameClasses(actual.get(k), expected.get(k), path + "[" + k + "]");
            }
        }
    }

    @Test
    void descriptionsTheByteReaderLeavesToTheCharReaderGiveTheSamePostings() throws Exception {
        // Markup written as escapes, <pre>, a blank HTML, and a board starting with a byte-order mark.
        String json = "{\"jobs\":[" + job("1", "\"\\u003cp\\u003eTrain \\u003cb\\u003emodels\\u003c/b\\u003e\\u003c/p\\u003e\"", "\"x\"")
                + "," + job("2", "\"<pre>  x = 1\\n  y = 2</pre><p>remote-first</p>\"", "\"y\"")
                + "," + job("3", "\" \\n \"", "\"Plain only\"")
                + "," + job("4", "\"<p>We\\u2019re <em>hiring</em></p>\"", "\"z\"")
                + "],\"apiVersion\":\"1\"}";
        for (String doc : List.of(json, "\uFEFF" + json)) {
            byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
            AshbyBoardReader.Board board = AshbyBoardReader.read(bytes);
            assertThat(board).isNotNull();
            List<ParseResult> streamed = AshbyParser.parse(doc(doc), board.root(), board.descriptions());
            assertThat(streamed).isEqualTo(AshbyParser.parse(doc(doc), PostingJson.mapper().readTree(bytes)));
            assertThat(((Parsed) streamed.get(0)).posting().description()).isEqualTo("Train models");
            assertThat(((Parsed) streamed.get(1)).posting().description()).isEqualTo("x = 1\ny = 2\n\nremote-first");
            assertThat(((Parsed) streamed.get(2)).posting().description()).isEqualTo("Plain only");
            assertThat(((Parsed) streamed.get(3)).posting().description()).isEqualTo("We\u2019re hiring");
        }
    }

    @Test
    void aSalaryFoundOnlyInTheCompensationTiersIsReadTheStreamingWayToo() throws Exception {
        String json = "{\"jobs\":[" + job("1", "\"<p>x</p>\"", "\"x\"").replace(
                "\"compensation\":{\"summaryComponents\":[{\"compensationType\":\"Salary\"",
                "\"compensation\":{\"compensationTiers\":[{\"id\":\"t1\",\"title\":\"Senior\",\"components\":["
                        + "{\"id\":\"c0\",\"compensationType\":\"EquityPercentage\",\"summary\":\"Equity\"},"
                        + "{\"id\":\"c1\",\"summary\":\"$120K - $160K\",\"compensationType\":\"Salary\","
                        + "\"minValue\":120000,\"maxValue\":160000,\"currencyCode\":\"USD\",\"interval\":\"1 YEAR\"}]}],"
                        + "\"summaryComponents\":[{\"compensationType\":\"EquityPercentage\"") + "],\"apiVersion\":\"1\"}";
        AshbyBoardReader.Board board = AshbyBoardReader.read(json.getBytes(StandardCharsets.UTF_8));
        List<ParseResult> streamed = AshbyParser.parse(doc(json), board.root(), board.descriptions());
        assertThat(streamed).isEqualTo(byTree(json));
        // The summary's only component with numbers is not a salary: the tier's salary is the one.
        assertThat(((Parsed) streamed.get(0)).posting().salary().min()).isEqualByComparingTo("120000");
    }

    @Test
    void everyRealBoardGivesTheSamePostingsBothWays() throws Exception {
        // Guards AshbyParser.JOB_PARTS: a field the parser reads but the reader skipped would
        // make the streamed postings differ from the tree way's.
        List<java.nio.file.Path> files = io.roleradar.testkit.SharedData.files("ashby-boards", ".json");
        int postings = 0;
        for (java.nio.file.Path f : files) {
            byte[] body = java.nio.file.Files.readAllBytes(f);
            String name = f.getFileName().toString();
            Document doc = new Document(name, null, name.replace(".json", ""), null, body, null, Instant.EPOCH);
            AshbyBoardReader.Board board = AshbyBoardReader.read(body);
            assertThat(board).as(name).isNotNull();
            List<ParseResult> streamed = AshbyParser.parse(doc, board.root(), board.descriptions());
            assertThat(streamed).as(name).isEqualTo(AshbyParser.parse(doc, PostingJson.mapper().readTree(body)));
            postings += streamed.size();
        }
        assertThat(postings).isGreaterThan(1000);
    }

    @Test
    void documentsThatAreNotCertainlyAshbyBoardsAreLeftToTheTreeWay() {
        String one = job("1", "\"<p>x</p>\"", "\"x\"");
        for (String json : List.of(
                "{\"apiVersion\":\"1\",\"jobs\":[" + one + "]}",
                "{\"jobs\":[{\"id\":1,\"content\":\"&lt;p&gt;Greenhouse&lt;/p&gt;\"}]}",
                "{\"jobs\":[]}",
                "{\"jobs\":[42]}",
                "{\"jobs\":[" + one.replace("\"descriptionPlain\":", "\"descriptionHtml\":") + "]}",
                "{\"jobs\":[" + one + "]}\n{\"jobs\":[" + one + "]}",
                "{\"jobs\":[" + one + "],\"jobs\":[]}",
                "{\"jobs\":[" + one + "]",
                "[" + one + "]")) {
            assertThat(AshbyBoardReader.read(json.getBytes(StandardCharsets.UTF_8))).as(json).isNull();
        }
        assertThat(AshbyBoardReader.read("{\"jobs\":[],\"apiVersion\":\"1\"}".getBytes(StandardCharsets.UTF_8))).isNotNull();
    }
}
