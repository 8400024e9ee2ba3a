package io.roleradar.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A job posting as ingest read it, before any tagging: the value of topic {@code postings.raw},
 * keyed by {@link #id()}. Immutable. Only {@code id}, {@code title} and {@code description} are
 * required; everything else may be null because sources differ in what they state.
 *
 * @param schemaVersion version of this message's shape, {@link #SCHEMA_VERSION} when written now
 * @param id            stable identity: the same posting always gets the same id
 * @param source        where it was read, e.g. {@code greenhouse:anthropic}, {@code csv:glassdoor_jobs.csv}
 * @param sourceUrl     the canonical URL of the posting, where it has one
 * @param department    the team or department the source names, which helps tell roles apart
 * @param description   the posting's text, plain (no markup), paragraphs and list items on their own lines
 * @param remote        REMOTE, HYBRID, ONSITE or UNKNOWN
 * @param otherLocations further cities of the same job posted several times
 * @param otherSources  further sources (URLs or source names) where the same job was found
 * @param country       ISO 3166-1 alpha-2 code of the primary location's country, where ingest could tell
 * @param city          the primary location's city, where ingest could tell
 * @param firstSeenAt   the date of the ingest run that first published this posting; kept through
 *                      changes and closing
 * @param closedAt      the date of the first run of a whole-board source that no longer listed the
 *                      posting; null while it is open (a posting listed again reopens)
 */
public record RawPosting(
        int schemaVersion,
        String id,
        String source,
        String sourceUrl,
        String company,
        String title,
        String department,
        String location,
        List<String> otherLocations,
        RemoteMode remote,
        String employmentType,
        Salary salary,
        LocalDate postedAt,
        Instant fetchedAt,
        String description,
        List<String> otherSources,
        String country,
        String city,
        LocalDate firstSeenAt,
        LocalDate closedAt) implements Versioned {

    /** The version this code writes; readers accept it and every earlier one. */
    public static final int SCHEMA_VERSION = 1;

    public RawPosting {
        // An absent schemaVersion reads as 0 and means the first version.
        schemaVersion = schemaVersion == 0 ? 1 : schemaVersion;
        Checks.requireText(id, "id");
        Checks.requireText(title, "title");
        Checks.requireText(description, "description");
        otherLocations = otherLocations == null ? List.of() : List.copyOf(otherLocations);
        otherSources = otherSources == null ? List.of() : List.copyOf(otherSources);
        remote = remote == null ? RemoteMode.UNKNOWN : remote;
    }

    /**
     * Whether a whole-board run has seen this posting disappear (and not come back). Derived from
     * {@code closedAt}, so not a field of the message: Jackson would otherwise write it as
     * {@code "closed"}, which neither the JSON Schema nor the README's field list has.
     */
    @JsonIgnore
    public boolean isClosed() {
        return closedAt != null;
    }

    /** A minimal posting: the three required fields, everything else unknown. */
    public static RawPosting of(String id, String title, String description) {
        return builder().id(id).title(title).description(description).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this posting, to change a few fields. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.schemaVersion = schemaVersion;
        b.id = id;
        b.source = source;
        b.sourceUrl = sourceUrl;
        b.company = company;
        b.title = title;
        b.department = department;
        b.location = location;
        b.otherLocations = otherLocations;
        b.remote = remote;
        b.employmentType = employmentType;
        b.salary = salary;
        b.postedAt = postedAt;
        b.fetchedAt = fetchedAt;
        b.description = description;
        b.otherSources = otherSources;
        b.country = country;
        b.city = city;
        b.firstSeenAt = firstSeenAt;
        b.closedAt = closedAt;
        return b;
    }

    /** Builds a {@link RawPosting}; sources fill what they know. */
    public static final class Builder {
        private int schemaVersion = SCHEMA_VERSION;
        private String id;
        private String source;
        private String sourceUrl;
        private String company;
        private String title;
        private String department;
        private String location;
        private List<String> otherLocations = List.of();
        private RemoteMode remote = RemoteMode.UNKNOWN;
        private String employmentType;
        private Salary salary;
        private LocalDate postedAt;
        private Instant fetchedAt;
        private String description;
        private List<String> otherSources = List.of();
        private String country;
        private String city;
        private LocalDate firstSeenAt;
        private LocalDate closedAt;

        private Builder() {
        }

        public Builder schemaVersion(int v) { this.schemaVersion = v; return this; }
        public Builder id(String v) { this.id = v; return this; }
        public Builder source(String v) { this.source = v; return this; }
        public Builder sourceUrl(String v) { this.sourceUrl = v; return this; }
        public Builder company(String v) { this.company = v; return this; }
        public Builder title(String v) { this.title = v; return this; }
        public Builder department(String v) { this.department = v; return this; }
        public Builder location(String v) { this.location = v; return this; }
        public Builder otherLocations(List<String> v) { this.otherLocations = v; return this; }
        public Builder remote(RemoteMode v) { this.remote = v; return this; }
        public Builder employmentType(String v) { this.employmentType = v; return this; }
        public Builder salary(Salary v) { this.salary = v; return this; }
        public Builder postedAt(LocalDate v) { this.postedAt = v; return this; }
        public Builder fetchedAt(Instant v) { this.fetchedAt = v; return this; }
        public Builder description(String v) { this.description = v; return this; }
        public Builder otherSources(List<String> v) { this.otherSources = v; return this; }
        public Builder country(String v) { this.country = v; return this; }
        public Builder city(String v) { this.city = v; return this; }
        public Builder firstSeenAt(LocalDate v) { this.firstSeenAt = v; return this; }
        public Builder closedAt(LocalDate v) { this.closedAt = v; return this; }

        public RawPosting build() {
            return new RawPosting(schemaVersion, id, source, sourceUrl, company, title, department, location,
                    otherLocations, remote, employmentType, salary, postedAt, fetchedAt, description, otherSources,
                    country, city, firstSeenAt, closedAt);
        }
    }
}
