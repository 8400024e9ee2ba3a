package io.roleradar.kafka;

/**
 * The names of the three topics of the pipeline. Defaults follow the contract; each can be renamed
 * through the environment ({@value #RAW_ENV}, {@value #TAGGED_ENV}, {@value #DEAD_LETTER_ENV}) or
 * the flag of a command that uses it ({@code io.roleradar.cli.RawTopicOption} and its siblings),
 * e.g. to run two pipelines on one cluster.
 */
public record Topics(String raw, String tagged, String deadLetter) {
    public static final String DEFAULT_RAW = "postings.raw";
    public static final String DEFAULT_TAGGED = "postings.tagged";
    public static final String DEFAULT_DEAD_LETTER = "postings.dlq";
    /** The environment variables of the three names and of the partition count. */
    public static final String RAW_ENV = "ROLERADAR_TOPIC_RAW";
    public static final String TAGGED_ENV = "ROLERADAR_TOPIC_TAGGED";
    public static final String DEAD_LETTER_ENV = "ROLERADAR_TOPIC_DLQ";
    public static final String PARTITIONS_ENV = "ROLERADAR_TOPIC_PARTITIONS";
    /** Partitions of a raw or tagged topic roleradar creates, unless told otherwise ({@value #PARTITIONS_ENV}). */
    public static final int DEFAULT_PARTITIONS = 3;
    /**
     * The reporter's own topic ({@code reporter follow}): each tagged posting's report facts, in the
     * tagged record's partition, keyed alike, compacted. Not part of the three-topic contract, so it
     * is not a field of this record.
     */
    public static final String DEFAULT_FACTS = "postings.facts";
    public static final Topics DEFAULTS = new Topics(DEFAULT_RAW, DEFAULT_TAGGED, DEFAULT_DEAD_LETTER);

    public Topics {
        requireName(raw, "raw topic (" + RAW_ENV + ")");
        requireName(tagged, "tagged topic (" + TAGGED_ENV + ")");
        requireName(deadLetter, "dead-letter topic (" + DEAD_LETTER_ENV + ")");
    }

    /** Checks a topic name given by flag, with what it is for in the message. */
    public static String checkName(String name, String what) {
        requireName(name, what);
        return name;
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the " + what + " must not be blank");
        }
        if (!name.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("the " + what + " '" + name
                    + "' is not a legal Kafka topic name: use letters, digits, '.', '_' and '-'");
        }
    }
}
