package io.roleradar.ingest.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.roleradar.ingest.source.Document;
import io.roleradar.model.PostingJson;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects a document's format from its content (not its name or Content-Type, which saved files
 * and misconfigured servers get wrong) and hands it to the parser for that format: the Ashby,
 * Greenhouse and Lever APIs, JSON Lines (or a JSON array) of raw postings, HTML pages, or CSV.
 * Whatever cannot be read becomes a {@link Rejected} naming the document and the reason.
 */
public final class DocumentParser {
    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset=[\"']?([\\w-]+)");
    private static final Pattern TYPE_CHARSET = Pattern.compile("(?i)charset=\"?([\\w-]+)");
    private final CsvParser csv;

    public DocumentParser(CsvColumns columns) {
        this.csv = new CsvParser(columns);
    }

    public Extraction parse(Document doc) {
        int first = firstByte(doc.body());
        if (first == '{' || first == '[') {
            // JSON goes to Jackson as bytes: it decodes and checks the UTF-8 itself.
            return json(doc);
        }
        String text;
        try {
            text = decode(doc);
        } catch (CharacterCodingException e) {
            return Extraction.rejected(new Rejected(doc.name(), Rejected.INVALID_UTF8,
                    "not valid UTF-8 text (and no other charset declared)"));
        }
        if (text.isBlank()) {
            return Extraction.rejected(new Rejected(doc.name(), Rejected.UNKNOWN_FORMAT, "empty document"));
        }
        String head = text.stripLeading();
        if (head.charAt(0) == '<') {
            return JobPageParser.parse(doc, text);
        }
        if (CsvParser.looksLike(head)) {
            return Extraction.of(csv.parse(doc, head));
        }
        return Extraction.rejected(new Rejected(doc.name(), Rejected.UNKNOWN_FORMAT,
                "not a format ingest reads (JSON from Ashby, Greenhouse or Lever, JSON Lines of raw postings, HTML, CSV)"));
    }

    private Extraction json(Document doc) {
        JsonNode root;
        boolean more;
        byte[] body = doc.body();
        try (JsonParser parser = PostingJson.mapper().createParser(body)) {
            root = PostingJson.mapper().readTree(parser);
            more = parser.nextToken() != null;
        } catch (IOException e) {
            int bom = bomLength(body);
            if (JsonLinesParser.looksLike(new String(body, bom, body.length - bom, StandardCharsets.UTF_8))) {
                return Extraction.of(JsonLinesParser.parse(doc));
            }
            try {
                decode(doc);
            } catch (CharacterCodingException notUtf8) {
                return Extraction.rejected(new Rejected(doc.name(), Rejected.INVALID_UTF8, "not valid UTF-8 text"));
            }
            String message = e.getMessage() == null ? "unreadable" : e.getMessage().split("\n", 2)[0];
            return Extraction.rejected(new Rejected(doc.name(), Rejected.MALFORMED_JSON, "malformed JSON: " + message));
        }
        if (more) {
            return Extraction.of(JsonLinesParser.parse(doc));
        }
        if (AshbyParser.looksLike(root)) {
            return Extraction.of(AshbyParser.parse(doc, root));
        }
        if (GreenhouseParser.looksLike(root)) {
            return Extraction.of(GreenhouseParser.parse(doc, root));
        }
        if (LeverParser.looksLike(root)) {
            return Extraction.of(LeverParser.parse(doc, root));
        }
        JsonNode first = root.isArray() ? root.path(0) : root;
        if (first.has("title") && first.has("description")) {
            return Extraction.of(JsonLinesParser.parse(doc, root));
        }
        List<ParseResult> other = JobSearchApis.parse(doc, root);
        return other != null ? Extraction.of(other) : Extraction.rejected(new Rejected(doc.name(),
                Rejected.UNKNOWN_FORMAT, "JSON that is not a job-board response ingest knows (Ashby, Greenhouse, "
                + "Lever, Remotive, USAJobs, Adzuna, Workday) nor raw postings"));
    }

    /** The first byte that is not whitespace or a byte-order mark, or -1. */
    private static int firstByte(byte[] body) {
        for (int i = bomLength(body); i < body.length; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b;
            }
        }
        return -1;
    }

    /** 3 when the bytes start with UTF-8's byte-order mark, else 0. */
    static int bomLength(byte[] body) {
        return body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF
                ? 3 : 0;
    }

    /**
     * Strict UTF-8, unless an HTML document declares another charset (in its meta tag or
     * Content-Type). A new decoder reports malformed and unmappable input rather than replacing it.
     */
    static String decode(Document doc) throws CharacterCodingException {
        byte[] body = doc.body();
        int offset = bomLength(body);
        Charset declared = declaredCharset(doc);
        Charset charset = declared != null ? declared : StandardCharsets.UTF_8;
        return charset.newDecoder().decode(ByteBuffer.wrap(body, offset, body.length - offset)).toString();
    }

    private static Charset declaredCharset(Document doc) {
        Matcher m = doc.contentType() == null ? null : TYPE_CHARSET.matcher(doc.contentType());
        if (m == null || !m.find()) {
            String start = new String(doc.body(), 0, Math.min(doc.body().length, 2048), StandardCharsets.ISO_8859_1);
            m = META_CHARSET.matcher(start);
            if (!m.find()) {
                return null;
            }
        }
        try {
            return Charset.forName(m.group(1).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
