package io.roleradar.classifier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.roleradar.model.PostingJson;

import java.util.Locale;

/**
 * What a file that is not raw postings is, told from its first few kilobytes, so that a command
 * given the wrong kind of input says in one line what it got and which command reads it (or what
 * to do with it), instead of one parse error per line.
 */
public enum InputKind {
    ASHBY_BOARD("an Ashby board response"),
    GREENHOUSE_BOARD("a Greenhouse board response"),
    LEVER_BOARD("a Lever board response"),
    CSV("a CSV file"),
    WEB_PAGE("a web page (HTML)"),
    TAGGED_POSTINGS("tagged postings"),
    GZIP("gzip-compressed"),
    UTF16("UTF-16 text"),
    ZIP("a zip archive"),
    PDF("a PDF document"),
    BINARY("binary data, not text");

    /** As git tells a binary file: a NUL byte among the first 8000. */
    private static final int BINARY_PROBE = 8000;

    private final String description;

    InputKind(String description) {
        this.description = description;
    }

    /**
     * The kind of input whose first bytes are {@code head} when it is not text at all (compressed,
     * an archive, a document, UTF-16), or null when it is text: then its lines are read one by
     * one, and a line that is not valid UTF-8 is rejected alone.
     */
    public static InputKind sniff(byte[] head) {
        if (startsWith(head, 0x1f, 0x8b)) {
            return GZIP;
        }
        if (startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff)) {
            return UTF16;
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return ZIP;
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            return PDF;
        }
        for (int i = 0; i < Math.min(head.length, BINARY_PROBE); i++) {
            if (head[i] == 0) {
                return BINARY;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
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
        return switch (this) {
            case TAGGED_POSTINGS -> name + " holds tagged postings, not raw ones: they are tagged already; report them "
                    + "with 'roleradar reporter run --input " + source + " --out-dir reports'";
            case GZIP -> name + " is gzip-compressed: decompress it first ("
                    + ("-".equals(file) ? "'... | gunzip | roleradar classify'" : "'gunzip -c " + file + " | roleradar classify'")
                    + ")";
            case UTF16 -> name + " is UTF-16 text, and raw postings are read as UTF-8: convert it first "
                    + "('iconv -f UTF-16 -t UTF-8 " + source + " | roleradar classify')";
            case ZIP, PDF, BINARY -> name + " is " + description + ": give raw postings as JSON Lines, one JSON object "
                    + "per line (UTF-8 text)";
            default -> name + " is " + description + ", not raw postings: ingest it first "
                    + "('roleradar ingest run --source " + source + " --output raw.jsonl'), then classify raw.jsonl";
        };
    }
}
