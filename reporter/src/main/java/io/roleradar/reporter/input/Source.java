package io.roleradar.reporter.input;

import java.util.List;

/**
 * Where a report's postings came from, for the manifest: a snapshot of a topic (each partition
 * from its first to its end offset as seen at the start) or a JSON Lines file.
 */
public sealed interface Source permits Source.TopicSnapshot, Source.JsonLinesFile {

    /** A topic read from the beginning to the end offsets seen when the run started. */
    record TopicSnapshot(String topic, String bootstrapServers, List<PartitionRange> partitions) implements Source {
        public TopicSnapshot {
            partitions = List.copyOf(partitions);
        }
    }

    /** One partition's range: {@code startOffset} inclusive, {@code endOffset} exclusive. */
    record PartitionRange(int partition, long startOffset, long endOffset) {
    }

    /** A file of tagged postings, one JSON value per line ({@code -} is standard input). */
    record JsonLinesFile(String path, long lines) implements Source {
    }
}
