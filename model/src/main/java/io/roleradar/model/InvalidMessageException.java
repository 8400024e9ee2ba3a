package io.roleradar.model;

/**
 * A message that cannot be read as the contract says, with a machine-readable {@link Reason}
 * (used in dead-letter headers and metrics tags) and a message a person can act on.
 */
public final class InvalidMessageException extends Exception {
    /** Why a message was refused; a small fixed set so it can tag metrics. */
    public enum Reason {
        MALFORMED_JSON,
        UNSUPPORTED_SCHEMA_VERSION,
        MISSING_FIELD,
        INVALID_FIELD
    }

    private final Reason reason;

    public InvalidMessageException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
