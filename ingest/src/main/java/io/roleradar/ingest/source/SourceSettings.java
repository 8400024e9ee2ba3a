package io.roleradar.ingest.source;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * How sources are read, beyond HTTP politeness ({@link io.roleradar.ingest.fetch.HttpSettings}):
 * where each ATS's API is asked, how many hosts are fetched from at once, and the charset of local
 * files that do not say theirs.
 *
 * @param apiBases     the base URL per ATS ({@code --api-base})
 * @param fetchThreads most hosts fetched from at the same time ({@code --fetch-threads}); one host is never asked twice at once
 * @param charset      the charset of local text files without a byte-order mark ({@code --charset}); null for UTF-8
 */
public record SourceSettings(ApiBases apiBases, int fetchThreads, Charset charset) {
    public static final int DEFAULT_FETCH_THREADS = 4;

    public SourceSettings {
        Objects.requireNonNull(apiBases, "apiBases");
        if (fetchThreads < 1 || fetchThreads > 64) {
            throw new IllegalArgumentException("--fetch-threads must be between 1 and 64, got " + fetchThreads);
        }
    }

    /** The public API hosts, four hosts at once, UTF-8. */
    public static SourceSettings defaults() {
        return new SourceSettings(ApiBases.PUBLIC, DEFAULT_FETCH_THREADS, null);
    }
}
