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
}
