package io.roleradar.classifier.taxonomy;

/**
 * What a matched phrase is evidence of. Each taxonomy rule names one signal; the classifier adds
 * up the weights of the matches of each signal, weighted by where in the posting they were found.
 */
public enum Signal {
    /** The core of the job is ML work (TAXONOMY.md section 1). */
    ML,
    /** The job is something else: sales, recruiting, product, BI reporting, annotation, ... */
    NOT_ML,
    /** The deliverable is a model or an analysis. */
    MODELING,
    /** The deliverable is the system around models. */
    INFRA,
    /** Deep expertise in one named field is asked for. */
    SPECIALIST,
    /** Broad work across varied problems. */
    GENERALIST,
    /** The role's work sits in one domain; the rule names it. */
    DOMAIN,
    /** A seniority word; the rule names the level. */
    LEVEL,
    /** The role manages people. */
    MANAGER,
    /** The employer describes itself as a start-up (ML coding rounds are more common there). */
    STARTUP,
    /**
     * A line holding this phrase states a requirement ("experience with", "required") wherever it
     * stands, so a domain named on it counts as asked-for expertise (specialization).
     */
    REQUIREMENT,
    /** A line holding this phrase is company boilerplate wherever it stands (equal opportunity, privacy, ...). */
    BOILERPLATE
}
