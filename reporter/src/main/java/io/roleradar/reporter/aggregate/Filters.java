package io.roleradar.reporter.aggregate;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Which postings a report covers. Every field is optional (null = no limit). Dates are inclusive
 * and apply to {@link PostingFacts#date()} ({@code postedAt}, else for a live board the day of the
 * ingest run that first saw it); when a
 * date limit is set, a posting with no date at all is left out, since it cannot be shown to be in
 * range. {@code company} matches case-insensitively; {@code source} matches the whole source name
 * or its kind before the first colon ({@code greenhouse} matches {@code greenhouse:anthropic}).
 */
public record Filters(LocalDate since, LocalDate until, String company, String source) {
    public static final Filters NONE = new Filters(null, null, null, null);

    public Filters {
        if (since != null && until != null && since.isAfter(until)) {
            throw new IllegalArgumentException("--since " + since + " is after --until " + until
                    + ": give a --since on or before --until");
        }
        company = blankToNull(company);
        source = blankToNull(source);
    }

    public boolean matches(PostingFacts facts) {
        if (since != null || until != null) {
            LocalDate date = facts.date();
            if (date == null || (since != null && date.isBefore(since)) || (until != null && date.isAfter(until))) {
                return false;
            }
        }
        if (company != null && (facts.company() == null || !facts.company().equalsIgnoreCase(company))) {
            return false;
        }
        if (source != null) {
            String s = facts.source();
            if (s == null) {
                return false;
            }
            String lower = s.toLowerCase(Locale.ROOT);
            String wanted = source.toLowerCase(Locale.ROOT);
            return lower.equals(wanted) || lower.startsWith(wanted + ":");
        }
        return true;
    }

    public boolean isEmpty() {
        return since == null && until == null && company == null && source == null;
    }

    /** The filters set, in words for a message: {@code since 2026-11-01, company 'Acme'}. */
    public String describe() {
        java.util.List<String> set = new java.util.ArrayList<>();
        if (since != null) {
            set.add("since " + since);
        }
        if (until != null) {
            set.add("until " + until);
        }
        if (company != null) {
            set.add("company '" + company + "'");
        }
        if (source != null) {
            set.add("source '" + source + "'");
        }
        return set.isEmpty() ? "none" : String.join(", ", set);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
