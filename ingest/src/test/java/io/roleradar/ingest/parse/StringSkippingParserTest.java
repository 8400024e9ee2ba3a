package io.roleradar.ingest.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.roleradar.ingest.text.HtmlText;
import io.roleradar.model.PostingJson;
import io.roleradar.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StringSkippingParserTest {
    /**
     * Every token with its text, skipping the HTML descriptions the byte reader takes when
     * {@code skip} is set (they show as "skipped" then, and as their text otherwise).
     */
    private static List<String> tokens(byte[] body, boolean skip) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (JsonParser p = skip ? StringSkippingParser.over(body) : PostingJson.mapper().createParser(body)) {
            String field = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    field = p.currentName();
                }
                if (t == JsonToken.VALUE_STRING && "descriptionHtml".equals(field)) {
                    HtmlText.FromJson read = null;
                    if (skip) {
                        StringSkippingParser parser = (StringSkippingParser) p;
                        read = HtmlText.ofJsonString(parser.bytes(), parser.undecodedStringStart());
                        if (read != null) {
                            parser.skipStringEndingAt(read.closingQuote());
                        }
                    } else {
                        String html = p.getText();
                        read = HtmlText.ofJsonString(body, (int) p.currentTokenLocation().getByteOffset() + 1);
                        assertThat(read == null || read.text().equals(HtmlText.of(html.toCharArray(), 0, html.length()))).isTrue();
                    }
                    tokens.add(read != null ? "html " + read.text() : t + " " + p.getText());
                } else {
                    tokens.add(t + " " + p.getText());
                }
            }
        }
        return tokens;
    }

    @Test
    void skippingTheStringsTheByteReaderReadLeavesEveryOtherTokenAsJacksonReadsIt() throws IOException {
        List<Path> files = SharedData.files("ashby-boards", ".json");
        int skipped = 0;
        for (Path f : files) {
            byte[] body = Files.readAllBytes(f);
            List<String> withSkips = tokens(body, true);
            assertThat(withSkips).as("%s", f.getFileName()).isEqualTo(tokens(body, false));
            skipped += (int) withSkips.stream().filter(t -> t.startsWith("html ")).count();
        }
        assertThat(skipped).isGreaterThan(1000);
    }

    @Test
    void aDocumentJacksonWouldReadAnotherWayGetsJacksonsOwnParser() throws IOException {
        byte[] bom = "\uFEFF{\"jobs\":[]}".getBytes(StandardCharsets.UTF_8);
        byte[] utf16 = "{\"jobs\":[]}".getBytes(StandardCharsets.UTF_16LE);
        for (byte[] body : List.of(bom, utf16, "{}".getBytes(StandardCharsets.UTF_8))) {
            try (JsonParser p = StringSkippingParser.over(body)) {
                assertThat(p).isNotInstanceOf(StringSkippingParser.class);
                assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            }
        }
    }

    @Test
    void onlyAnUnreadStringCanBeSkippedAndOnlyToItsQuote() throws IOException {
        byte[] body = "{\"a\":\"x\\\"y\",\"b\":1}".getBytes(StandardCharsets.UTF_8);
        try (JsonParser p = StringSkippingParser.over(body)) {
            StringSkippingParser parser = (StringSkippingParser) p;
            p.nextToken();
            p.nextToken();
            assertThat(parser.undecodedStringStart()).isEqualTo(-1);
            assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
            assertThat(parser.undecodedStringStart()).isEqualTo(6);
            assertThatThrownBy(() -> parser.skipStringEndingAt(7)).isInstanceOf(IllegalStateException.class);
            parser.skipStringEndingAt(10);
            assertThat(parser.undecodedStringStart()).isEqualTo(-1);
            assertThat(p.nextToken()).isEqualTo(JsonToken.FIELD_NAME);
            assertThat(p.currentName()).isEqualTo("b");
            assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
        }
    }
}
