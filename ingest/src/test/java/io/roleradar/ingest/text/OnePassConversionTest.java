package io.roleradar.ingest.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.roleradar.model.PostingJson;
import io.roleradar.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-pass conversion ({@link FragmentText} writing through {@link TidyText}) and the streaming
 * {@link Texts#tidyLines} must give exactly what the two passes they replaced gave: the references
 * are the old code, kept unchanged in the tests.
 */
class OnePassConversionTest {
    static final String[] TEXT_PIECES = {"a", "Word", "ML", "- ", "-", "\u2022", " ", "  ", "\t", "\n", "\n\n",
            "\r", "\r\n", "\f", "\u000B", "\u00A0", "\u2003", "\u3000", "\u200B", "\uFEFF", "\u00AD", "\u2019", "\u00e9",
            "\u0001", "\u007F", "x-y", "R&D", "1 < 2", "&", ";", "."};
    static final String[] HTML_PIECES = {"<p>", "</p>", "<P class=\"x\">", "<p style=\"min-height:1.5em\">",
            "<li>", "</li>", "<LI/>", "<ul>", "</ul>", "<ol>", "</ol>", "<br>", "<br/>", "<BR />", "<pre>", "</pre>",
            "<h2>", "</h2>", "<div>", "</div>", "<td>", "<th>", "<tr>", "<strong>", "</strong>", "<em>", "<a href='a>b'>",
            "</a>", "<script>var a = '<p>';</script>", "<style>p{}</style>", "<!-- note -->", "<!---->", "<!DOCTYPE html>",
            "<?xml?>", "<custom-tag>", "<x1>", "<verylongtagname>", "</>", "< p>", "<", ">", "&amp;", "&nbsp;", "&lt;",
            "&gt;", "&quot;", "&apos;", "&#10;", "&#13;", "&#x2022;", "&#8203;", "&#0;", "&eacute;", "&bogus;", "&#xZZ;",
            "&amp;nbsp;", "&"};

    @Test
    void streamingTidyLinesGivesWhatTheTwoPassTidyingGave() {
        Random random = new Random(20261129);
        for (int n = 0; n < 200_000; n++) {
            String s = compose(random, TEXT_PIECES, 1 + random.nextInt(30));
            assertThat(Texts.tidyLines(s)).as("%s", escape(s)).isEqualTo(TidyLinesReference.tidyLines(s.toCharArray(), s.length()));
        }
    }

    @Test
    void oneHtmlPassGivesWhatConversionThenTidyingGave() {
        Random random = new Random(11292026);
        for (int n = 0; n < 300_000; n++) {
            // Mostly markup and text mixed; the text pieces bring the whitespace and odd characters.
            String html = compose(random, random.nextBoolean() ? HTML_PIECES : mixed(), 1 + random.nextInt(40));
            assertThat(FragmentText.convert(html)).as("%s", escape(html)).isEqualTo(reference(html));
        }
    }

    @Test
    void everyRealAshbyDescriptionConvertsAsBefore() throws IOException {
        List<Path> files = SharedData.files("ashby-boards", ".json");
        int checked = 0;
        for (Path f : files) {
            for (JsonNode job : PostingJson.mapper().readTree(f.toFile()).path("jobs")) {
                String html = job.path("descriptionHtml").asText("");
                assertThat(FragmentText.convert(html)).as("%s %s", f.getFileName(), job.path("id").asText())
                        .isEqualTo(reference(html));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    private static String reference(String html) {
        FragmentTextReference raw = FragmentTextReference.convert(html.toCharArray(), 0, html.length());
        return TidyLinesReference.tidyLines(raw.chars(), raw.length());
    }

    static String[] mixed() {
        String[] all = new String[HTML_PIECES.length + TEXT_PIECES.length];
        System.arraycopy(HTML_PIECES, 0, all, 0, HTML_PIECES.length);
        System.arraycopy(TEXT_PIECES, 0, all, HTML_PIECES.length, TEXT_PIECES.length);
        return all;
    }

    static String compose(Random random, String[] pieces, int count) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < count; k++) {
            s.append(pieces[random.nextInt(pieces.length)]);
        }
        return s.toString();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c >= ' ' && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return out.toString();
    }
}
