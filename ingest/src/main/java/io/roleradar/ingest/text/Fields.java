package io.roleradar.ingest.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small normalisations of single fields: dates, employment types, company names. */
public final class Fields {
    private static final Pattern TRAILING_RATING = Pattern.compile("\\s*\\n\\s*\\d(?:\\.\\d)?\\s*$|\\s+\\d\\.\\d\\s*$");

    private Fields() {
    }

    /**
     * The calendar date of an ISO date or date-time ({@code 2025-01-13},
     * {@code 2025-01-23T17:38:23.826+00:00}, {@code 2026-07-06T00:00:00.0000}); the date is the one
     * in the source's own offset. Null when it is not a date.
     */
    public static LocalDate date(String value) {
        String v = Texts.blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return v.length() == 10 ? LocalDate.parse(v) : OffsetDateTime.parse(v).toLocalDate();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v).toLocalDate();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(v.substring(0, Math.min(10, v.length())));
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }

    /** The UTC date of epoch milliseconds, as Lever states {@code createdAt}. */
    public static LocalDate dateOfEpochMillis(long millis) {
        return millis <= 0 ? null : Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** FULL_TIME, PART_TIME, CONTRACT, INTERN, TEMPORARY, or the source's word in upper snake case. */
    public static String employmentType(String value) {
        String v = Texts.blankToNull(value);
        if (v == null) {
            return null;
        }
        String k = v.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (k.startsWith("fulltime")) {
            return "FULL_TIME";
        }
        if (k.startsWith("parttime")) {
            return "PART_TIME";
        }
        if (k.contains("intern")) {
            return "INTERN";
        }
        if (k.contains("contract") || k.contains("freelance")) {
            return "CONTRACT";
        }
        if (k.contains("temp")) {
            return "TEMPORARY";
        }
        return v.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
    }

    /** A company name with a rating appended by the source (Glassdoor's "Tecolote Research\n3.8") removed. */
    public static String company(String value) {
        if (value == null) {
            return null;
        }
        return Texts.blankToNull(TRAILING_RATING.matcher(value).replaceFirst(""));
    }
}
