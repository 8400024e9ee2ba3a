package io.roleradar.classifier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.roleradar.model.PostingJson;

import java.util.Locale;

/**
 * What a file that is not raw postings is, told from its first few kilobytes, so that a command
 * given the wrong kind of input says in one line what it got and which command reads it, instead
 * of one parse error per line.
 */
public enum InputKind {
    ASHBY_BOARD("an Ashby board response"),
    GREENHOUSE_BOARD("a Greenhouse board response"),
    LEVER_BOARD("a Lever board response"),
    CSV("a CSV file"),
    WEB_PAGE("a web page (HTML)"),
    TAGGED_POSTINGS("tagged postings");

    private final String description;

    InputKind(String description) {
        this.description = description;
    }

    /**
     * The kind of input whose beginning is {@code head} (its first line alone is enough for JSON
     * Lines; a pretty-printed board response needs a few kilobytes), or null when it may well be
     * raw postings after all.
     */
    public static InputKind sniff(String head) {
        String h = head.replace("\uFEFF", "").strip();
        if (h.isEmpty()) {
            return null;
        }
        if (h.startsWith("<")) {
            return WEB_PAGE;
        }
        if (h.startsWith("{") || h.startsWith("[")) {
            if (h.contains("\"absolute_url\"") || h.contains("\"internal_job_id\"")) {
                return GREENHOUSE_BOARD;
            }
            if (h.contains("\"hostedUrl\"") || (h.contains("\"categories\"") && h.contains("\"descriptionPlain\""))) {
                return LEVER_BOARD;
            }
            if (h.contains("\"jobs\"") && (h.contains("\"jobUrl\"") || h.contains("\"descriptionPlain\"")
                    || h.contains("\"isListed\"") || h.contains("\"descriptionHtml\""))) {
                return ASHBY_BOARD;
            }
            String firstLine = h.lines().findFirst().orElse("");
            try {
                JsonNode tree = PostingJson.tree(firstLine);
                if (tree.isObject() && tree.has("posting") && tree.has("tags")) {
                    return TAGGED_POSTINGS;
                }
            } catch (RuntimeException e) {
                // not one JSON object per line: nothing more to tell
            }
            return null;
        }
        String firstLine = h.lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
        if (firstLine.contains(",") || firstLine.contains("\t") || firstLine.contains(";")) {
            return CSV;
        }
        return null;
    }

    /** The one line a command prints for it, without the "roleradar COMMAND: " in front. */
    public String message(String file) {
        String name = "-".equals(file) ? "stdin" : file;
        String source = "-".equals(file) ? "FILE" : file;
        if (this == TAGGED_POSTINGS) {
            return name + " holds tagged postings, not raw ones: they are tagged already; report them with "
                    + "'roleradar reporter run --input " + source + " --out-dir reports'";
        }
        return name + " is " + description + ", not raw postings: ingest it first "
                + "('roleradar ingest run --source " + source + " --output raw.jsonl'), then classify raw.jsonl";
    }
}
