package io.roleradar.classifier.taxonomy;

/**
 * The kinds of section a description is made of, told apart by their headings. Each has a weight
 * in the taxonomy: duties count most, company boilerplate not at all.
 */
public enum SectionKind {
    /** Text before the first recognised heading: often the company's blurb, sometimes the role. */
    INTRO,
    /** What you'll do: the strongest evidence. */
    DUTIES,
    /** What you bring. */
    REQUIREMENTS,
    /** Nice to have: weak evidence, since TAXONOMY.md says a nice-to-have does not make a domain. */
    NICE_TO_HAVE,
    /** About the team. */
    TEAM,
    /** How the interview process goes. */
    INTERVIEW,
    /** A heading the taxonomy does not know. */
    OTHER,
    /** About the company, benefits, equal opportunity, privacy, recruitment fraud: never evidence. */
    BOILERPLATE
}
