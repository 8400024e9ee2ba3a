package io.roleradar.ingest.text;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FieldsDateTest {
    /** The java.time parsers in the order {@link Fields#date} used to try them, the reference for its direct read. */
    private static LocalDate byJavaTime(String value) {
        String v = Texts.blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v);
            }
            return OffsetDateTime.parse(v).toLocalDate();
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

    @Test
    void employmentTypesReadByHandAgreeWithTheRegexWay() {
        String[] values = {"FullTime", "Full-time", "full time", "PartTime", "Intern", "Internship", "Contract", "Contractor",
                "Freelance", "Temporary", "Temp", "Seasonal", "Per Diem", "\u212Aontract", "\u0130ntern", "Vollzeit \u00e9t\u00e9",
                "  ", "", "FULL_TIME", "Full\u2013time"};
        for (String v : values) {
            String k = v.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
            String expected = Texts.blankToNull(v) == null ? null : k.startsWith("fulltime") ? "FULL_TIME"
                    : k.startsWith("parttime") ? "PART_TIME" : k.contains("intern") ? "INTERN"
                    : k.contains("contract") || k.contains("freelance") ? "CONTRACT" : k.contains("temp") ? "TEMPORARY"
                    : Texts.oneLine(v).toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
            assertThat(Fields.employmentType(v)).as(v).isEqualTo(expected);
        }
    }

    @Test
    void datesReadDirectlyAgreeWithTheJavaTimeParsers() {
        String[] tails = {"", "T17:38:23.826+00:00", "T23:15:41-04:00", "T00:00:00.0000", "T00:00:00Z", "T24:00:00Z",
                "T12:00", " 12:00", "Z", "T99:99:99+99:99", "garbage", "T12:00:00+14:00", "T12:00:00.123456789-18:00"};
        Random random = new Random(7);
        for (int n = 0; n < 50_000; n++) {
            String date = String.format("%04d-%02d-%02d", random.nextInt(3) == 0 ? random.nextInt(10_000) : 1990 + random.nextInt(50),
                    random.nextInt(14), random.nextInt(33));
            String v = (random.nextInt(10) == 0 ? " " : "") + date + tails[random.nextInt(tails.length)];
            assertThat(Fields.date(v)).as(v).isEqualTo(byJavaTime(v));
        }
        for (String v : new String[] {"2025-1-13", "2025/01/13", "Posted 8 Days Ago", "20250113", "+12025-01-13T00:00:00Z",
                "2025-01-1", "", "  ", "2024-02-29", "2023-02-29T10:00:00Z"}) {
            assertThat(Fields.date(v)).as(v).isEqualTo(byJavaTime(v));
        }
    }
}
