package io.roleradar.ingest.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {
    @Test
    void oneLineRemovesInvisibleCharactersAndCollapsesEveryKindOfSpaceAsTheRegexesDid() {
        java.util.regex.Pattern invisible = java.util.regex.Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");
        java.util.regex.Pattern spaces = java.util.regex.Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
        char[] alphabet = {'a', 'Z', ' ', ' ', '\t', '\n', '\r', '\f', 0x0B, '\u00A0', '\u2007', '\u202F', '\u200B',
                '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u0001', '\u2003', 'é', '-'};
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String expected = spaces.matcher(invisible.matcher(s).replaceAll("")).replaceAll(" ").trim();
            assertThat(Texts.oneLine(s.toString())).as("%s", s.toString().chars().boxed().toList()).isEqualTo(expected);
        }
        assertThat(Texts.oneLine("  Senior\u00a0ML \u200bEngineer \n")).isEqualTo("Senior ML Engineer");
        assertThat(Texts.oneLine(null)).isNull();
    }

    @Test
    void linesAreTidiedAndBlankRunsCollapsed() {
        assertThat(Texts.tidyLines("  a \u00a0 b \r\n\r\n\r\n\n c\u200b  \n")).isEqualTo("a b\n\nc");
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
        assertThat(Fields.date("Posted 8 Days Ago")).isNull();
        assertThat(Fields.dateOfEpochMillis(1767225600000L)).hasToString("2026-01-01");
    }

    @Test
    void employmentTypesAreNormalised() {
        assertThat(Fields.employmentType("FullTime")).isEqualTo("FULL_TIME");
        assertThat(Fields.employmentType("full_time")).isEqualTo("FULL_TIME");
        assertThat(Fields.employmentType("Part-time")).isEqualTo("PART_TIME");
        assertThat(Fields.employmentType("Internship")).isEqualTo("INTERN");
        assertThat(Fields.employmentType("Permanent")).isEqualTo("PERMANENT");
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
    void aPlainFieldOrNullIsBlankToNullOfThePlainFieldWithoutItsSecondPass() {
        // plainFieldOrNull skips blankToNull's oneLine because oneLine leaves its own output as it
        // is: checked on strings made of the characters its rules treat differently.
        char[] alphabet = {' ', '\t', '\n', '\r', 0x0B, '\f', '\u00A0', '\u2007', '\u202F', '\u2003', '\u200B',
            '\u200C', '\uFEFF', '\u00AD', 0x01, 0x1F, 0x7F, 'a', 'n', 'u', 'l', '-', '1', '<', 'p', '>', '/', '&', ';', '\u2019'};
        java.util.Random random = new java.util.Random(42);
        String[] fixed = {null, "", " ", "null", " NULL ", "-1", "\u200B-1\u00A0", "<p>ML</p>", "<b>Lead</b> \u00A0 Engineer"};
        for (String s : fixed) {
            assertThat(Texts.plainFieldOrNull(s)).as("%s", s).isEqualTo(Texts.blankToNull(Texts.plainField(s)));
        }
        for (int n = 0; n < 50_000; n++) {
            char[] chars = new char[random.nextInt(10)];
            for (int k = 0; k < chars.length; k++) {
                chars[k] = alphabet[random.nextInt(alphabet.length)];
            }
            String s = new String(chars);
            assertThat(Texts.plainFieldOrNull(s)).as("%s", s.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(Texts.blankToNull(Texts.plainField(s)));
        }
    }
}
