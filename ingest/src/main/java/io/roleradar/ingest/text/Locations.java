package io.roleradar.ingest.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The country (ISO 3166-1 alpha-2) and city of a location as sources write it: "Remote - US",
 * "San Francisco, CA", "London, England, United Kingdom", "Berlin-Hybrid", "Remote (United States |
 * Canada)", "NYC", "Bengaluru, Karnataka, India". The names come from one table,
 * {@code places/places.tsv}: countries with their aliases, US states, Canadian provinces and most
 * Australian states, a modest list of big cities named without their country, and parts of the
 * world that are no country. Unknown stays unknown: a place the table cannot tie to a country gives
 * no country and no city.
 *
 * <p>A location may name several places ("SF / NY", "Remote (United States | Canada)"); the first
 * that names a country counts, unless a part of the world comes first ("Americas, Europe, Israel"
 * lists where one may work: no country). Within a place, its parts are read as the usual "city, region,
 * country": a named country or region decides the country (a code that is both a state and a
 * country, as CA or DE, or a name that is both, as Georgia, goes to the country of the city named
 * beside it, else to the first reading); without one, a listed city gives its country. The city is
 * a listed city (under its own name: "NYC" is New York) or, where the country is known, the first
 * part as written ("Gilbert, Arizona").
 */
public final class Locations {
    /** Words that say how or where in a place one works, not which place: dropped before reading. */
    private static final Set<String> NOISE = Set.of("remote", "hybrid", "onsite", "on-site", "office", "offices", "hq",
            "headquarters", "only", "anywhere", "in", "the", "based", "fully", "flexible", "greater");
    /** Places of one location: "SF / NY", "Paris | Remote", "London, UK; New York", "A or B", "Oslo l Remote". */
    private static final Pattern PLACES = Pattern.compile("\\s*(?:[|;/]|\\bor\\b|\\sl\\s)\\s*");
    /** Parts of one place: "San Francisco, CA - US (HQ)". */
    private static final Pattern PARTS = Pattern.compile("\\s*(?:[,()\\[\\]]|\\s[-\u2013\u2014]\\s|:)\\s*");
    private static final Pattern WORDS = Pattern.compile("\\s+");
    private static final Pattern INNER = Pattern.compile("\\s*(?:-|\\band\\b|&)\\s*");
    private static final Pattern CODE = Pattern.compile("[A-Z]{2}");

    private static final Map<String, Entry> NAMES = new HashMap<>();
    private static final Map<String, Entry> CODES = new HashMap<>();
    private static final Set<String> COUNTRY_CODES = new java.util.HashSet<>();

    static {
        load();
    }

    private Locations() {
    }

    /** How a part of a location reads: which countries it may stand for (most likely first), and the city it names. */
    private record Entry(Kind kind, List<String> countries, String city) {
        Entry or(Entry other) {
            // A name or code with two readings (Georgia, CA, DE): both countries, the first one's kind.
            List<String> both = new ArrayList<>(countries);
            other.countries.stream().filter(c -> !both.contains(c)).forEach(both::add);
            return new Entry(kind.rank <= other.kind.rank ? kind : other.kind, both,
                    city != null ? city : other.city);
        }
    }

    private enum Kind {
        COUNTRY(0), CITY(1), REGION(2), AREA(3), WORLD(3), OTHER(4);

        final int rank;

        Kind(int rank) {
            this.rank = rank;
        }
    }

    /**
     * The place of a posting: the country and city its source states in fields of their own
     * (a country as an ISO code or a name; either may be null), else what its location says. A
     * stated country keeps the location's city only when the location is in that country.
     */
    public static Place place(String statedCountry, String statedCity, String location) {
        String country = country(statedCountry);
        String city = city(statedCity);
        if (country != null && city != null) {
            return new Place(country, city);
        }
        Place read = of(location);
        if (country == null && city != null) {
            Entry known = NAMES.get(key(city));
            String cityCountry = known != null && known.kind == Kind.CITY ? known.countries.get(0) : null;
            return read.country() != null ? new Place(read.country(), city)
                    : cityCountry != null ? new Place(cityCountry, city) : Place.UNKNOWN;
        }
        if (country != null) {
            return new Place(country, country.equals(read.country()) ? read.city() : null);
        }
        return read;
    }

