package io.roleradar.classifier.taxonomy;

/** Which fields of a posting a rule reads: the title (and department), the description, or both. */
public enum Scope {
    TITLE,
    TEXT,
    ANY;

    public boolean title() {
        return this != TEXT;
    }

    public boolean text() {
        return this != TITLE;
    }
}
