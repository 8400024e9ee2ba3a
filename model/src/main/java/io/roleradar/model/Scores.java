package io.roleradar.model;

/** Checks for numbers that must lie in [0, 1]. */
final class Scores {
    private Scores() {
    }

    static double requireUnit(double value, String field) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(field + " must be in [0, 1], got " + value);
        }
        return value;
    }
}
