package io.roleradar.ingest;

import io.roleradar.ingest.fetch.HttpSettings;
import io.roleradar.ingest.parse.CsvColumns;
import io.roleradar.ingest.source.SourceSettings;
import io.roleradar.ingest.source.SourceSpec;
import io.roleradar.kafka.KafkaSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one ingest service runs, after flags, environment and config file were combined and checked
 * ({@link RunCommand} makes it).
 *
 * @param every           the schedule, or null to run once
 * @param output          the JSON Lines file to write ("-" for stdout) instead of Kafka, or null
 * @param rejects         the file every reject is appended to, or null
 * @param kafka           the Kafka client settings; null when writing to {@code output}
 * @param rawTopic        the topic the postings are published to, the only one ingest uses
 * @param partitions      the partition count of the raw topic when ingest creates it
 * @param stateDir        where the state store of what was published is kept (a folder per topic)
 * @param sourceSettings  API bases, fetch threads and the charset of local files
 */
public record IngestSettings(List<SourceSpec> sources, Duration every, String output, Path rejects,
                             CsvColumns columns, HttpSettings http, int maxLinks,
                             KafkaSettings kafka, String rawTopic, int partitions, String transactionalId,
                             Path stateDir, SourceSettings sourceSettings) {
    public IngestSettings {
        sources = List.copyOf(sources);
    }
}
