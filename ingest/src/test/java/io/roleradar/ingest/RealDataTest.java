package io.roleradar.ingest;

import io.roleradar.ingest.parse.Rejected;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.model.RemoteMode;
import io.roleradar.testkit.SchemaValidator;
import io.roleradar.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The "done when" of the ingest issue, over the real data in ../shared/data. */
class RealDataTest {
    private final PostingSources sources = PostingSources.withDefaults();

    @Test
    void everyAshbyBoardFileYieldsCleanValidPostingsIdentifiedByFileStem() throws IOException {
        List<Path> files = SharedData.files("ashby-boards", ".json");
        assertThat(files).hasSizeGreaterThanOrEqualTo(30);
        int total = 0;
        for (Path file : files) {
            ReadResult r = sources.read(List.of(file.toString()));
            assertThat(r.rejected()).as(file.toString()).isEmpty();
            assertThat(r.postings()).as(file.toString()).isNotEmpty();
            String stem = file.getFileName().toString().replace(".json", "").toLowerCase(Locale.ROOT);
            for (RawPosting p : r.postings()) {
                assertUsable(p);
                assertThat(p.id()).startsWith("ashby:" + stem + ":");
                assertThat(p.postedAt()).as(p.id()).isNotNull();
            }
            total += r.found();
        }
        assertThat(total).isGreaterThan(2000);
    }

    @Test
    void lightfieldPostingsCarryItsSalaryAndNameTheCompany() {
        ReadResult r = sources.read(List.of(SharedData.resolve("ashby-boards/Lightfield.json").toString()));
        RawPosting first = r.postings().get(0);
        assertThat(first.id()).isEqualTo("ashby:lightfield:156e5bba-b60a-4fa4-8952-de9de8719718");
        assertThat(first.company()).isEqualTo("Lightfield");
        assertThat(first.salary()).isNotNull();
        assertThat(first.salary().min()).isEqualByComparingTo("150000");
        assertThat(first.salary().currency()).isEqualTo("USD");
        assertThat(first.salary().period()).isEqualTo("YEAR");
        assertThat(first.employmentType()).isEqualTo("FULL_TIME");
    }

    @Test
    void greenhouseApiResponseGivesCleanTextAndTheBoardFromThePostingUrls() {
        ReadResult r = sources.read(List.of(SharedData.resolve("ats-api-responses/greenhouse_jobs.json").toString()));
        assertThat(r.rejected()).isEmpty();
        assertThat(r.postings()).hasSize(4);
        for (RawPosting p : r.postings()) {
            assertUsable(p);
            assertThat(p.company()).isEqualTo("Anthropic");
            assertThat(p.description()).doesNotContain("&lt;", "&quot;", "<p>", "&amp;");
        }
        RawPosting first = r.postings().get(0);
        assertThat(first.id()).isEqualTo("greenhouse:anthropic:5311686008");
        assertThat(first.location()).isEqualTo("Sydney, Australia");
        assertThat(first.remote()).isEqualTo(RemoteMode.REMOTE);
        assertThat(first.department()).isEqualTo("Security");
        assertThat(first.postedAt()).hasToString("2026-07-10");
        assertThat(first.description()).startsWith("About Anthropic\n\nAnthropic");
        RawPosting second = r.postings().get(1);
        assertThat(second.location()).isEqualTo("San Francisco, CA");
        assertThat(second.otherLocations()).containsExactly("New York City, NY", "Seattle, WA");
    }

    @Test
    void leverApiResponseJoinsDescriptionListsAndAdditionalText() {
        ReadResult r = sources.read(List.of(SharedData.resolve("ats-api-responses/lever_postings.json").toString()));
        assertThat(r.rejected()).isEmpty();
        assertThat(r.postings()).hasSize(4);
        RawPosting first = r.postings().get(0);
        assertThat(first.id()).isEqualTo("lever:spotify:b4ad9572-e20f-4185-a284-99d9740d04f0");
        assertThat(first.company()).isEqualTo("spotify");
        assertThat(first.title()).isEqualTo("Android Engineer I - Subscriptions");
        assertThat(first.otherLocations()).containsExactly("Stockholm");
        assertThat(first.description()).contains("What You'll Do\n\n- Design, build, and evolve mobile experiences");
        assertThat(first.description()).contains("Spotify is an equal opportunity employer");
        r.postings().forEach(RealDataTest::assertUsable);
    }

