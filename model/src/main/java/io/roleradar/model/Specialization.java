package io.roleradar.model;

/** The second axis of an ML role (TAXONOMY.md section 3): one deep field, or broad ML across problems. */
public enum Specialization {
    GENERALIST,
    SPECIALIST
}
