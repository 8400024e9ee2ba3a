package io.roleradar.ingest.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.roleradar.ingest.source.Document;
import io.roleradar.model.PostingJson;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
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
    /** The formats content is recognised as. */
    public enum Format { ASHBY, GREENHOUSE, LEVER, RAW_POSTINGS, HTML, CSV, UNKNOWN }

    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset=[\"']?([\\w-]+)");
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

    /** The format of parsed JSON. */
    static Format jsonFormat(JsonNode root) {
        if (AshbyParser.looksLike(root)) {
            return Format.ASHBY;
        }
        if (GreenhouseParser.looksLike(root)) {
            return Format.GREENHOUSE;
        }
        if (LeverParser.looksLike(root)) {
            return Format.LEVER;
        }
        if (root.isObject() && root.has("title") && root.has("description")) {
            return Format.RAW_POSTINGS;
        }
        if (root.isArray() && !root.isEmpty() && root.get(0).has("title") && root.get(0).has("description")) {
            return Format.RAW_POSTINGS;
        }
        return Format.UNKNOWN;
    }

    private Extraction json(Document doc) {
        JsonNode root;
        boolean more;
        byte[] body = doc.body();
        try (JsonParser parser = PostingJson.mapper().createParser(body)) {
            root = PostingJson.mapper().readTree(parser);
            more = parser.nextToken() != null;
        } catch (IOException e) {
            if (looksLikeJsonLines(body)) {
                return Extraction.of(JsonLinesParser.parse(doc));
            }
            try {
                decode(doc);
            } catch (CharacterCodingException notUtf8) {
                return Extraction.rejected(new Rejected(doc.name(), Rejected.INVALID_UTF8, "not valid UTF-8 text"));
            }
            return Extraction.rejected(new Rejected(doc.name(), Rejected.MALFORMED_JSON, "malformed JSON: "
                    + firstLine(e.getMessage())));
        }
        if (more) {
            return Extraction.of(JsonLinesParser.parse(doc));
        }
        return switch (jsonFormat(root)) {
            case ASHBY -> Extraction.of(AshbyParser.parse(doc, root));
            case GREENHOUSE -> Extraction.of(GreenhouseParser.parse(doc, root));
            case LEVER -> Extraction.of(LeverParser.parse(doc, root));
            case RAW_POSTINGS -> Extraction.of(JsonLinesParser.parse(doc, root.isArray() ? lines(root) : root.toString()));
            default -> {
                List<ParseResult> other = JobSearchApis.parse(doc, root);
                yield other != null ? Extraction.of(other) : Extraction.rejected(new Rejected(doc.name(),
                        Rejected.UNKNOWN_FORMAT, "JSON that is not a job-board response ingest knows (Ashby, Greenhouse, "
                        + "Lever, Remotive, USAJobs, Adzuna, Workday) nor raw postings"));
            }
        };
    }

    /** The first byte that is not whitespace or a byte-order mark, or -1. */
    private static int firstByte(byte[] body) {
        int i = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF ? 3 : 0;
        for (; i < body.length; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b;
            }
        }
        return -1;
    }

    private static String lines(JsonNode array) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode n : array) {
            sb.append(n.toString()).append('\n');
        }
        return sb.toString();
    }

    /** True when the first line is a whole JSON object and more lines follow. */
    private static boolean looksLikeJsonLines(byte[] body) {
        int nl = 0;
        while (nl < body.length && body[nl] != '\n') {
            nl++;
        }
        if (nl >= body.length - 1) {
            return false;
        }
        try (JsonParser parser = PostingJson.mapper().createParser(body, 0, nl)) {
            return parser.nextToken() == JsonToken.START_OBJECT && PostingJson.mapper().readTree(parser) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Strict UTF-8, unless an HTML document declares another charset (in its meta tag or Content-Type). */
    static String decode(Document doc) throws CharacterCodingException {
        byte[] body = doc.body();
        int offset = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF ? 3 : 0;
        Charset declared = declaredCharset(doc);
        Charset charset = declared != null ? declared : StandardCharsets.UTF_8;
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body, offset, body.length - offset))
                .toString();
    }

    private static Charset declaredCharset(Document doc) {
        String name = null;
        if (doc.contentType() != null) {
            Matcher m = Pattern.compile("(?i)charset=\"?([\\w-]+)").matcher(doc.contentType());
            if (m.find()) {
                name = m.group(1);
            }
        }
        if (name == null) {
            String start = new String(doc.body(), 0, Math.min(doc.body().length, 2048), StandardCharsets.ISO_8859_1);
            Matcher m = META_CHARSET.matcher(start);
            if (m.find()) {
                name = m.group(1);
            }
        }
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static List<String> formats() {
        return List.of("ashby", "greenhouse", "lever", "jsonl", "html", "csv");
    }
}
