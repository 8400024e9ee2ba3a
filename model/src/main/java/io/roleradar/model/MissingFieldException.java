package io.roleradar.model;

/** A required field of a message is null, absent or blank. */
public final class MissingFieldException extends IllegalArgumentException {
    private final String field;

    public MissingFieldException(String field) {
        this(field, "required field '" + field + "' is missing or blank");
    }

    private MissingFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** A required object (not text) that is absent or null: nothing can be blank about it. */
    static MissingFieldException absent(String field) {
        return new MissingFieldException(field, "required field '" + field + "' is missing");
    }

    public String field() {
        return field;
    }
}
