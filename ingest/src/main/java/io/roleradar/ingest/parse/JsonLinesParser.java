package io.roleradar.ingest.parse;

import io.roleradar.ingest.source.Document;
import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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

    /** Parses the document's bytes line by line. */
    public static List<ParseResult> parse(Document doc) {
        byte[] body = doc.body();
        List<ParseResult> results = new ArrayList<>();
        int start = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF ? 3 : 0;
        int lineNo = 0;
        while (start <= body.length) {
            int end = start;
            while (end < body.length && body[end] != '\n') {
                end++;
            }
            lineNo++;
            String where = doc.name() + " line " + lineNo;
            try {
                String line = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
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

    /** Parses lines of text (from a JSON array of raw postings). */
    static List<ParseResult> parse(Document doc, String text) {
        List<ParseResult> results = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (!line.isEmpty()) {
                results.add(line(doc, line, doc.name() + " line " + (i + 1)));
            }
        }
        return results;
    }

    private static ParseResult line(Document doc, String line, String where) {
        try {
            RawPosting posting = PostingDraft.clean(PostingJson.readRaw(line));
            if (posting == null) {
                return new Rejected(where, Rejected.MISSING_FIELD, "nothing is left of the title or description once markup is removed");
            }
            if (posting.fetchedAt() == null) {
                posting = posting.toBuilder().fetchedAt(doc.fetchedAt()).build();
            }
            return new Parsed(posting);
        } catch (InvalidMessageException e) {
            return new Rejected(where, e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'), e.getMessage());
        }
    }
}
