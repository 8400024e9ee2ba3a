package io.roleradar.model;

/** A required field of a message is null, absent or blank. */
public final class MissingFieldException extends IllegalArgumentException {
    private final String field;

    MissingFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
