package io.roleradar.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The meters of ingest: postings found, published, duplicates and rejected (by source kind and
 * reason), and fetch latency by outcome. Tag values come from small fixed sets (the ATS names,
 * {@code page}, {@code csv}, {@code jsonl}, {@code other}; the reject kinds) so a scrape stays small.
 */
public final class IngestMetrics {
    private static final Set<String> SOURCE_KINDS = Set.of("ashby", "greenhouse", "lever", "page", "csv", "remotive",
            "usajobs", "adzuna", "workday");
    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters that go nowhere, for library use without a metrics endpoint. */
    public static IngestMetrics none() {
        return new IngestMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void found(String source) {
        counter("roleradar.ingest.postings.found", "postings read from sources, duplicates included", source).increment();
    }

    public void duplicate(String source) {
        counter("roleradar.ingest.postings.duplicates", "postings merged into an earlier one", source).increment();
    }

    public void published(String source) {
        counter("roleradar.ingest.postings.published", "postings published (new or changed)", source).increment();
    }

    public void unchanged(String source) {
        counter("roleradar.ingest.postings.unchanged", "postings already published with the same content", source).increment();
    }

    public void rejected(String origin, String reason) {
        Counter.builder("roleradar.ingest.postings.rejected")
                .description("inputs that gave no posting, by reason")
                .tag("source", origin)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    public void fetch(String outcome, Duration latency) {
        Timer.builder("roleradar.ingest.fetch")
                .description("HTTP fetch latency by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .record(latency);
    }

    /** The tag value for a posting's source: its ATS, page, csv, jsonl or other. */
    static String kind(String source) {
        if (source == null) {
            return "jsonl";
        }
        int colon = source.indexOf(':');
        String prefix = (colon < 0 ? source : source.substring(0, colon)).toLowerCase(Locale.ROOT);
        return SOURCE_KINDS.contains(prefix) ? prefix : "other";
    }

    private Counter counter(String name, String description, String source) {
        return Counter.builder(name).description(description).tag("source", kind(source)).register(registry);
    }
}
