package io.roleradar.reporter.input;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a file given to {@code reporter run --input} is when it is not tagged postings, told from its
 * first bytes, so the run says in one line what it got and which command reads it (the README's
 * conventions; exit 2) instead of a decoding error or "none of the records could be read".
 * A compressed or binary file is refused before the read, since no line of it is text; a board
 * response, a web page or a CSV file only once no record of it could be read, since a file of
 * tagged postings may well begin with a broken line. (Raw postings are told apart record by record,
 * by the decoder; {@code classify} tells the kinds of its own input in the classifier module.)
 */
public enum InputKind {
    GZIP("compressed (gzip)", "gunzip -c"),
    ZIP("a zip archive", "unzip -p"),
    BZIP2("compressed (bzip2)", "bzip2 -dc"),
    XZ("compressed (xz)", "xz -dc"),
    ZSTD("compressed (zstd)", "zstd -dc"),
    BINARY("not UTF-8 text (binary data, or text in another encoding)", null),
    ASHBY_BOARD("an Ashby board response", null),
    GREENHOUSE_BOARD("a Greenhouse board response", null),
    LEVER_BOARD("a Lever board response", null),
    WEB_PAGE("a web page (HTML)", null),
    CSV("a CSV file", null);

    /** How much of the input is looked at: a pretty-printed board response names its fields within a few kilobytes. */
    public static final int HEAD = 8192;

    private final String description;
    private final String unpack;

    InputKind(String description, String unpack) {
        this.description = description;
        this.unpack = unpack;
    }

    /** Refuses an input before it is read, with the one line that says what it is and what to do. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** The kind of an input whose first {@code length} bytes are {@code head}, or null when it may be tagged postings. */
    public static InputKind sniff(byte[] head, int length) {
        if (starts(head, length, 0x1f, 0x8b)) {
            return GZIP;
        }
        if (starts(head, length, 'P', 'K', 3, 4)) {
            return ZIP;
        }
        if (starts(head, length, 'B', 'Z', 'h')) {
            return BZIP2;
        }
        if (starts(head, length, 0xfd, '7', 'z', 'X', 'Z', 0)) {
            return XZ;
        }
        if (starts(head, length, 0x28, 0xb5, 0x2f, 0xfd)) {
            return ZSTD;
        }
        if (!text(head, length)) {
            return BINARY;
        }
        String h = new String(head, 0, length, StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        if (h.isEmpty()) {
            return null;
        }
        if (h.startsWith("<")) {
            return WEB_PAGE;
        }
        if (h.startsWith("{") || h.startsWith("[")) {
            // The fields each board's API names, as classify looks for them; never in a tagged posting's keys.
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
            return null;
        }
        String firstLine = h.lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
        return firstLine.contains(",") || firstLine.contains("\t") || firstLine.contains(";") ? CSV : null;
    }

    /** Whether this kind is refused before the read: no line of it is text the decoder could read. */
    public boolean refusedBeforeReading() {
        return this.ordinal() <= BINARY.ordinal();
    }

    /** The one line a run prints for it, without the "roleradar reporter run: " in front. */
    public String message(String path) {
        boolean stdin = "-".equals(path);
        String name = stdin ? "standard input" : path;
        String file = stdin ? "FILE" : path;
        if (unpack != null) {
            return name + " is " + description + ", not JSON Lines: unpack it first, e.g. '"
                    + unpack + " " + file + " | roleradar reporter run --input -'";
        }
        if (this == BINARY) {
            return name + " is " + description + ", not JSON Lines of tagged postings: give the file "
                    + "'roleradar classify --output' wrote";
        }
        return name + " is " + description + ", not tagged postings: ingest it first ('roleradar ingest run "
                + "--source " + file + " --output raw.jsonl'), then classify it ('roleradar classify --input raw.jsonl "
                + "--output tagged.jsonl')";
    }

    /** The line for a folder given where a file belongs. */
    public static String folderMessage(String path) {
        return path + " is a folder, not a file: give --input the one JSON Lines file of tagged postings "
                + "'roleradar classify --output' wrote";
    }

    private static boolean starts(byte[] head, int length, int... magic) {
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

    /** UTF-8 without NUL: a sequence cut off at the end of the head is not held against it. */
    private static boolean text(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                return false;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(ByteBuffer.wrap(head, 0, length), CharBuffer.allocate(length), false);
        return !result.isError();
    }
}
