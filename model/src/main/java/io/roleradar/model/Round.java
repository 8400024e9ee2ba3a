package io.roleradar.model;

/** The four interview rounds a candidate for an ML role prepares for (TAXONOMY.md section 6). */
public enum Round {
    /** Breadth: a rapid-fire check of ML basics. Every ML role. */
    ML_FUNDAMENTALS,
    /** Depth: past projects and domain knowledge. */
    ML_CASE_STUDY,
    /** Design an ML system for a product, with its trade-offs. */
    ML_SYSTEM_DESIGN,
    /** Implement basic models in code. */
    ML_CODING
}
