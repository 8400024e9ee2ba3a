package io.roleradar.model;

/** The first axis of an ML role (TAXONOMY.md section 2): is the deliverable a model or the system around it? */
public enum Responsibility {
    /** Data analysis and modeling: the deliverable is a model or an analysis. */
    MODELING,
    /** ML serving and infrastructure: the deliverable is the system around models. */
    INFRA
}
