package io.roleradar.reporter.input;

import io.roleradar.cli.InputKind;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An {@code --input} of {@code reporter run} that is not tagged postings ({@link InputKind} tells
 * what it is), and the one line that says so and which command reads it (exit 2). A file that is
 * not text is refused before the read; a board response, a web page or a CSV file only once no
 * record of it could be read, since a file of tagged postings may well begin with a broken line.
 * (Raw postings are told apart record by record, by the decoder.)
 */
public final class WrongInput {
    private WrongInput() {
    }

    /** Refuses an input, with the one line that says what it is and what to do. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** What a file whose first {@code length} bytes are {@code head} is, when it is not tagged postings; else null. */
    static InputKind sniff(byte[] head, int length) {
        InputKind notText = InputKind.notText(head, length);
        if (notText != null || !utf8(head, length)) {
            return notText != null ? notText : InputKind.BINARY;
        }
        InputKind kind = InputKind.ofText(new String(head, 0, length, StandardCharsets.UTF_8));
        return kind == InputKind.TAGGED_POSTINGS ? null : kind;
    }

    /** The one line a run prints for it, without the "roleradar reporter run: " in front. */
    public static String message(InputKind kind, String path) {
        boolean stdin = "-".equals(path);
        String name = stdin ? "standard input" : path;
        String file = stdin ? "FILE" : path;
        if (kind.unpack() != null) {
            return name + " is " + kind.description() + ", not JSON Lines: unpack it first, e.g. '"
                    + kind.unpack() + " " + file + " | roleradar reporter run --input -'";
        }
        if (kind.notText()) {
            String what = kind == InputKind.BINARY ? "binary data, or text in another encoding" : kind.description();
            return name + " is not UTF-8 text (" + what + "), not JSON Lines of tagged postings: give the file "
                    + "'roleradar classify --output' wrote";
        }
        return name + " is " + kind.description() + ", not tagged postings: ingest it first ('roleradar ingest run "
                + "--source " + file + " --output raw.jsonl'), then classify it ('roleradar classify --input raw.jsonl "
                + "--output tagged.jsonl')";
    }

    /** The line for a folder given where a file belongs. */
    static String folderMessage(String path) {
        return path + " is a folder, not a file: give --input the one JSON Lines file of tagged postings "
                + "'roleradar classify --output' wrote";
    }

    /** UTF-8: a sequence cut off at the end of the head is not held against it. */
    private static boolean utf8(byte[] head, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(ByteBuffer.wrap(head, 0, length), CharBuffer.allocate(length), false);
        return !result.isError();
    }
}