    @Test
    void ashbyApiResponseReadsWorkplaceTypeAndSecondaryLocations() {
        ReadResult r = sources.read(List.of(SharedData.resolve("ats-api-responses/ashby_jobs.json").toString()));
        assertThat(r.rejected()).isEmpty();
        assertThat(r.postings()).hasSize(4);
        RawPosting first = r.postings().get(0);
        // The board its jobs' URLs name, not the file's name.
        assertThat(first.id()).isEqualTo("ashby:ramp:03e2d4e1-73ad-4f09-a058-2eb9ce34c2bc");
        assertThat(first.remote()).isEqualTo(RemoteMode.REMOTE);
        assertThat(first.otherLocations()).containsExactly("San Francisco, CA", "New York, NY (HQ)");
        r.postings().forEach(RealDataTest::assertUsable);
    }

    @Test
    void everyJobSearchApiResponseWithDescriptionsYieldsPostings() {
        for (String file : List.of("remotive_jobs.json", "usajobs_jobs.json", "adzuna_search.json", "workday_job_detail.json")) {
            ReadResult r = sources.read(List.of(SharedData.resolve("ats-api-responses/" + file).toString()));
            assertThat(r.rejected()).as(file).isEmpty();
            assertThat(r.postings()).as(file).isNotEmpty();
            r.postings().forEach(RealDataTest::assertUsable);
        }
        ReadResult workday = sources.read(List.of(SharedData.resolve("ats-api-responses/workday_job_detail.json").toString()));
        assertThat(workday.postings().get(0).id()).isEqualTo("workday:gdit:RQ216675");
        assertThat(workday.postings().get(0).company()).isEqualTo("GD Information Technology, Inc.");
    }

    @Test
    void adzunaPayInTheUsIsInDollars() {
        ReadResult r = sources.read(List.of(SharedData.resolve("ats-api-responses/adzuna_search.json").toString()));
        RawPosting stated = r.postings().stream().filter(p -> p.id().equals("adzuna:5801147013")).findFirst().orElseThrow();
        assertThat(stated.country()).isEqualTo("US");
        assertThat(stated.salary().min()).isEqualByComparingTo("85389");
        assertThat(stated.salary().currency()).isEqualTo("USD");
    }

    @Test
    void aWorkdaySearchResultIsRejectedBecauseItHasNoDescriptions() {
        ReadResult r = sources.read(List.of(SharedData.resolve("ats-api-responses/workday_search.json").toString()));
        assertThat(r.rejected()).singleElement().satisfies(rej -> assertThat(rej.reason()).contains("no descriptions"));
    }

    @Test
    void everyJobPageYieldsAPostingAndJsonLdPagesGiveDatePosted() throws IOException {
        List<Path> pages;
        try (Stream<Path> s = Files.walk(SharedData.resolve("job-pages"))) {
            pages = s.filter(p -> p.toString().endsWith(".html") && !p.toString().contains("/boards/")).sorted().toList();
        }
        assertThat(pages).hasSizeGreaterThanOrEqualTo(10);
        for (Path page : pages) {
            ReadResult r = sources.read(List.of(page.toString()));
            assertThat(r.rejected()).as(page.toString()).isEmpty();
            assertThat(r.postings()).as(page.toString()).hasSize(1);
            RawPosting p = r.postings().get(0);
            assertUsable(p);
            assertThat(p.id()).startsWith("page:");
            String html = Files.readString(page);
            if (html.contains("\"JobPosting\"")) {
                assertThat(p.postedAt()).as(page + " datePosted").isNotNull();
            }
        }
    }

