package io.roleradar.model;

/** A message that says which version of its shape it is. */
interface Versioned {
    /** The version of this message's shape; 1 for the first. */
    int schemaVersion();
}
