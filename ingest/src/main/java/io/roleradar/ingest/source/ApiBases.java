package io.roleradar.ingest.source;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each ATS's API is asked: the public hosts, or a mirror, a caching proxy or a test server
 * given with {@code --api-base ATS=URL}. Only the base changes; the paths under it are the real
 * ones, so anything that serves saved answers at those paths stands in for the ATS.
 */
public final class ApiBases {
    /** The ATSs a base can be set for. */
    public static final List<String> ATS = List.of("ashby", "greenhouse", "lever");
    private static final Map<String, String> DEFAULTS = Map.of(
            "greenhouse", "https://boards-api.greenhouse.io",
            "lever", "https://api.lever.co",
            "ashby", "https://api.ashbyhq.com");
    /** The ATSs' own public API hosts. */
    public static final ApiBases PUBLIC = new ApiBases(Map.of());

    private final Map<String, String> chosen;

    private ApiBases(Map<String, String> chosen) {
        this.chosen = Map.copyOf(chosen);
    }

    /**
     * Reads {@code ATS=URL} pairs, e.g. {@code ashby=http://127.0.0.1:8080}.
     *
     * @param name the flag or environment variable the pairs came from, named in the error message
     * @throws IllegalArgumentException naming where the pair came from, the pair and what is wrong with it
     */
    public static ApiBases parse(Iterable<String> pairs, String name) {
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String pair : pairs) {
            if (pair == null || pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            String ats = kv[0].trim().toLowerCase(Locale.ROOT);
            if (kv.length != 2 || !ATS.contains(ats)) {
                throw new IllegalArgumentException(name + " '" + pair + "': give ATS=URL with ATS one of " + ATS);
            }
            chosen.put(ats, checkedBase(name + " '" + pair + "'", kv[1].trim()));
        }
        return new ApiBases(chosen);
    }

    /** @param where the flag or variable and the pair, for messages: {@code --api-base 'ashby=x'} */
    private static String checkedBase(String where, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": not a URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(where + ": the base must be an http(s) URL with a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(where + ": the base takes no query or fragment");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The base URL (no trailing slash) the ATS's API is asked at. */
    public String base(String ats) {
        String mine = chosen.get(ats);
        return mine != null ? mine : DEFAULTS.get(ats);
    }

    /** True when the ATS is asked somewhere else than its public host. */
    public boolean overrides(String ats) {
        return chosen.containsKey(ats);
    }

    @Override
    public String toString() {
        return chosen.toString();
    }
}
