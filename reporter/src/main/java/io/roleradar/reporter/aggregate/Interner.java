package io.roleradar.reporter.aggregate;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares one instance of values that repeat across many postings (company, source, taxonomy
 * version, dates, domain lists), so a million postings from a few thousand
 * companies hold a few thousand strings. Only for immutable values with equals and hashCode.
 * Thread-safe, since postings are decoded on several threads.
 */
public final class Interner {
    private final ConcurrentHashMap<Object, Object> seen = new ConcurrentHashMap<>();

    /** The shared instance equal to {@code value}, or null for null. */
    @SuppressWarnings("unchecked")
    public <T> T intern(T value) {
        if (value == null) {
            return null;
        }
        // A plain read first: putIfAbsent locks the bin even when the value is there, which is
        // nearly always, and two decoding threads would queue on it.
        Object existing = seen.get(value);
        if (existing != null) {
            return (T) existing;
        }
        existing = seen.putIfAbsent(value, value);
        return existing == null ? value : (T) existing;
    }
}
