package io.roleradar.ingest.text;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.roleradar.model.PostingJson;
import io.roleradar.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading HTML from the bytes of a JSON string ({@link HtmlText#ofJsonString}) must give what the
 * char reader gives for the decoded string, or nothing (the caller then reads it the char way);
 * and it must read the common case, or it would save nothing.
 */
class JsonFragmentTextTest {
    /** The JSON string of {@code value} as a JSON encoder writes it: raw UTF-8, or ASCII with escapes. */
    private static byte[] jsonString(String value, boolean asciiOnly) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        com.fasterxml.jackson.core.JsonFactory factory = com.fasterxml.jackson.core.JsonFactory.builder()
                .configure(JsonWriteFeature.ESCAPE_NON_ASCII, asciiOnly).build();
        try (JsonGenerator g = factory.createGenerator(bytes, JsonEncoding.UTF8)) {
            g.writeString(value);
        }
        return bytes.toByteArray();
    }

    /** The bytes read from just after the opening quote, with a field after the string as in a real document. */
    private static String fromBytes(byte[] string) {
        byte[] doc = (new String(string, StandardCharsets.ISO_8859_1) + ",\"next\":\"<p>x</p>\"}")
                .getBytes(StandardCharsets.ISO_8859_1);
        HtmlText.FromJson read = HtmlText.ofJsonString(doc, 1);
        if (read != null) {
            assertThat(read.closingQuote()).as("the closing quote").isEqualTo(string.length - 1);
        }
        return read == null ? null : read.text();
    }

    @Test
    void generatedHtmlInEitherEncodingReadsAsTheCharReaderReadsIt() throws IOException {
        Random random = new Random(20261129);
        int read = 0;
        int total = 0;
        for (int n = 0; n < 100_000; n++) {
            String html = OnePassConversionTest.compose(random,
                    random.nextBoolean() ? OnePassConversionTest.HTML_PIECES : OnePassConversionTest.mixed(), 1 + random.nextInt(30));
            String expected = HtmlText.of(html.toCharArray(), 0, html.length());
            for (boolean asciiOnly : new boolean[] {false, true}) {
                String actual = fromBytes(jsonString(html, asciiOnly));
                total++;
                if (actual != null) {
                    read++;
                    assertThat(actual).as("%s", OnePassConversionTest.escape(html)).isEqualTo(expected);
                }
            }
        }
        // The pieces include comments, scripts and <pre> on purpose, which are left to the char
        // way; most strings still read from their bytes.
        assertThat(read).isGreaterThan(total / 4);
    }

    @Test
    void theUsualDescriptionsReadFromTheirBytes() throws IOException {
        for (String html : List.of(
                "<p style=\"min-height:1.5em\"><strong>About</strong> we\u2019re hiring \ud83d\ude80</p><ul><li><p>PyTorch</p></li></ul>",
                "<h2>R&amp;D</h2><p>Salary&nbsp;$100K &ndash; $150K<br/>Remote</p>",
                "<p>Tabs\tand\nnew lines, a \"quote\" and a back\\slash; 1 < 2 & 3 > 2</p>")) {
            String expected = HtmlText.of(html.toCharArray(), 0, html.length());
            assertThat(fromBytes(jsonString(html, false))).as(html).isEqualTo(expected);
            assertThat(fromBytes(jsonString(html, true))).as(html).isEqualTo(expected);
        }
        // Some encoders escape the slash: "<\/p>" is still a closing tag.
        byte[] slashes = "\"<p>a<\\/p><p>b<br \\/>c<\\/p>\"".getBytes(StandardCharsets.US_ASCII);
        assertThat(fromBytes(slashes)).isEqualTo("a\n\nb\nc");
    }

    @Test
    void whatTheByteReaderDoesNotTakeIsLeftToTheCharReader() {
        for (String string : List.of(
                "\"\\u003cp\\u003eescaped markup\\u003c/p\\u003e\"",
                "\"Fish \\u0026amp; chips\"",
                "\"<p>a<!-- note --></p>\"",
                "\"<pre>  code</pre>\"",
                "\"<script>x</script><p>a</p>\"",
                "\"<!DOCTYPE html><p>a</p>\"",
                "\"raw\ttab\"",
                "\"bad escape \\x\"",
                "\"truncated \\u00\"")) {
            assertThat(fromBytes(string.getBytes(StandardCharsets.ISO_8859_1))).as(string).isNull();
        }
        // A string the bytes end in.
        assertThat(HtmlText.ofJsonString("\"never closed <p>".getBytes(StandardCharsets.US_ASCII), 1)).isNull();
        // Malformed UTF-8: a lone continuation byte, an overlong form, an encoded surrogate.
        for (byte[] bad : List.of(new byte[] {'"', 'a', (byte) 0x80, '"'}, new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'},
                new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, new byte[] {'"', (byte) 0xE2, (byte) 0x80})) {
            assertThat(fromBytes(bad)).isNull();
        }
    }

    @Test
    void everyRealAshbyDescriptionReadsFromItsBytesAsTheCharReaderReadsIt() throws IOException {
        List<Path> files = SharedData.files("ashby-boards", ".json");
        int total = 0;
        int read = 0;
        for (Path f : files) {
            byte[] body = Files.readAllBytes(f);
            try (JsonParser p = PostingJson.mapper().createParser(body)) {
                String field = null;
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t == JsonToken.FIELD_NAME) {
                        field = p.currentName();
                    } else if (t == JsonToken.VALUE_STRING && "descriptionHtml".equals(field)) {
                        int quote = (int) p.currentTokenLocation().getByteOffset();
                        assertThat(body[quote]).isEqualTo((byte) '"');
                        HtmlText.FromJson fromBytes = HtmlText.ofJsonString(body, quote + 1);
                        String html = p.getText();
                        total++;
                        if (fromBytes != null) {
                            read++;
                            assertThat(fromBytes.text()).as("%s at %d", f.getFileName(), quote)
                                    .isEqualTo(HtmlText.of(html.toCharArray(), 0, html.length()));
                            // Where Jackson, having read the string, goes on.
                            assertThat(fromBytes.closingQuote() + 1L).isEqualTo(p.currentLocation().getByteOffset());
                        }
                    }
                }
            }
        }
        assertThat(total).isGreaterThan(1000);
        assertThat(read).as("descriptions read from their bytes").isGreaterThan(total * 95 / 100);
    }
}
