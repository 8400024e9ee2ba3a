package io.roleradar.ingest.source;

import io.roleradar.ingest.parse.CsvParser;
import io.roleradar.ingest.parse.JsonLinesParser;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The start of a local file: its charset (a byte-order mark first, then the charset the user named,
 * then UTF-8) and whether it holds records that can be read one at a time.
 *
 * @param bomLength the byte-order mark's length, 0 without one
 * @param text      the start decoded (a character cut at the end is replaced, which does not matter here)
 */
record TextStart(Charset charset, int bomLength, String text) {
    static TextStart of(byte[] head, Charset named) {
        Charset charset = named != null ? named : StandardCharsets.UTF_8;
        int bom = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        }
        return new TextStart(charset, bom, new String(head, bom, head.length - bom, charset));
    }

    /**
     * JSON_LINES when {@link JsonLinesParser#looksLike} says so, CSV when the first line is a
     * delimited header (and the text is not markup or JSON), else null: read the file whole.
     */
    LocalFile.Format recordFormat() {
        String t = text.stripLeading();
        if (t.isEmpty()) {
            return null;
        }
        char first = t.charAt(0);
        if (first == '{') {
            return charset.equals(StandardCharsets.UTF_8) && JsonLinesParser.looksLike(t) ? LocalFile.Format.JSON_LINES : null;
        }
        if (first == '<' || first == '[') {
            return null;
        }
        return CsvParser.looksLike(t) ? LocalFile.Format.CSV : null;
    }
}
