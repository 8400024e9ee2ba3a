package io.roleradar.classifier.learn;

import io.roleradar.classifier.taxonomy.SectionKind;

/**
 * Where in a posting a rule's phrase was found, as the learned weights tell places apart: the same
 * phrase weighs differently in the title, in the duties, among the requirements or as a
 * nice-to-have. Company boilerplate is no bucket: it is never evidence.
 */
public enum Bucket {
    TITLE,
    DEPARTMENT,
    /** Text before the first heading: sometimes the role, often the company's own blurb. */
    INTRO,
    /** Duties and every other section that describes the work. */
    DUTIES,
    /** A requirements section, or a line that states a requirement ("experience with ...") anywhere. */
    REQUIREMENTS,
    NICE_TO_HAVE;

    public static final int COUNT = values().length;

    /** The bucket of a description match in a section of {@code kind}, on a requirement line or not. */
    public static Bucket ofText(SectionKind kind, boolean requirementLine) {
        if (kind == SectionKind.NICE_TO_HAVE) {
            return NICE_TO_HAVE;
        }
        if (kind == SectionKind.REQUIREMENTS || requirementLine) {
            return REQUIREMENTS;
        }
        return kind == SectionKind.INTRO ? INTRO : DUTIES;
    }
}
