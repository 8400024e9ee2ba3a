package io.roleradar.ingest.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which CSV column holds which posting field, by header name (case and surrounding spaces do not
 * matter). The defaults read the Glassdoor export (Job Title, Company Name, Location, Job
 * Description, Salary Estimate, and its unnamed first column as the row id), the LinkedIn postings
 * dataset (job_posting_url, listed_time in epoch milliseconds, min_salary/max_salary with pay_period
 * and currency, remote_allowed) and common snake_case layouts; {@link #with} sets a field to a column of the user's choice.
 */
public final class CsvColumns {
    /** The fields a column can be mapped to. */
    public static final List<String> FIELDS = List.of("id", "title", "company", "location", "description", "salary",
            "postedAt", "employmentType", "department", "url", "remote", "salaryMin", "salaryMax", "salaryPeriod",
            "salaryCurrency");

    private static final Map<String, List<String>> DEFAULTS = Map.ofEntries(
            Map.entry("id", List.of("id", "job_id", "jobid", "job id")),
            Map.entry("title", List.of("job title", "title", "job_title", "position", "role", "job")),
            Map.entry("company", List.of("company name", "company", "company_name", "employer", "organization")),
            Map.entry("location", List.of("location", "job_location", "city")),
            Map.entry("description", List.of("job description", "description", "job_description", "text")),
            Map.entry("salary", List.of("salary estimate", "salary", "salary_range", "pay", "compensation")),
            Map.entry("postedAt", List.of("posted", "posted_at", "postedat", "date_posted", "date posted", "posted date",
                    "listed_time", "original_listed_time")),
            Map.entry("employmentType", List.of("employment type", "employment_type", "job_type", "job type",
                    "formatted_work_type", "work_type")),
            Map.entry("department", List.of("department", "team", "category")),
            Map.entry("url", List.of("url", "job_url", "link", "apply_url", "job url", "job_posting_url", "application_url")),
            Map.entry("remote", List.of("remote", "workplace", "workplace_type", "remote_type", "remote_allowed")),
            Map.entry("salaryMin", List.of("min_salary", "salary_min", "min salary", "minimum salary")),
            Map.entry("salaryMax", List.of("max_salary", "salary_max", "max salary", "maximum salary")),
            Map.entry("salaryPeriod", List.of("pay_period", "salary_period", "pay period")),
            Map.entry("salaryCurrency", List.of("currency", "salary_currency")));
    /** Used, headed, as the description when a file has no description column (e.g. Google's job-skills export). */
    static final List<String> DESCRIPTION_SECTIONS = List.of("responsibilities", "minimum qualifications",
            "preferred qualifications", "qualifications", "requirements");

    private final Map<String, String> chosen;

    private CsvColumns(Map<String, String> chosen) {
        this.chosen = Map.copyOf(chosen);
    }

    public static CsvColumns defaults() {
        return new CsvColumns(Map.of());
    }

    /**
     * These mappings with {@code field} read from {@code column}.
     *
     * @throws IllegalArgumentException naming the allowed fields when {@code field} is not one
     */
    public CsvColumns with(String field, String column) {
        Objects.requireNonNull(column, "column");
        String known = FIELDS.stream().filter(f -> f.equalsIgnoreCase(field)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown CSV field '" + field + "': use one of " + FIELDS));
        Map<String, String> next = new LinkedHashMap<>(chosen);
        next.put(known, column);
        return new CsvColumns(next);
    }

    /** The header names tried for a field, the user's choice first. */
    List<String> candidates(String field) {
        String mine = chosen.get(field);
        return mine != null ? List.of(mine.trim().toLowerCase(Locale.ROOT)) : DEFAULTS.getOrDefault(field, List.of());
    }

    boolean isChosen(String field) {
        return chosen.containsKey(field);
    }
}
