package io.roleradar.ingest.parse;

import java.util.Objects;

/**
 * Input that gave no posting: which source (a file, URL, or a row/line/item within one), a short
 * fixed {@code kind} for counting and metrics (e.g. {@code malformed-json}, {@code http-error}),
 * and a {@code reason} a person can act on.
 *
 * @param source where the bad input was, e.g. {@code /data/jobs.csv row 12} or a URL
 * @param kind   one of the {@code KIND_*} constants, used to group rejects in summaries and metrics
 * @param reason what was wrong, in words
 */
public record Rejected(String source, String kind, String reason) implements ParseResult {
    public static final String MALFORMED_JSON = "malformed-json";
    public static final String UNKNOWN_FORMAT = "unknown-format";
    public static final String NO_POSTING = "no-posting";
    public static final String MISSING_FIELD = "missing-field";
    public static final String EMPTY_DESCRIPTION = "empty-description";
    public static final String INVALID_UTF8 = "invalid-utf8";
    public static final String BAD_CSV = "bad-csv";
    public static final String TOO_LARGE = "too-large";
    public static final String HTTP_ERROR = "http-error";
    public static final String TIMEOUT = "timeout";
    public static final String UNREACHABLE = "unreachable";
    public static final String ROBOTS = "robots-disallowed";
    public static final String UNREADABLE = "unreadable";

    public Rejected {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return source + ": " + reason + " [" + kind + "]";
    }
}
