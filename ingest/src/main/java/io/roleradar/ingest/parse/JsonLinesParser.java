package io.roleradar.ingest.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.roleradar.ingest.source.Document;
import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.util.Arrays;
import java.util.function.Consumer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * JSON Lines of raw postings, one {@link RawPosting} per line as {@link PostingJson} writes them;
 * each keeps the id it carries, and gets the same markup cleaning as parsed postings. Lines are
 * decoded one by one, so a bad line (invalid UTF-8, malformed JSON, a missing field) is rejected
 * with its line number and the lines around it are still read.
 */
public final class JsonLinesParser {
    private JsonLinesParser() {
    }

    /**
     * True when the first line of {@code text} (leading blanks stripped) holds a JSON object and
     * more text follows it: JSON Lines, not one JSON document that happens to fit on a line. The
     * streaming read of local files and the whole-document parser both decide by this.
     */
    public static boolean looksLike(String text) {
        String t = text.stripLeading();
        int nl = t.indexOf('\n');
        if (!t.startsWith("{") || nl < 0 || t.substring(nl).isBlank()) {
            return false;
        }
        try (JsonParser parser = PostingJson.mapper().createParser(t.substring(0, nl))) {
            return parser.nextToken() == JsonToken.START_OBJECT && PostingJson.mapper().readTree(parser) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Parses the document's bytes line by line. */
    public static List<ParseResult> parse(Document doc) {
        byte[] body = doc.body();
        List<ParseResult> results = new ArrayList<>();
        int start = DocumentParser.bomLength(body);
        int lineNo = 0;
        while (start <= body.length) {
            int end = start;
            while (end < body.length && body[end] != '\n') {
                end++;
            }
            lineNo++;
            String where = doc.name() + " line " + lineNo;
            try {
                // A new decoder reports malformed input rather than replacing it.
                String line = StandardCharsets.UTF_8.newDecoder()
                        .decode(ByteBuffer.wrap(body, start, end - start)).toString().trim();
                if (!line.isEmpty()) {
                    results.add(line(doc, line, where));
                }
            } catch (CharacterCodingException e) {
                results.add(new Rejected(where, Rejected.INVALID_UTF8, "not valid UTF-8 text"));
            }
            start = end + 1;
        }
        return results;
    }

    /**
     * Parses a stream line by line, handing each posting or reject to {@code out} as it is read, so
     * a file of any size takes the memory of one line.
     */
    public static void parse(Document doc, InputStream in, Consumer<ParseResult> out) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        byte[] buffer = new byte[1 << 16];
        byte[] line = new byte[1 << 14];
        int lineLength = 0;
        int lineNo = 0;
        boolean first = true;
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            int from = first && n >= 3 ? DocumentParser.bomLength(buffer) : 0;
            first = false;
            for (int i = from; i < n; i++) {
                if (buffer[i] != '\n') {
                    continue;
                }
                line = append(line, lineLength, buffer, from, i - from);
                lineLength += i - from;
                emit(doc, utf8, line, lineLength, ++lineNo, out);
                lineLength = 0;
                from = i + 1;
            }
            line = append(line, lineLength, buffer, from, n - from);
            lineLength += n - from;
        }
        if (lineLength > 0) {
            emit(doc, utf8, line, lineLength, ++lineNo, out);
        }
    }

    private static byte[] append(byte[] line, int length, byte[] src, int from, int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(src, from, line, length, count);
        return line;
    }

    /**
     * One line to a posting. Jackson reads the bytes directly (it checks the UTF-8 of what it
     * decodes); only a line it refuses is decoded strictly, to tell invalid UTF-8 from bad JSON.
     */
    private static void emit(Document doc, CharsetDecoder utf8, byte[] line, int length, int lineNo,
                             Consumer<ParseResult> out) {
        int start = 0;
        int end = length;
        while (start < end && isSpace(line[start])) {
            start++;
        }
        while (end > start && isSpace(line[end - 1])) {
            end--;
        }
        if (start == end) {
            return;
        }
        String where = doc.name() + " line " + lineNo;
        RawPosting raw;
        try {
            raw = PostingJson.readRaw(Arrays.copyOfRange(line, start, end));
        } catch (InvalidMessageException e) {
            try {
                utf8.reset().decode(ByteBuffer.wrap(line, start, end - start));
            } catch (CharacterCodingException notUtf8) {
                out.accept(new Rejected(where, Rejected.INVALID_UTF8, "not valid UTF-8 text"));
                return;
            }
            out.accept(rejected(where, e));
            return;
        }
        out.accept(finish(doc, raw, where));
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** Parses a raw posting, or each of a JSON array of them, as if each were a line of JSON Lines. */
    static List<ParseResult> parse(Document doc, JsonNode root) {
        List<ParseResult> results = new ArrayList<>();
        for (JsonNode posting : root.isArray() ? root : List.of(root)) {
            results.add(line(doc, posting.toString(), doc.name() + " line " + (results.size() + 1)));
        }
        return results;
    }

    private static ParseResult line(Document doc, String line, String where) {
        try {
            return finish(doc, PostingJson.readRaw(line), where);
        } catch (InvalidMessageException e) {
            return rejected(where, e);
        }
    }

    private static ParseResult finish(Document doc, RawPosting raw, String where) {
        RawPosting posting = PostingDraft.clean(raw);
        if (posting == null) {
            return new Rejected(where, Rejected.MISSING_FIELD, "nothing is left of the title or description once markup is removed");
        }
        if (posting.fetchedAt() == null) {
            posting = posting.toBuilder().fetchedAt(doc.fetchedAt()).build();
        }
        return new Parsed(posting, true);
    }

    private static Rejected rejected(String where, InvalidMessageException e) {
        return new Rejected(where, e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'), e.getMessage());
    }
}
