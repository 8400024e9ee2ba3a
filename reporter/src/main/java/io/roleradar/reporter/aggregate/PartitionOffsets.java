package io.roleradar.reporter.aggregate;

/**
 * How far a persistent store has read one partition of the topic it follows: from
 * {@code start} (the first offset it read, inclusive) up to {@code next} (the next offset to read,
 * exclusive). Committed with the facts read, so a restart resumes at {@code next} exactly.
 */
public record PartitionOffsets(int partition, long start, long next) {
    public PartitionOffsets {
        if (partition < 0 || start < 0 || next < start) {
            throw new IllegalArgumentException("bad offsets of partition " + partition + ": " + start + ".." + next);
        }
    }
}
