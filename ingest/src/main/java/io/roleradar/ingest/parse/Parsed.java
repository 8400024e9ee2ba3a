package io.roleradar.ingest.parse;

import io.roleradar.model.RawPosting;

import java.util.Objects;

/** A posting read and normalised from a source, ready for identity checks and dedup. */
public record Parsed(RawPosting posting) implements ParseResult {
    public Parsed {
        Objects.requireNonNull(posting, "posting");
    }
}
