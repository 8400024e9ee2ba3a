package io.roleradar.ingest.parse;

import io.roleradar.ingest.Fixtures;
import io.roleradar.ingest.source.Document;
import io.roleradar.model.RawPosting;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Company names: the source's display name, else the board's own name, else its slug as written, never a prettified slug. */
class CompanyNamesTest {
    private static List<RawPosting> parse(String fixture, String displayName) throws IOException {
        Path file = Fixtures.path(fixture);
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        Document doc = new Document(file.toString(), null, stem, null, Files.readAllBytes(file), null,
                Instant.parse("2026-01-01T00:00:00Z"), displayName);
        return new DocumentParser(CsvColumns.defaults()).parse(doc).results().stream()
                .filter(Parsed.class::isInstance).map(r -> ((Parsed) r).posting()).toList();
    }

    @Test
    void aBoardThatNamesNoCompanyKeepsItsSlugAsTheBoardWritesIt() throws IOException {
        assertThat(parse("lever-globex.json", null)).first().extracting(RawPosting::company).isEqualTo("globex");
    }

    @Test
    void theBoardsOwnNameWinsOverItsSlug() throws IOException {
        assertThat(parse("greenhouse-acme.json", null)).first().extracting(RawPosting::company).isEqualTo("Acme Robotics");
    }

    @Test
    void theDisplayNameGivenWithTheSourceWinsOverEverything() throws IOException {
        assertThat(parse("lever-globex.json", "Globex Corporation")).first().extracting(RawPosting::company)
                .isEqualTo("Globex Corporation");
        assertThat(parse("greenhouse-acme.json", "Acme")).first().extracting(RawPosting::company).isEqualTo("Acme");
    }

    @Test
    void slugsAreNeverDressedUpAsNames() {
        Document doc = new Document("x", null, null, null, new byte[0], null, Instant.EPOCH);
        assertThat(PostingDraft.companyName(doc, null, null, "hims-and-hers")).isEqualTo("hims-and-hers");
        assertThat(PostingDraft.companyName(doc, null, null, "1password")).isEqualTo("1password");
        assertThat(PostingDraft.companyName(doc, " ", null, "Lightfield")).isEqualTo("Lightfield");
    }
}
