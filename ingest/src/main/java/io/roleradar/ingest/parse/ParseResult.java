package io.roleradar.ingest.parse;

/**
 * What reading one posting gave: a {@link Parsed} posting, or a {@link Rejected} input with the
 * reason. Bad input is a value so a run can count it, report it and go on.
 */
public sealed interface ParseResult permits Parsed, Rejected {
}
