package io.roleradar.classifier.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ByteLinesTest {
    private static List<String> lines(ByteLines in) throws IOException {
        List<String> lines = new ArrayList<>();
        for (byte[] line; (line = in.next()) != null; ) {
            lines.add(new String(line, StandardCharsets.ISO_8859_1));
        }
        return lines;
    }

    /** A stream that hands out a few bytes a read, as a pipe does. */
    private static InputStream trickling(byte[] bytes, int perRead) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, perRead));
            }
        };
    }

    @Test
    void splitsOnLineFeedsDropsACarriageReturnBeforeOneAndKeepsALastLineWithoutOne() throws Exception {
        byte[] input = "a\r\nb\n\nc\rd\ne".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(lines(new ByteLines(trickling(input, 3)))).containsExactly("a", "b", "", "c\rd", "e");
    }

    @Test
    void keepsTheBytesOfALineThatIsNotUtf8AsTheyWere() throws Exception {
        byte[] input = {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xe9, '\n'};

        ByteLines in = new ByteLines(new ByteArrayInputStream(input));

        assertThat(in.next()).containsExactly('o', 'k');
        assertThat(in.next()).containsExactly('c', 'a', 'f', (byte) 0xe9);
        assertThat(in.next()).isNull();
    }

    @Test
    void readsALineLongerThanItsBufferWhole() throws Exception {
        String longLine = "x".repeat(200_000);
        byte[] input = ("first\n" + longLine + "\nlast\n").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(lines(new ByteLines(trickling(input, 7000)))).containsExactly("first", longLine, "last");
    }

    @Test
    void theHeadIsLookedAtWithoutConsumingIt() throws Exception {
        ByteLines in = new ByteLines(trickling("one\ntwo\n".getBytes(StandardCharsets.ISO_8859_1), 2));

        assertThat(new String(in.head(5), StandardCharsets.ISO_8859_1)).isEqualTo("one\nt");
        assertThat(lines(in)).containsExactly("one", "two");
        assertThat(new ByteLines(InputStream.nullInputStream()).head(5)).isEmpty();
    }
}
