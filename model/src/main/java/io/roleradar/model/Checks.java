package io.roleradar.model;

/** Argument checks for the records' compact constructors: fail fast, naming the field. */
final class Checks {
    private Checks() {
    }

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MissingFieldException(field);
        }
        return value;
    }

    /** A required object field: absent or null is a missing field, as for text, not a bare NullPointerException. */
    static <T> T requirePresent(T value, String field) {
        if (value == null) {
            throw MissingFieldException.absent(field);
        }
        return value;
    }
}
