package io.roleradar.model;

/** Argument checks for the records' compact constructors: fail fast, naming the field. */
final class Checks {
    private Checks() {
    }

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MissingFieldException(field, "required field '" + field + "' is missing or blank");
        }
        return value;
    }

    /** A required object field: absent or null is a missing field, as for text, not a bare NullPointerException. */
    static <T> T requirePresent(T value, String field) {
        if (value == null) {
            // Nothing can be blank about an object.
            throw new MissingFieldException(field, "required field '" + field + "' is missing");
        }
        return value;
    }

    /** A number that must lie in [0, 1]. */
    static double requireUnit(double value, String field) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(field + " must be in [0, 1], got " + value);
        }
        return value;
    }
}
