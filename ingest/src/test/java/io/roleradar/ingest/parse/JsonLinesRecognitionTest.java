package io.roleradar.ingest.parse;

import io.roleradar.ingest.source.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a text is JSON Lines rather than one JSON document: one rule, which the streaming read of
 * local files and the whole-document parser share.
 */
class JsonLinesRecognitionTest {
    private static final String LINE = "{\"id\": \"demo:1\", \"title\": \"ML Engineer\", \"company\": \"Acme\", "
            + "\"description\": \"Train ranking models.\"}";

    @Test
    void anObjectOnTheFirstLineWithMoreAfterItIsJsonLines() {
        assertThat(JsonLinesParser.looksLike(LINE + "\n" + LINE + "\n")).isTrue();
        assertThat(JsonLinesParser.looksLike("\n\n  " + LINE + "\nnot json\n")).as("blank lines before it").isTrue();
    }

    @Test
    void oneDocumentIsNotJsonLinesEvenOnOneLine() {
        assertThat(JsonLinesParser.looksLike(LINE)).isFalse();
        assertThat(JsonLinesParser.looksLike(LINE + "\n\n   \n")).as("only blank lines after it").isFalse();
        assertThat(JsonLinesParser.looksLike("{\n  \"jobs\": []\n}\n")).as("an object over several lines").isFalse();
        assertThat(JsonLinesParser.looksLike("[" + LINE + "]\n[]\n")).as("an array").isFalse();
    }

    @Test
    void aDocumentOpeningWithBlankLinesWhoseLaterLineIsBrokenKeepsItsGoodLines() {
        byte[] body = ("\n" + LINE + "\n{\"id\": broken\n").getBytes(StandardCharsets.UTF_8);
        Extraction e = new DocumentParser(CsvColumns.defaults())
                .parse(new Document("feed.jsonl", null, "feed", null, body, null, Instant.EPOCH));

        assertThat(e.results()).hasSize(2);
        assertThat(e.results().get(0)).isInstanceOf(Parsed.class);
        assertThat(e.results().get(1)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.source()).isEqualTo("feed.jsonl line 3"));
    }
}
