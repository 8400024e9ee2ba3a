package io.roleradar.ingest.source;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The bytes of one file or HTTP response, with what is known about where they came from; the
 * parsers take the board name, file stem and URL from here to build stable ids.
 *
 * @param name        how messages name it: a path or a URL
 * @param url         the URL it was fetched from, null for a file
 * @param fileStem    the file name without extension, null for a URL
 * @param board       the board of a short form such as {@code ashby:cohere}, else null
 * @param body        the raw bytes
 * @param contentType the HTTP Content-Type, null for a file
 * @param fetchedAt   when it was read
 * @param company     the company's display name given with the source (a catalogue's {@code company:}), else null
 */
public record Document(String name, URI url, String fileStem, String board, byte[] body, String contentType,
                       Instant fetchedAt, String company) {
    public Document {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    public Document(String name, URI url, String fileStem, String board, byte[] body, String contentType,
                    Instant fetchedAt) {
        this(name, url, fileStem, board, body, contentType, fetchedAt, null);
    }

    /** The file stem lower-cased, the board name a saved response stands for; null for a URL. */
    public String stemLower() {
        return fileStem == null ? null : fileStem.toLowerCase(Locale.ROOT);
    }
}
