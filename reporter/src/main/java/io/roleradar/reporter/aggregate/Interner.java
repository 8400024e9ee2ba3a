package io.roleradar.reporter.aggregate;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares one instance of strings that repeat across many postings (company, source, taxonomy
 * version), so a million postings from a few thousand companies hold a few thousand strings.
 * Thread-safe, since postings are decoded on several threads.
 */
public final class Interner {
    private final ConcurrentHashMap<String, String> seen = new ConcurrentHashMap<>();

    public String intern(String s) {
        if (s == null) {
            return null;
        }
        // A plain read first: putIfAbsent locks the bin even when the string is there, which is
        // nearly always, and two decoding threads would queue on it.
        String existing = seen.get(s);
        if (existing != null) {
            return existing;
        }
        existing = seen.putIfAbsent(s, s);
        return existing == null ? s : existing;
    }
}
