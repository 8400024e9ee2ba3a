package io.roleradar.ingest.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {
    @Test
    void oneLineRemovesInvisibleCharactersAndCollapsesEveryKindOfSpace() {
        assertThat(Texts.oneLine("  Senior\u00a0ML \u200bEngineer \n")).isEqualTo("Senior ML Engineer");
        assertThat(Texts.oneLine("a\t\r\n\u000B\f\u2007\u202Fb\u00ADc\uFEFF")).isEqualTo("a bc");
        assertThat(Texts.oneLine("R&D \u2013 NLP\u2003Lead")).isEqualTo("R&D \u2013 NLP\u2003Lead");
        assertThat(Texts.oneLine(null)).isNull();
    }

    @Test
    void linesAreTidiedAndBlankRunsCollapsed() {
        assertThat(Texts.tidyLines("  a \u00a0 b \r\n\r\n\r\n\n c\u200b  \n")).isEqualTo("a b\n\nc");
        assertThat(Texts.tidyLines("one\rtwo\r\rthree")).isEqualTo("one\ntwo\n\nthree");
        assertThat(Texts.tidyLines(null)).isEmpty();
    }

    @Test
    void aLoneBulletIsJoinedToItsTextAndBulletedLinesStayTogether() {
        assertThat(Texts.tidyLines("Intro\n\n-\n\nFirst\n\u2022\n\nSecond\n\nAfter"))
                .isEqualTo("Intro\n\n- First\n- Second\n\nAfter");
        assertThat(Texts.tidyLines("-\n- already dashed")).isEqualTo("- already dashed");
    }

    @Test
    void comparableFormIgnoresCasePunctuationAndLineBreaks() {
        assertThat(Texts.comparable("Data  Scientist,\nNLP!")).isEqualTo(Texts.comparable("data scientist nlp"));
    }

    @Test
    void strayTagsInPlainTextAreRemovedButAngleBracketsInProseSurvive() {
        assertThat(Texts.stripTags("<h>The Startup</h2>\n\nWe are small.")).isEqualTo("The Startup\n\nWe are small.");
        assertThat(Texts.stripTags("Latency < 5 ms and > 99% uptime")).isEqualTo("Latency < 5 ms and > 99% uptime");
    }

    @Test
    void scriptsAreRemovedWithTheirContentFromTextAndFields() {
        assertThat(Texts.stripTags("<p>Train models</p><script>alert(2)</script><img src=x onerror=alert(3)>")).isEqualTo("Train models");
        assertThat(Texts.plainField("ML Engineer <script>alert(1)</script>")).isEqualTo("ML Engineer");
        assertThat(Texts.plainField("R&D <b>Lead</b>")).isEqualTo("R&D Lead");
        assertThat(Texts.plainField("Latency < 5 ms")).isEqualTo("Latency < 5 ms");
        assertThat(Texts.plainField("<intent>")).as("a company named like a tag").isEqualTo("<intent>");
    }

    @Test
    void companyRatingsAppendedBySourcesAreRemoved() {
        assertThat(Fields.company("Tecolote Research\n3.8")).isEqualTo("Tecolote Research");
        assertThat(Fields.company("3M")).isEqualTo("3M");
    }

    @Test
    void datesInTheSourcesOwnOffsetAndEpochMillisAreRead() {
        assertThat(Fields.date("2025-01-23T17:38:23.826+00:00")).hasToString("2025-01-23");
        assertThat(Fields.date("2026-07-10T23:15:41-04:00")).hasToString("2026-07-10");
        assertThat(Fields.date("2026-07-06T00:00:00.0000")).hasToString("2026-07-06");
        assertThat(Fields.date(" 2026-07-06T24:00:00Z")).hasToString("2026-07-06");
        assertThat(Fields.date("+12025-01-13T00:00:00Z")).hasToString("+12025-01-13");
        assertThat(Fields.date("Posted 8 Days Ago")).isNull();
        assertThat(Fields.date("2023-02-29T10:00:00Z")).isNull();
        assertThat(Fields.date("2025/01/13")).isNull();
        assertThat(Fields.dateOfEpochMillis(1767225600000L)).hasToString("2026-01-01");
    }

    @Test
    void employmentTypesAreNormalised() {
        assertThat(Fields.employmentType("FullTime")).isEqualTo("FULL_TIME");
        assertThat(Fields.employmentType("full_time")).isEqualTo("FULL_TIME");
        assertThat(Fields.employmentType("Part-time")).isEqualTo("PART_TIME");
        assertThat(Fields.employmentType("Internship")).isEqualTo("INTERN");
        assertThat(Fields.employmentType("Contractor")).isEqualTo("CONTRACT");
        assertThat(Fields.employmentType("Temp")).isEqualTo("TEMPORARY");
        assertThat(Fields.employmentType("Per Diem")).isEqualTo("PER_DIEM");
        assertThat(Fields.employmentType("Permanent")).isEqualTo("PERMANENT");
        assertThat(Fields.employmentType(" ")).isNull();
    }

    @Test
    void pythonLiteralsBecomeJson() {
        assertThat(PythonLiteral.toJson("{'a': None, 'b': [True, False], 'c': 'it\\'s \"x\"', 'd': (1, 2)}"))
                .isEqualTo("{\"a\": null, \"b\": [true, false], \"c\": \"it's \\\"x\\\"\", \"d\": [1, 2]}");
    }

    @Test
    void unicodeSpaceSeparatorsCollapseButTypographicPunctuationStays() {
        assertThat(Texts.tidyLines("a\u2003\u2009b \u2019c\u2014d\u3000e\u205Ff\u2028"))
                .isEqualTo("a b \u2019c\u2014d e f");
    }

    @Test
    void aPlainFieldOrNullIsThePlainFieldWithoutMarkupOrNullForBlanksAndPlaceholders() {
        for (String blank : new String[] {null, "", " ", "null", " NULL ", "-1", "\u200B-1\u00A0", "<p> </p>"}) {
            assertThat(Texts.plainFieldOrNull(blank)).as("%s", blank).isNull();
        }
        assertThat(Texts.plainFieldOrNull("<b>Lead</b> \u00A0 Engineer")).isEqualTo("Lead Engineer");
        assertThat(Texts.plainFieldOrNull("<intent> Labs")).isEqualTo("<intent> Labs");
    }
}
