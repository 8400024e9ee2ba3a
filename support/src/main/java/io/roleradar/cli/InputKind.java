package io.roleradar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.roleradar.model.PostingJson;

import java.util.Locale;

/**
 * What a file given to a command is, told from its first bytes, so that a command given the wrong
 * kind of input says in one line what it got and which command reads it (the README's conventions;
 * exit 2) instead of one parse error per line. The one place that knows the magic numbers and the
 * fields by which each board's API response is known; each command words its own message, since
 * what is wrong depends on what it reads ({@code classify} raw postings, {@code reporter run}
 * tagged ones).
 */
public enum InputKind {
    // The kinds that are not text begin with their magic numbers (UTF-16 with either byte order mark).
    GZIP("gzip-compressed", "gunzip -c", new int[] {0x1f, 0x8b}),
    ZIP("a zip archive", "unzip -p", new int[] {'P', 'K', 3, 4}),
    BZIP2("bzip2-compressed", "bzip2 -dc", new int[] {'B', 'Z', 'h'}),
    XZ("xz-compressed", "xz -dc", new int[] {0xfd, '7', 'z', 'X', 'Z', 0}),
    ZSTD("zstd-compressed", "zstd -dc", new int[] {0x28, 0xb5, 0x2f, 0xfd}),
    UTF16("UTF-16 text", null, new int[] {0xff, 0xfe}, new int[] {0xfe, 0xff}),
    PDF("a PDF document", null, new int[] {'%', 'P', 'D', 'F'}),
    BINARY("binary data, not text", null),
    ASHBY_BOARD("an Ashby board response", null),
    GREENHOUSE_BOARD("a Greenhouse board response", null),
    LEVER_BOARD("a Lever board response", null),
    WEB_PAGE("a web page (HTML)", null),
    CSV("a CSV file", null),
    TAGGED_POSTINGS("tagged postings", null);

    /** How much of an input to look at: a pretty-printed board response names its fields within a few kilobytes. */
    public static final int HEAD = 8192;
    /** As git tells a binary file: a NUL byte among the first 8000. */
    private static final int BINARY_PROBE = 8000;

    private final String description;
    private final String unpack;
    private final int[][] magics;

    InputKind(String description, String unpack, int[]... magics) {
        this.description = description;
        this.unpack = unpack;
        this.magics = magics;
    }

    /** What it is, in words: "gzip-compressed", "an Ashby board response". */
    public String description() {
        return description;
    }

    /** The command that unpacks a compressed file or an archive to standard output, else null. */
    public String unpack() {
        return unpack;
    }

    /** Whether no line of it is text: compressed, an archive, a document, UTF-16 or binary data. */
    public boolean notText() {
        return ordinal() <= BINARY.ordinal();
    }

    /**
     * The kind of an input whose first {@code length} bytes are {@code head} when it is not text at
     * all, or null when it is text: then its lines are read one by one.
     */
    public static InputKind notText(byte[] head, int length) {
        for (InputKind kind : values()) {
            for (int[] magic : kind.magics) {
                if (startsWith(head, length, magic)) {
                    return kind;
                }
            }
        }
        for (int i = 0; i < Math.min(length, BINARY_PROBE); i++) {
            if (head[i] == 0) {
                return BINARY;
            }
        }
        return null;
    }

    /**
     * The kind of a text input whose beginning is {@code head} (its first line is enough for JSON
     * Lines; a pretty-printed board response needs a few kilobytes), or null when it may well be
     * raw postings.
     */
    public static InputKind ofText(String head) {
        String h = head.replace("\uFEFF", "").strip();
        if (h.isEmpty()) {
            return null;
        }
        if (h.startsWith("<")) {
            return WEB_PAGE;
        }
        if (h.startsWith("{") || h.startsWith("[")) {
            // The fields each board's API names; never among a posting's keys.
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
        return firstLine.contains(",") || firstLine.contains("\t") || firstLine.contains(";") ? CSV : null;
    }

    private static boolean startsWith(byte[] head, int length, int[] magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
