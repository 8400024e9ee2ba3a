package io.roleradar.classifier.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.roleradar.model.PostingJson;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The elements of one JSON array ({@code [{...}, {...}]}, on one line or pretty-printed), read one
 * at a time, so an array of any length takes the memory of one element. Each element comes back
 * as its JSON on one line, to be read as a posting (or rejected) alone. Unlike bad JSON Lines,
 * broken JSON inside an array cannot be skipped: where the elements end is lost with it, so that
 * is a {@link Broken} naming the line and column, and nothing after it is read.
 */
final class JsonArrayElements implements Closeable {
    /** One element: its number, counted from 1, the line it starts on, and its JSON on one line. */
    record Element(long number, long line, byte[] json) {
    }

    /** The input is not one whole JSON array; the message says where and why. */
    static final class Broken extends IOException {
        Broken(String message) {
            super(message);
        }
    }

    private final JsonParser parser;
    private long number;

    JsonArrayElements(InputStream in) throws IOException {
        this.parser = PostingJson.mapper().createParser(in);
        if (token() != JsonToken.START_ARRAY) {
            throw new Broken("not a JSON array");
        }
    }

    /** The next element, or null after the last (once nothing but whitespace follows the array). */
    Element next() throws IOException {
        JsonToken token = token();
        if (token == JsonToken.END_ARRAY) {
            JsonLocation end = parser.currentTokenLocation();
            if (token() != null) {
                throw new Broken("more follows the array's end at line " + end.getLineNr()
                        + ": give one JSON array, or one posting per line (JSON Lines)");
            }
            return null;
        }
        if (token == null) {
            throw new Broken("the array is not closed: it ends after element " + number + " without a ']'");
        }
        number++;
        long line = parser.currentTokenLocation().getLineNr();
        JsonNode element;
        try {
            element = parser.readValueAsTree();
        } catch (JacksonException e) {
            throw broken(e, "in element " + number + ", ");
        }
        return new Element(number, line, PostingJson.mapper().writeValueAsBytes(element));
    }

    private JsonToken token() throws IOException {
        try {
            return parser.nextToken();
        } catch (JacksonException e) {
            throw broken(e, number == 0 ? "" : "after element " + number + ", ");
        }
    }

    private static Broken broken(JacksonException e, String element) {
        JsonLocation at = e.getLocation();
        String where = element + (at == null ? "" : "at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ");
        // A limit's message ends by naming Jackson's setting, which is no use to the person reading it.
        String message = String.valueOf(e.getOriginalMessage()).replaceAll(", from `[^`]*`\\)", ")");
        // Jackson checks the UTF-8 as it decodes; say it in the words classify uses for a line.
        String why = message.startsWith("Invalid UTF-8") ? "not valid UTF-8 text"
                : "not valid JSON: " + message.lines().findFirst().orElse("");
        return new Broken(where + why);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
