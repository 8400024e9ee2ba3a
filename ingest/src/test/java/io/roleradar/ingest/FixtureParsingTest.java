package io.roleradar.ingest;

import io.roleradar.ingest.parse.CsvColumns;
import io.roleradar.ingest.fetch.HttpSettings;
import io.roleradar.ingest.parse.Rejected;
import io.roleradar.ingest.source.SourceSettings;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.model.RemoteMode;
import io.roleradar.testkit.SchemaValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every parser over small fixture files written for these tests. */
class FixtureParsingTest {
    private final PostingSources sources = PostingSources.withDefaults();

    private ReadResult read(String fixture) {
        ReadResult r = sources.read(List.of(Fixtures.file(fixture)));
        for (RawPosting p : r.postings()) {
            assertThat(Clean.problem(p.description())).as(p.id()).isNull();
            assertThat(SchemaValidator.rawPostingErrors(PostingJson.writeLine(p))).as(p.id()).isEmpty();
        }
        return r;
    }

    @Test
    void greenhouseEntityEscapedContentBecomesCleanTextWithParagraphsAndBullets() {
        RawPosting p = read("greenhouse-acme.json").postings().get(0);
        assertThat(p.id()).isEqualTo("greenhouse:acmerobotics:1001");
        assertThat(p.source()).isEqualTo("greenhouse:acmerobotics");
        assertThat(p.description()).isEqualTo("About the role\n\nYou will train & ship perception models for our "
                + "warehouse robots. We work hybrid, three days a week in the office.\n\n"
                + "- Train detection models in PyTorch\n- Own the evaluation pipeline");
        assertThat(p.department()).isEqualTo("Autonomy");
        assertThat(p.postedAt()).hasToString("2026-03-02");
    }

    @Test
    void anOnSiteFieldIsOverruledByADescriptionThatSaysHybrid() {
        assertThat(read("greenhouse-acme.json").postings().get(0).remote()).isEqualTo(RemoteMode.HYBRID);
    }

    @Test
    void aRemoteLocationMakesThePostingRemote() {
        RawPosting office = read("greenhouse-acme.json").postings().stream()
                .filter(p -> p.title().equals("Office Manager")).findFirst().orElseThrow();
        assertThat(office.remote()).isEqualTo(RemoteMode.REMOTE);
    }

    @Test
    void oneJobPostedForTwoCitiesBecomesOnePostingWithTheOtherCityRecorded() {
        ReadResult r = read("greenhouse-acme.json");
        assertThat(r.duplicates()).isEqualTo(1);
        RawPosting p = r.postings().get(0);
        assertThat(p.location()).isEqualTo("Boston, MA");
        assertThat(p.otherLocations()).containsExactly("Austin, TX");
        assertThat(p.otherSources()).containsExactly("https://job-boards.greenhouse.io/acmerobotics/jobs/1002");
    }

    @Test
    void anEmptyDescriptionIsRejectedNamingTheJob() {
        ReadResult r = read("greenhouse-acme.json");
        assertThat(r.rejected()).singleElement().satisfies(rej -> {
            assertThat(rej.kind()).isEqualTo(Rejected.EMPTY_DESCRIPTION);
            assertThat(rej.source()).endsWith("greenhouse-acme.json job 4");
            assertThat(rej.reason()).contains("Data Scientist");
        });
    }

    @Test
    void ashbyCompensationSavedAsAPythonDictIsStillRead() {
        RawPosting p = read("Northwind.json").postings().get(0);
        assertThat(p.id()).isEqualTo("ashby:northwind:0c6a1d2e-0000-4000-8000-000000000001");
        assertThat(p.company()).isEqualTo("Northwind");
        assertThat(p.salary().min()).isEqualByComparingTo("80000");
        assertThat(p.salary().max()).isEqualByComparingTo("95000");
        assertThat(p.salary().currency()).isEqualTo("GBP");
        assertThat(p.salary().period()).isEqualTo("YEAR");
        assertThat(p.otherLocations()).containsExactly("Berlin");
        assertThat(p.remote()).isEqualTo(RemoteMode.ONSITE);
        assertThat(p.description()).isEqualTo("Build our data platform.\n\nWhat you will do\n\n- Design pipelines\n- Run Spark & Kafka");
    }

