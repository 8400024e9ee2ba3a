package io.roleradar.reporter.aggregate;

/**
 * A record the reporter could not read: where it was ({@code postings.tagged-1@42} or
 * {@code tagged.jsonl:17}), the machine-readable reason (an
 * {@link io.roleradar.model.InvalidMessageException.Reason} name) and a message a person can act on.
 */
public record Rejection(String where, String reason, String message) {
}