    /** The country and city a location string names; {@link Place#UNKNOWN} when it names no country. */
    public static Place of(String location) {
        if (location == null || location.isBlank()) {
            return Place.UNKNOWN;
        }
        for (String place : PLACES.split(location.strip())) {
            if (startsWithWorld(place)) {
                // "Americas, Europe, Israel": the parts of the world where one may work, not a country.
                return Place.UNKNOWN;
            }
            Place p = ofOnePlace(place);
            if (p.country() != null) {
                return p;
            }
        }
        return Place.UNKNOWN;
    }

    /** An ISO 3166-1 alpha-2 code from a code ("gb" too) or a country's name or alias; null when neither. */
    public static String country(String nameOrCode) {
        String v = nameOrCode == null ? null : nameOrCode.strip();
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.length() == 2 && COUNTRY_CODES.contains(v.toUpperCase(Locale.ROOT))) {
            return v.toUpperCase(Locale.ROOT);
        }
        Entry e = NAMES.get(key(v));
        return e != null && e.kind == Kind.COUNTRY ? e.countries.get(0) : null;
    }

    /**
     * A city as a source states it in a field of its own, read as the first part of a location:
     * a listed city under its own name ("New York City" is New York), else as written ("Austin, TX"
     * is Austin); null for what names no city ("Remote", "Europe", a country).
     */
    public static String city(String value) {
        String v = Texts.blankToNull(value);
        if (v == null) {
            return null;
        }
        Reading r = Reading.of(PLACES.split(v)[0]);
        if (r.entries.isEmpty()) {
            return null;
        }
        return r.entries.get(0).city != null ? r.entries.get(0).city : r.unknownFirst();
    }

    /** Whether the first thing a place names is a part of the world (EMEA, Americas, Worldwide). */
    private static boolean startsWithWorld(String place) {
        for (String part : PARTS.split(place)) {
            String words = withoutNoise(part);
            if (!words.isEmpty()) {
                Entry e = lookUp(words);
                return e != null && e.kind == Kind.WORLD;
            }
        }
        return false;
    }

    private static Place ofOnePlace(String place) {
        Reading r = Reading.of(place);
        String country = null;
        List<String> ambiguous = null;
        String knownCity = null;
        String knownCityCountry = null;
        for (Entry e : r.entries) {
            if ((e.kind == Kind.COUNTRY || e.kind == Kind.REGION) && e.countries.size() == 1 && country == null) {
                country = e.countries.get(0);
            } else if ((e.kind == Kind.COUNTRY || e.kind == Kind.REGION) && ambiguous == null) {
                ambiguous = e.countries;
            }
            if (e.city != null && knownCity == null) {
                knownCity = e.city;
                knownCityCountry = e.countries.get(0);
            }
        }
        if (country == null && ambiguous != null) {
            country = knownCityCountry != null && ambiguous.contains(knownCityCountry) ? knownCityCountry : ambiguous.get(0);
        }
        if (country == null) {
            country = knownCityCountry;
        }
        if (country == null) {
            return Place.UNKNOWN;
        }
        return new Place(country, knownCity != null ? knownCity : r.unknownFirst());
    }

    /** A place read part by part: the entries, each with the text it was read from. */
    private record Reading(List<Entry> entries, List<String> texts) {
        static Reading of(String place) {
            Reading r = new Reading(new ArrayList<>(), new ArrayList<>());
            for (String part : PARTS.split(place)) {
                read(part, r.entries, r.texts);
            }
            return r;
        }

        /** The first part as written when the table does not know it ("Gilbert, Arizona"), else null. */
        String unknownFirst() {
            return !entries.isEmpty() && entries.get(0).kind == Kind.OTHER ? texts.get(0) : null;
        }
    }

    /** Reads one part ("San Francisco Office", "Remote-US", "New York NY") into entries, noise dropped. */
    private static void read(String part, List<Entry> entries, List<String> texts) {
        String words = withoutNoise(part);
        if (words.isEmpty()) {
            return;
        }
        Entry whole = lookUp(words);
        if (whole != null) {
            add(whole, words, entries, texts);
            return;
        }
        String[] inner = INNER.split(words);
        if (inner.length > 1) {
            // "Berlin-Hybrid", "Remote-US", "India-Karnataka"; but "Winston-Salem" is one name.
            List<Entry> pieces = new ArrayList<>();
            List<String> pieceTexts = new ArrayList<>();
            boolean anyKnown = false;
            for (String piece : inner) {
                String w = withoutNoise(piece);
                Entry e = w.isEmpty() ? null : lookUp(w);
                anyKnown |= e != null || w.isEmpty();
                if (!w.isEmpty()) {
                    add(e != null ? e : new Entry(Kind.OTHER, List.of(), null), w, pieces, pieceTexts);
                }
            }
            if (anyKnown) {
                entries.addAll(pieces);
                texts.addAll(pieceTexts);
                return;
            }
        }
        int space = words.lastIndexOf(' ');
        if (space > 0 && CODES.containsKey(words.substring(space + 1))) {
            // "New York NY", "Lehi UT": a city and its state's code without a comma.
            String city = words.substring(0, space);
            Entry e = lookUp(city);
            add(e != null ? e : new Entry(Kind.OTHER, List.of(), null), city, entries, texts);
            add(CODES.get(words.substring(space + 1)), words.substring(space + 1), entries, texts);
            return;
        }
        add(new Entry(Kind.OTHER, List.of(), null), words, entries, texts);
    }

    private static void add(Entry e, String text, List<Entry> entries, List<String> texts) {
        if (e.kind != Kind.AREA && e.kind != Kind.WORLD) {
            entries.add(e);
            texts.add(text);
        }
    }

    private static Entry lookUp(String words) {
        Entry byCode = CODE.matcher(words).matches() ? CODES.get(words) : null;
        return byCode != null ? byCode : NAMES.get(key(words));
    }

    private static String withoutNoise(String part) {
        StringBuilder kept = new StringBuilder();
        for (String w : WORDS.split(part.strip())) {
            String bare = w.replaceAll("^[*\"'.]+|[*\"'.,:]+$", "");
            boolean noise = NOISE.contains(bare.toLowerCase(Locale.ROOT)) && !CODES.containsKey(bare);
            if (!bare.isEmpty() && !noise && !bare.matches("\\d+")) {
                kept.append(kept.isEmpty() ? "" : " ").append(w.replaceAll("^[*\"']+|[*\"',:]+$", ""));
            }
        }
        return kept.toString();
    }

    /** How names are compared: lower case, no accents, no dots, one space between words. */
    static String key(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return WORDS.matcher(plain.toLowerCase(Locale.ROOT).replace(".", "").replace('\u2019', '\'').strip()).replaceAll(" ");
    }

    private static void load() {
        try (InputStream in = Locations.class.getResourceAsStream("/places/places.tsv")) {
            if (in == null) {
                throw new IllegalStateException("places/places.tsv is missing from the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                Kind kind = Kind.valueOf(f[0].toUpperCase(Locale.ROOT));
                String code = f[1];
                String[] names = f[2].split("\\|");
                String country = kind == Kind.REGION ? code.substring(0, 2)
                        : kind == Kind.AREA || kind == Kind.WORLD ? null : code;
                Entry entry = new Entry(kind, country == null ? List.of() : List.of(country),
                        kind == Kind.CITY ? names[0] : null);
                if (kind == Kind.COUNTRY) {
                    COUNTRY_CODES.add(code);
                    CODES.merge(code, entry, Entry::or);
                } else if (kind == Kind.REGION) {
                    // A code that is both a state and a country (CA, DE, IN) reads as the state first.
                    CODES.merge(code.substring(3), entry, (asCountry, asRegion) -> asRegion.or(asCountry));
                }
                for (String name : names) {
                    NAMES.merge(key(name), entry, Entry::or);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