    @Test
    void ashbyFallsBackToThePlainDescriptionAndReadsEmploymentType() {
        RawPosting p = read("Northwind.json").postings().get(1);
        assertThat(p.description()).isEqualTo("Research ranking models for our search product.\n\nYou will publish and ship.");
        assertThat(p.employmentType()).isEqualTo("INTERN");
        assertThat(p.remote()).isEqualTo(RemoteMode.REMOTE);
        assertThat(p.salary()).isNull();
    }

    @Test
    void leverJoinsItsListsAndReadsSalaryRangeAndWorkplace() {
        RawPosting p = read("lever-globex.json").postings().get(0);
        assertThat(p.id()).isEqualTo("lever:globex:7f1c2b3a-1111-4222-8333-444455556666");
        assertThat(p.company()).isEqualTo("globex");
        assertThat(p.remote()).isEqualTo(RemoteMode.HYBRID);
        assertThat(p.employmentType()).isEqualTo("FULL_TIME");
        assertThat(p.otherLocations()).containsExactly("Montreal");
        assertThat(p.postedAt()).hasToString("2026-01-01");
        assertThat(p.salary().currency()).isEqualTo("CAD");
        assertThat(p.salary().period()).isEqualTo("YEAR");
        assertThat(p.description()).contains("Responsibilities\n\n- Run model serving on Kubernetes\n- Automate retraining");
    }

    @Test
    void csvRowsTakeTheirIdFromTheIdColumnAndMergeTheSameJobInTwoCities() {
        ReadResult r = read("jobs-with-id.csv");
        assertThat(r.postings()).extracting(RawPosting::id).containsExactly("csv:jobs-with-id:a-1", "csv:jobs-with-id:a-2");
        assertThat(r.duplicates()).isEqualTo(1);
        RawPosting analyst = r.postings().get(0);
        assertThat(analyst.description()).isEqualTo("Analyse sales data.\nBuild dashboards in Looker.");
        assertThat(analyst.salary().min()).isEqualByComparingTo("70000");
        assertThat(analyst.postedAt()).hasToString("2026-02-01");
        RawPosting nlp = r.postings().get(1);
        assertThat(nlp.otherLocations()).containsExactly("Dallas");
        assertThat(nlp.otherSources()).containsExactly("csv:jobs-with-id:a-3");
    }

    @Test
    void csvWithoutTheNeededColumnsIsRejectedNamingTheColumnsItHas() {
        ReadResult r = read("jobs-no-id.csv");
        assertThat(r.postings()).isEmpty();
        assertThat(r.rejected()).singleElement().satisfies(rej -> {
            assertThat(rej.kind()).isEqualTo(Rejected.BAD_CSV);
            assertThat(rej.reason()).contains("missing columns", "[Role Name, Hiring Org, City, Posting Body]", "--csv-column");
        });
    }

    @Test
    void csvColumnsMappedByNameGiveAHashIdWhenThereIsNoIdColumn() {
        CsvColumns columns = CsvColumns.defaults().with("title", "Role Name").with("company", "Hiring Org")
                .with("location", "City").with("description", "Posting Body");
        PostingSources mapped = new PostingSources(HttpSettings.defaults(), columns, 10, IngestMetrics.none(),
                SourceSettings.defaults());
        ReadResult r = mapped.read(List.of(Fixtures.file("jobs-no-id.csv")));
        RawPosting p = r.postings().get(0);
        assertThat(p.id()).matches("csv:jobs-no-id:[0-9a-f]{16}");
        assertThat(p.company()).isEqualTo("Umbrella Labs");
        assertThat(p.location()).isEqualTo("Cambridge");
        assertThat(mapped.read(List.of(Fixtures.file("jobs-no-id.csv"))).postings().get(0).id()).isEqualTo(p.id());
    }

