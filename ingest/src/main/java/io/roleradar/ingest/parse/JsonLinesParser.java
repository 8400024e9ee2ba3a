package io.roleradar.ingest.parse;

import io.roleradar.ingest.source.Document;
import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * JSON Lines of raw postings, one {@link RawPosting} per line as {@link PostingJson} writes them;
 * each keeps the id it carries. A bad line is rejected with its line number and the file goes on.
 */
public final class JsonLinesParser {
    private JsonLinesParser() {
    }

    public static List<ParseResult> parse(Document doc, String text) {
        List<ParseResult> results = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            String where = doc.name() + " line " + (i + 1);
            try {
                RawPosting posting = PostingJson.readRaw(line);
                if (posting.fetchedAt() == null) {
                    posting = posting.toBuilder().fetchedAt(doc.fetchedAt()).build();
                }
                results.add(new Parsed(posting));
            } catch (InvalidMessageException e) {
                results.add(new Rejected(where, e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        e.getMessage()));
            }
        }
        return results;
    }
}
