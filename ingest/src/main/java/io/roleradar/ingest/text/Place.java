package io.roleradar.ingest.text;

/**
 * Where a posting is, as far as ingest could tell: a country (ISO 3166-1 alpha-2) and a city,
 * either null when unknown. A city is only ever given with its country.
 */
public record Place(String country, String city) {
    /** Nothing known. */
    public static final Place UNKNOWN = new Place(null, null);
}
