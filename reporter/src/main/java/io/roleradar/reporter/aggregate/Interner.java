package io.roleradar.reporter.aggregate;

import java.util.HashMap;
import java.util.Map;

/**
 * Shares one instance of strings that repeat across many postings (company, source, taxonomy
 * version), so a million postings from a few thousand companies hold a few thousand strings.
 * Not thread-safe: one per aggregation.
 */
public final class Interner {
    private final Map<String, String> seen = new HashMap<>();

    public String intern(String s) {
        if (s == null) {
            return null;
        }
        String existing = seen.putIfAbsent(s, s);
        return existing == null ? s : existing;
    }
}
