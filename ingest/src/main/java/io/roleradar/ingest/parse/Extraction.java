package io.roleradar.ingest.parse;

import java.net.URI;
import java.util.List;

/**
 * What one document gave: its postings and rejects, and, for a board listing page, the links to
 * its job pages (which the caller may fetch).
 */
public record Extraction(List<ParseResult> results, List<URI> jobLinks) {
    public Extraction {
        results = List.copyOf(results);
        jobLinks = List.copyOf(jobLinks);
    }

    public static Extraction of(List<ParseResult> results) {
        return new Extraction(results, List.of());
    }

    public static Extraction rejected(Rejected rejected) {
        return new Extraction(List.of(rejected), List.of());
    }
}
