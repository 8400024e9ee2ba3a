package io.roleradar.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.roleradar.ingest.fetch.HttpSettings;
import io.roleradar.ingest.parse.CsvColumns;
import io.roleradar.ingest.source.SourceSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsTest {
    @Test
    void foundDuplicatesAndRejectsAreCountedBySourceKindAndReason() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PostingSources sources = new PostingSources(HttpSettings.defaults(), CsvColumns.defaults(), 10,
                new IngestMetrics(registry), SourceSettings.defaults());
        sources.read(List.of(Fixtures.file("greenhouse-acme.json"), Fixtures.file("malformed.json")));
        assertThat(registry.get("roleradar.ingest.postings.found").tag("source", "greenhouse").counter().count()).isEqualTo(3);
        assertThat(registry.get("roleradar.ingest.postings.duplicates").tag("source", "greenhouse").counter().count()).isEqualTo(1);
        assertThat(registry.get("roleradar.ingest.postings.rejected").tag("reason", "malformed-json").tag("source", "file")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("roleradar.ingest.postings.rejected").tag("reason", "empty-description").counter().count()).isEqualTo(1);
    }
}
