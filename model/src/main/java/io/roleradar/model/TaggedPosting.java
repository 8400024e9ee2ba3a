package io.roleradar.model;

/**
 * The value of topic {@code postings.tagged}, keyed by the posting id: the raw posting as it was read
 * and the classifier's tags for it.
 */
public record TaggedPosting(int schemaVersion, RawPosting posting, Tags tags) implements Versioned {
    /** The version this code writes; readers accept it and every earlier one. */
    public static final int SCHEMA_VERSION = 1;

    public TaggedPosting {
        // An absent schemaVersion reads as 0 and means the first version.
        schemaVersion = schemaVersion == 0 ? 1 : schemaVersion;
        // A missing field, as a reader's manifest or dead letter names it (MISSING_FIELD), not an NPE.
        Checks.requirePresent(posting, "posting");
        Checks.requirePresent(tags, "tags");
    }

    public static TaggedPosting of(RawPosting posting, Tags tags) {
        return new TaggedPosting(SCHEMA_VERSION, posting, tags);
    }

    public String id() {
        return posting.id();
    }
}
