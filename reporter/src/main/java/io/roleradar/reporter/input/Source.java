package io.roleradar.reporter.input;

import io.roleradar.cli.InputKind;

import java.util.List;

/**
 * Where a report's postings came from, for the manifest: a snapshot of a topic (each partition
 * from its first to its end offset as seen at the start) or a JSON Lines file.
 */
public sealed interface Source permits Source.TopicSnapshot, Source.JsonLinesFile, Source.FactsTopic {

    /** A topic read from the beginning to the end offsets seen when the run started. */
    record TopicSnapshot(String topic, String bootstrapServers, List<PartitionRange> partitions) implements Source {
        public TopicSnapshot {
            partitions = List.copyOf(partitions);
        }
    }

    /** One partition's range: {@code startOffset} inclusive, {@code endOffset} exclusive. */
    record PartitionRange(int partition, long startOffset, long endOffset) {
    }

    /**
     * The facts topic {@code reporter follow} keeps its store current from: each partition read
     * from {@code startOffset} up to {@code endOffset} (exclusive, the next offset to read), the
     * facts of the tagged topic {@code taggedTopic} as its projectors made them (read_committed).
     */
    record FactsTopic(String topic, String taggedTopic, String bootstrapServers, List<PartitionRange> partitions)
            implements Source {
        public FactsTopic {
            partitions = List.copyOf(partitions);
        }
    }

    /**
     * A file of tagged postings, one JSON value per line ({@code -} is standard input).
     *
     * @param kind what its first bytes look like when not tagged postings (a board response, a web
     *             page, a CSV file), named if no record of it can be read; else null
     */
    record JsonLinesFile(String path, long lines, InputKind kind) implements Source {
    }
}
