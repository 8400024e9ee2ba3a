package io.roleradar.reporter.aggregate;

import io.roleradar.model.Quadrant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where roles are, per quadrant and overall: roles per country (ISO 3166-1 alpha-2, or
 * {@link Role#UNKNOWN_COUNTRY}) and per city within a country. A role posted in several countries
 * counts once in each, so country shares can add up to more than 1, as domain shares do.
 */
public final class LocationFigures {
    private static final int SCOPES = Quadrant.values().length + 1;

    private final Map<String, long[]> countries = new HashMap<>();
    private final Map<String, Map<String, long[]>> cities = new HashMap<>();

    void add(Role role) {
        int q = role.first().quadrant().ordinal();
        for (Map.Entry<String, Set<String>> place : role.places().entrySet()) {
            count(countries.computeIfAbsent(place.getKey(), c -> new long[SCOPES]), q);
            Map<String, long[]> inCountry = cities.computeIfAbsent(place.getKey(), c -> new HashMap<>());
            for (String city : place.getValue()) {
                count(inCountry.computeIfAbsent(city, c -> new long[SCOPES]), q);
            }
        }
    }

    private static void count(long[] counts, int quadrant) {
        counts[quadrant]++;
        counts[MarketReport.ALL]++;
    }

    /** Countries, most roles overall first, then by code; the unknown country last. */
    public List<String> countries() {
        return ranked(countries, true);
    }

    /** Roles in the country, in a quadrant or {@link MarketReport#ALL}. */
    public long country(String country, int scope) {
        long[] c = countries.get(country);
        return c == null ? 0 : c[scope];
    }

    /** Up to {@code n} cities of the country, most roles overall first, then by name. */
    public List<String> topCities(String country, int n) {
        List<String> ranked = ranked(cities.getOrDefault(country, Map.of()), false);
        return ranked.subList(0, Math.min(n, ranked.size()));
    }

    /** Roles in the city of the country, in a quadrant or {@link MarketReport#ALL}. */
    public long city(String country, String city, int scope) {
        long[] c = cities.getOrDefault(country, Map.of()).get(city);
        return c == null ? 0 : c[scope];
    }

    private static List<String> ranked(Map<String, long[]> counts, boolean unknownLast) {
        List<String> names = new ArrayList<>(counts.keySet());
        Comparator<String> order = Comparator.comparingLong((String k) -> -counts.get(k)[MarketReport.ALL])
                .thenComparing(Comparator.naturalOrder());
        if (unknownLast) {
            order = Comparator.comparing((String k) -> k.equals(Role.UNKNOWN_COUNTRY)).thenComparing(order);
        }
        names.sort(order);
        return names;
    }
}
