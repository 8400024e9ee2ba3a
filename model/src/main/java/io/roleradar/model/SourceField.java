package io.roleradar.model;

/** The part of a posting a piece of evidence was found in; offsets are into that field's text. */
public enum SourceField {
    TITLE,
    DEPARTMENT,
    DESCRIPTION
}
