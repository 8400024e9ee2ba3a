package io.roleradar.ingest.parse;

import io.roleradar.model.RawPosting;

import java.util.Objects;

/**
 * A posting read and normalised from a source, ready for identity checks and dedup.
 *
 * @param carried true for a posting read as ingest writes them (JSON Lines of raw postings): its
 *                {@code source} says where it once came from, not that this input lists that
 *                board's open postings, so it never closes any
 */
public record Parsed(RawPosting posting, boolean carried) implements ParseResult {
    public Parsed {
        Objects.requireNonNull(posting, "posting");
    }
}
