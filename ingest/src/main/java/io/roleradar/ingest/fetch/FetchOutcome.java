package io.roleradar.ingest.fetch;

import java.net.URI;

/** What asking a server for a URL gave: the body, or a failure of a known kind with its reason. */
public sealed interface FetchOutcome {
    /** A 2xx answer within the size cap. */
    record Fetched(URI uri, byte[] body, String contentType) implements FetchOutcome {
    }

    /**
     * No usable answer.
     *
     * @param kind   a {@link io.roleradar.ingest.parse.Rejected} kind: http-error, timeout, too-large, unreachable, robots-disallowed
     * @param reason what happened, for the user
     */
    record Failed(URI uri, String kind, String reason) implements FetchOutcome {
    }
}
