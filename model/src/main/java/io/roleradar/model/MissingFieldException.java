package io.roleradar.model;

/** A required field of a message is null, absent or blank. */
public final class MissingFieldException extends IllegalArgumentException {
    private final String field;

    public MissingFieldException(String field) {
        super("required field '" + field + "' is missing or blank");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