    @Test
    void raggedCsvRowsAreRejectedWithTheirRowNumberAndTheRestIsRead() {
        ReadResult r = read("ragged.csv");
        assertThat(r.postings()).extracting(RawPosting::title).containsExactly("Data Scientist");
        assertThat(r.rejected()).extracting(Rejected::source).allMatch(s -> s.matches(".*ragged.csv row [23]"));
        assertThat(r.rejected()).extracting(Rejected::kind).containsOnly(Rejected.BAD_CSV);
    }

    @Test
    void aQuoteNeverClosedRejectsTheRestOfTheFileNamingTheLineItOpensOn() {
        ReadResult r = read("unclosed-quote.csv");
        assertThat(r.postings()).extracting(RawPosting::title).containsExactly("Data Scientist");
        assertThat(r.rejected()).singleElement().satisfies(rej -> {
            assertThat(rej.kind()).isEqualTo(Rejected.BAD_CSV);
            assertThat(rej.reason()).isEqualTo("line 3: a quoted field opened here is never closed; the rest of the file was not read");
        });
    }

    @Test
    void textAfterAClosingQuoteRejectsTheRestOfTheFileNamingItsLine() {
        ReadResult r = read("text-after-quote.csv");
        assertThat(r.postings()).extracting(RawPosting::title).containsExactly("Data Scientist");
        assertThat(r.rejected()).singleElement().satisfies(rej -> assertThat(rej.reason())
                .startsWith("line 3: text after the closing quote of a quoted field")
                .doesNotContain("encapsulated", "org.apache"));
    }

    @Test
    void jsonLdPageGivesIdentifierLocationsSalaryAndRemote() {
        RawPosting p = read("page-jsonld.html").postings().get(0);
        assertThat(p.id()).isEqualTo("page:careers.vandelay.example:VI-2026-17");
        assertThat(p.company()).isEqualTo("Vandelay Industries");
        assertThat(p.postedAt()).hasToString("2026-04-01");
        assertThat(p.location()).isEqualTo("Newark, NJ, US");
        assertThat(p.otherLocations()).containsExactly("Queens, NY, US");
        assertThat(p.remote()).isEqualTo(RemoteMode.REMOTE);
        assertThat(p.salary().max()).isEqualByComparingTo("175000");
        assertThat(p.sourceUrl()).isEqualTo("https://careers.vandelay.example/jobs/cv-engineer");
        assertThat(p.description()).isEqualTo("Detect defects in latex gloves with cameras.\n\n- OpenCV & PyTorch");
    }

    @Test
    void aPageOfUnknownLayoutGivesItsHeadingAndMainTextWithoutNavigation() {
        RawPosting p = read("page-generic.html").postings().get(0);
        assertThat(p.title()).isEqualTo("Senior Recommender Systems Engineer");
        assertThat(p.company()).isEqualTo("Kramerica");
        assertThat(p.description()).startsWith("Kramerica is looking for an engineer")
                .contains("- Fluent Python and SQL")
                .doesNotContain("About us", "West 81st");
        assertThat(p.id()).matches("page:[0-9a-f]{16}");
    }

    @Test
    void aPageWithNoPostingIsRejected() {
        ReadResult r = read("no-posting.html");
        assertThat(r.rejected()).singleElement().extracting(Rejected::kind).isEqualTo(Rejected.NO_POSTING);
    }

    @Test
    void jsonLinesOfRawPostingsKeepTheirIdsAndRejectBadLinesByNumber() {
        ReadResult r = read("raw-postings.jsonl");
        assertThat(r.postings()).extracting(RawPosting::id).containsExactly("demo:1", "demo:3");
        assertThat(r.postings().get(1).remote()).isEqualTo(RemoteMode.REMOTE);
        assertThat(r.rejected()).extracting(Rejected::source)
                .allMatch(s -> s.endsWith("raw-postings.jsonl line 2") || s.endsWith("raw-postings.jsonl line 3"));
        assertThat(r.rejected()).extracting(Rejected::kind).containsExactly("missing-field", "malformed-json");
    }

