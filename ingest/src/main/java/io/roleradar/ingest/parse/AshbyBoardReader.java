package io.roleradar.ingest.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roleradar.ingest.text.HtmlText;
import io.roleradar.ingest.text.Texts;
import io.roleradar.model.PostingJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an Ashby board response ({@code {"jobs": [...], "apiVersion": ...}}) in one streaming
 * pass: every part of a job the parser reads ({@link AshbyParser#JOB_PARTS}) becomes a tree node
 * as {@code readTree} would make it, the rest is skipped undecoded, and the two descriptions,
 * which are most of the bytes, are read as text. {@code descriptionHtml} is converted to text
 * straight from the document's bytes, the parser then moved past it ({@link StringSkippingParser});
 * a string that way does not take is decoded by the parser and converted from its buffer. {@code
 * descriptionPlain}, a fallback for a missing or blank HTML description, is never decoded when the
 * HTML came first (as it does in Ashby's responses). The
 * reader only answers when it is sure the document is an Ashby board with "jobs" as its first
 * field; anything else (another API, a duplicate description field, malformed or trailing JSON)
 * gives null and the document goes the tree way, which decides and reports as before.
 */
final class AshbyBoardReader {
    /**
     * A board read: the root with its jobs, each job without its description fields, and the
     * description text of each job (null for an element that is not an object).
     */
    record Board(JsonNode root, List<String> descriptions) {
    }

    private AshbyBoardReader() {
    }

    /** The board, or null when this is not certainly an Ashby board this reader handles. */
    static Board read(byte[] body) {
        ObjectMapper mapper = PostingJson.mapper();
        try (JsonParser p = StringSkippingParser.over(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                    || !p.currentName().equals("jobs") || p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            ObjectNode root = mapper.createObjectNode();
            ArrayNode jobs = root.putArray("jobs");
            List<String> descriptions = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == JsonToken.START_OBJECT) {
                    ObjectNode job = jobs.addObject();
                    Description d = job(p, mapper, job);
                    if (d == null || (jobs.size() == 1 && !d.named && !job.has("jobUrl"))) {
                        // A duplicate description field, or a first job that does not look like
                        // Ashby's: the tree way decides.
                        return null;
                    }
                    descriptions.add(d.text());
                } else {
                    if (jobs.isEmpty()) {
                        return null;
                    }
                    jobs.add(value(p, mapper));
                    descriptions.add(null);
                }
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("jobs")) {
                    return null;
                }
                root.set(name, value(p, mapper));
            }
            if (p.nextToken() != null) {
                // More after the root: JSON Lines, which the tree way reads.
                return null;
            }
            if (jobs.isEmpty() && !root.has("apiVersion")) {
                return null;
            }
            return new Board(root, descriptions);
        } catch (IOException malformed) {
            return null;
        }
    }

    /** What one job's description fields held. */
    private static final class Description {
        /** The text of a non-blank descriptionHtml, else null. */
        String fromHtml;
        /** descriptionPlain as text, read only when no HTML text came before it. */
        String plain;
        boolean htmlSeen;
        boolean plainSeen;
        /** Whether a description field was present at all (part of the Ashby test). */
        boolean named;

        String text() {
            return fromHtml != null ? fromHtml : Texts.tidyLines(plain);
        }
    }

    /** Reads one job object into {@code job}; null on a duplicate description field. */
    private static Description job(JsonParser p, ObjectMapper mapper, ObjectNode job) throws IOException {
        Description d = new Description();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("descriptionHtml")) {
                if (d.htmlSeen) {
                    return null;
                }
                d.htmlSeen = true;
                d.named = true;
                String fromBytes = t == JsonToken.VALUE_STRING ? htmlTextFromBytes(p) : null;
                if (fromBytes != null) {
                    d.fromHtml = fromBytes;
                } else if (t == JsonToken.VALUE_STRING) {
                    char[] chars = p.getTextCharacters();
                    int from = p.getTextOffset();
                    int length = p.getTextLength();
                    d.fromHtml = isBlank(chars, from, length) ? null : HtmlText.of(chars, from, length);
                } else {
                    String html = JsonFields.text(job(name, value(p, mapper)), name);
                    d.fromHtml = html == null || html.isBlank() ? null : HtmlText.of(html);
                }
            } else if (name.equals("descriptionPlain")) {
                if (d.plainSeen) {
                    return null;
                }
                d.plainSeen = true;
                d.named = true;
                if (d.fromHtml != null) {
                    // Not needed: the HTML gave the text. Skipping leaves the string undecoded.
                    p.skipChildren();
                } else {
                    d.plain = JsonFields.text(job(name, value(p, mapper)), name);
                }
            } else {
                ReadParts read = AshbyParser.JOB_PARTS.field(name);
                if (read != null) {
                    job.set(name, value(p, mapper, read));
                } else {
                    // A field the parser does not read (applyUrl, address, team...): skipped undecoded.
                    p.skipChildren();
                }
            }
        }
        return d;
    }

    /**
     * The text of the HTML string value at the parser, read from the document's bytes before the
     * parser decodes it ({@link HtmlText#ofJsonString}), the parser then moved past the string
     * without reading it again; null, and the parser not moved, when that way does not take the
     * string or its text is blank: the string is then read the char way, which decides as
     * before (a blank text can come from blank HTML, which counts as no description).
     */
    private static String htmlTextFromBytes(JsonParser p) {
        if (!(p instanceof StringSkippingParser parser)) {
            return null;
        }
        int start = parser.undecodedStringStart();
        if (start < 0) {
            return null;
        }
        HtmlText.FromJson read = HtmlText.ofJsonString(parser.bytes(), start);
        if (read == null || read.text().isBlank()) {
            return null;
        }
        parser.skipStringEndingAt(read.closingQuote());
        return read.text();
    }

    /** A one-field object, so {@link JsonFields#text} applies its rules to a lone value. */
    private static ObjectNode job(String name, JsonNode value) {
        ObjectNode o = PostingJson.mapper().createObjectNode();
        o.set(name, value);
        return o;
    }

    /**
     * The value at the parser as {@code readTree} would give it, made from the mapper's node
     * factory as {@code readTree} makes it: objects, arrays, strings, booleans, nulls and integers
     * (an int, long or big integer node by size). {@code readTree}'s set-up per call (a
     * deserialization context for each field of each job) showed in profiles. Floating-point
     * numbers, whose node depends on the mapper's settings, still go through {@code readTree}.
     */
    private static JsonNode value(JsonParser p, ObjectMapper mapper) throws IOException {
        return value(p, mapper, ReadParts.ALL);
    }

    /** {@link #value(JsonParser, ObjectMapper)} of the {@code parts} read, the rest skipped undecoded. */
    private static JsonNode value(JsonParser p, ObjectMapper mapper, ReadParts parts) throws IOException {
        JsonNodeFactory nodes = mapper.getNodeFactory();
        switch (p.currentToken()) {
            case START_OBJECT: {
                ObjectNode object = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    ReadParts read = parts.field(name);
                    p.nextToken();
                    if (read == null) {
                        p.skipChildren();
                    } else {
                        object.set(name, value(p, mapper, read));
                    }
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = nodes.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(p, mapper, parts));
                }
                return array;
            }
            case VALUE_STRING:
                return nodes.textNode(p.getText());
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return nodes.numberNode(p.getIntValue());
                    case LONG:
                        return nodes.numberNode(p.getLongValue());
                    default:
                        return nodes.numberNode(p.getBigIntegerValue());
                }
            default:
                JsonNode v = mapper.readTree(p);
                return v == null ? NullNode.getInstance() : v;
        }
    }

    private static boolean isBlank(char[] chars, int from, int length) {
        for (int k = from; k < from + length; k++) {
            if (!Character.isWhitespace(chars[k])) {
                return false;
            }
        }
        return true;
    }
}
