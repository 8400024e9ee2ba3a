package io.roleradar.classifier.cli;

import io.roleradar.cli.InputKind;

/** The one line {@code classify} prints for an input that is not raw postings, without "roleradar classify: " in front. */
final class WrongInput {
    private WrongInput() {
    }

    static String message(InputKind kind, String file) {
        boolean stdin = "-".equals(file);
        String name = stdin ? "stdin" : file;
        String source = stdin ? "FILE" : file;
        if (kind.unpack() != null) {
            String unpacked = stdin ? "... | " + kind.unpack().replace(" -c", "").replace(" -dc", " -d").replace(" -p", "")
                    : kind.unpack() + " " + file;
            return name + " is " + kind.description() + ": decompress it first ('" + unpacked + " | roleradar classify')";
        }
        return switch (kind) {
            case TAGGED_POSTINGS -> name + " holds tagged postings, not raw ones: they are tagged already; report them "
                    + "with 'roleradar reporter run --input " + source + " --out-dir reports'";
            case UTF16 -> name + " is UTF-16 text, and raw postings are read as UTF-8: convert it first "
                    + "('iconv -f UTF-16 -t UTF-8 " + source + " | roleradar classify')";
            case PDF, BINARY -> name + " is " + kind.description() + ": give raw postings as JSON Lines, one JSON object "
                    + "per line (UTF-8 text)";
            default -> name + " is " + kind.description() + ", not raw postings: ingest it first "
                    + "('roleradar ingest run --source " + source + " --output raw.jsonl'), then classify raw.jsonl";
        };
    }
}