    @Test
    void indeedJsonLdGivesSalaryDateAndCompany() {
        ReadResult r = sources.read(List.of(SharedData.resolve("job-pages/indeed_job.html").toString()));
        RawPosting p = r.postings().get(0);
        assertThat(p.title()).isEqualTo("Senior DevOps Engineer");
        assertThat(p.company()).isEqualTo("PaperCut Software");
        assertThat(p.postedAt()).hasToString("2026-08-06");
        assertThat(p.salary().min()).isEqualByComparingTo("130000");
        assertThat(p.salary().max()).isEqualByComparingTo("160000");
        assertThat(p.salary().currency()).isEqualTo("AUD");
        assertThat(p.location()).isEqualTo("Camberwell, VIC, AU");
        assertThat(p.sourceUrl()).isEqualTo("https://au.indeed.com/viewjob?jk=54f1f8af68d722d2");
    }

    @Test
    void greenhousePagesNameTheCompany() {
        ReadResult classic = sources.read(List.of(SharedData.resolve("job-pages/greenhouse/example3.html").toString()));
        assertThat(classic.postings().get(0).company()).isEqualTo("HelloFresh");
        assertThat(classic.postings().get(0).location()).isEqualTo("Berlin");
        ReadResult modern = sources.read(List.of(SharedData.resolve("job-pages/greenhouse/example1.html").toString()));
        assertThat(modern.postings().get(0).company()).isEqualTo("The Orchard");
        assertThat(modern.postings().get(0).title()).isEqualTo("Data Analyst, The Orchard");
    }

    @Test
    void savedBoardListingPagesYieldTheirJobLinksWithoutFetchingThem() {
        ReadResult r = sources.read(List.of(SharedData.resolve("job-pages/boards/greenhouse-board-2u.html").toString()));
        assertThat(r.postings()).isEmpty();
        assertThat(r.rejected()).singleElement().satisfies(rej -> {
            assertThat(rej.kind()).isEqualTo("links-not-followed");
            assertThat(rej.reason()).contains("job links");
        });
    }

    @Test
    void glassdoorCsvGives597UniquePostingsOf956RowsWithTheRestCountedAsDuplicates() {
        ReadResult r = sources.read(List.of(SharedData.resolve("csv/glassdoor_jobs.csv").toString()));
        assertThat(r.rejected()).isEmpty();
        assertThat(r.found()).isEqualTo(956);
        assertThat(r.postings()).hasSize(597);
        assertThat(r.duplicates()).isEqualTo(359);
        RawPosting first = r.postings().get(0);
        assertThat(first.id()).isEqualTo("csv:glassdoor_jobs:0");
        assertThat(first.company()).isEqualTo("Tecolote Research");
        assertThat(first.title()).isEqualTo("Data Scientist");
        assertThat(first.location()).isEqualTo("Albuquerque, NM");
        assertThat(first.salary().min()).isEqualByComparingTo("53000");
        assertThat(first.salary().max()).isEqualByComparingTo("91000");
        assertThat(first.salary().currency()).isEqualTo("USD");
        for (RawPosting p : r.postings()) {
            assertUsable(p);
            assertThat(p.id()).matches("csv:glassdoor_jobs:\\d+");
            assertThat(p.company()).doesNotMatch(".*\\d\\.\\d$");
        }
        assertThat(r.postings()).anySatisfy(p -> assertThat(p.otherSources()).isNotEmpty());
    }

    @Test
    void googleJobSkillsCsvBuildsTheDescriptionFromItsSections() {
        ReadResult r = sources.read(List.of(SharedData.resolve("csv/google_job_skills.csv").toString()));
        assertThat(r.postings()).isNotEmpty();
        RawPosting first = r.postings().get(0);
        assertThat(first.company()).isEqualTo("Google");
        assertThat(first.id()).matches("csv:google_job_skills:[0-9a-f]{16}");
        assertThat(first.description()).startsWith("Responsibilities\n");
        assertThat(first.description()).contains("Minimum Qualifications");
    }

    static void assertUsable(RawPosting p) {
        assertThat(p.title()).as(p.id()).isNotBlank();
        assertThat(p.company()).as(p.id() + " company").isNotBlank();
        assertThat(Clean.problem(p.description())).as(p.id() + " description").isNull();
        assertThat(p.fetchedAt()).isNotNull();
        assertThat(SchemaValidator.rawPostingErrors(PostingJson.writeLine(p))).as(p.id()).isEmpty();
    }
}