    @Test
    void aJsonLineOfInvalidUtf8IsRejectedAloneAndMarkupIsRemovedFromRawPostings() {
        ReadResult r = read("mixed-encoding.jsonl");
        assertThat(r.postings()).extracting(RawPosting::id).containsExactly("u:1", "u:3");
        assertThat(r.rejected()).singleElement().satisfies(rej -> {
            assertThat(rej.source()).endsWith("mixed-encoding.jsonl line 2");
            assertThat(rej.kind()).isEqualTo(Rejected.INVALID_UTF8);
        });
        RawPosting cleaned = r.postings().get(1);
        assertThat(cleaned.title()).isEqualTo("ML Engineer");
        assertThat(cleaned.company()).isEqualTo("Acme");
        assertThat(cleaned.description()).isEqualTo("Train models.");
    }

    @Test
    void malformedJsonIsRejectedWithTheParserMessage() {
        ReadResult r = read("malformed.json");
        assertThat(r.rejected()).singleElement().satisfies(rej -> {
            assertThat(rej.kind()).isEqualTo(Rejected.MALFORMED_JSON);
            assertThat(rej.source()).endsWith("malformed.json");
        });
    }

    @Test
    void invalidUtf8IsRejected(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.csv");
        byte[] header = "title,description\nEngineer,Caf".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] bytes = java.util.Arrays.copyOf(header, header.length + 2);
        bytes[header.length] = (byte) 0xC3;
        bytes[header.length + 1] = (byte) 0x28;
        Files.write(bad, bytes);
        ReadResult r = sources.read(List.of(bad.toString()));
        assertThat(r.rejected()).singleElement().extracting(Rejected::kind).isEqualTo(Rejected.INVALID_UTF8);
        assertThat(r.nothingRead()).isTrue();
    }

    @Test
    void theFormatIsDetectedFromTheContentNotTheFileName(@TempDir Path dir) throws IOException {
        Path renamed = dir.resolve("export.txt");
        Files.copy(Fixtures.path("lever-globex.json"), renamed);
        ReadResult r = sources.read(List.of(renamed.toString()));
        assertThat(r.postings()).singleElement().extracting(RawPosting::id)
                .isEqualTo("lever:globex:7f1c2b3a-1111-4222-8333-444455556666");
    }

    @Test
    void aFolderIsReadFileByFileAndDuplicatesAcrossFilesAreMerged(@TempDir Path dir) throws IOException {
        Files.copy(Fixtures.path("jobs-with-id.csv"), dir.resolve("a.csv"));
        Files.copy(Fixtures.path("jobs-with-id.csv"), dir.resolve("b.csv"));
        Files.writeString(dir.resolve(".hidden.csv"), "garbage");
        ReadResult r = sources.read(List.of(dir.toString()));
        assertThat(r.postings()).extracting(RawPosting::id).containsExactly("csv:a:a-1", "csv:a:a-2");
        assertThat(r.duplicates()).isEqualTo(4);
        assertThat(r.rejected()).isEmpty();
        assertThat(r.postings().get(0).otherSources()).containsExactly("csv:b:a-1");
    }

    @Test
    void progressIsReportedAfterEveryDocumentOfAFolder(@TempDir Path dir) throws IOException {
        Files.copy(Fixtures.path("jobs-with-id.csv"), dir.resolve("a.csv"));
        Files.copy(Fixtures.path("lever-globex.json"), dir.resolve("b.json"));
        List<String> calls = new java.util.ArrayList<>();
        sources.read(List.of(io.roleradar.ingest.source.SourceSpec.parse(dir.toString())),
                (done, total, documents, found, rejected) -> calls.add(done + "/" + total + ":" + documents + ":" + found),
                () -> false);
        assertThat(calls).containsExactly("0/1:1:3", "0/1:2:4", "1/1:2:4");
    }

    @Test
    void aMissingFileIsRejectedAndTheOtherSourcesAreStillRead() {
        ReadResult r = sources.read(List.of("/no/such/file.json", Fixtures.file("lever-globex.json")));
        assertThat(r.postings()).hasSize(1);
        assertThat(r.rejected()).singleElement().satisfies(rej -> {
            assertThat(rej.source()).isEqualTo("/no/such/file.json");
            assertThat(rej.kind()).isEqualTo(Rejected.UNREADABLE);
        });
    }
}
