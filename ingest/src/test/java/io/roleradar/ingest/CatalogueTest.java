package io.roleradar.ingest;

import io.roleradar.ingest.source.SourceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped source catalogue, sources/ml-companies.yml, and the config file's company entries. */
class CatalogueTest {
    private static final Path CATALOGUE = Path.of("..", "sources", "ml-companies.yml");
    private static final Pattern BOARD = Pattern.compile("(greenhouse|lever|ashby):[A-Za-z0-9][A-Za-z0-9._-]*");

    @Test
    void everyEntryIsAKnownAtsBoardWithADisplayNameAndNoneIsListedTwice() {
        IngestConfig config = IngestConfig.load(CATALOGUE);
        assertThat(config.sources()).hasSizeGreaterThanOrEqualTo(300);
        Set<String> seen = new HashSet<>();
        for (String source : config.sources()) {
            assertThat(source).as("an ATS board short form").matches(BOARD);
            assertThat(seen.add(source.toLowerCase(Locale.ROOT))).as(source + " listed once").isTrue();
            assertThat(config.companyOf(source)).as(source + " has a display name").isNotBlank();
            SourceSpec spec = SourceSpec.parse(source, config.companyOf(source));
            assertThat(spec.api()).isTrue();
            assertThat(spec.company()).isEqualTo(config.companyOf(source));
        }
        assertThat(seen.stream().map(s -> s.substring(0, s.indexOf(':'))).distinct())
                .as("all three ATSs are covered").containsExactlyInAnyOrder("greenhouse", "lever", "ashby");
    }

    @Test
    void theCatalogueSaysWhereItsListsCameFromAndHowToAddABoard() throws IOException {
        String text = Files.readString(CATALOGUE);
        assertThat(text).contains("board-lists/greenhouse.csv", "ashby-boards", "To add a board", "--every 6h");
    }

    @Test
    void aSourceEntryMayBeAStringOrASourceWithItsCompany(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("s.yml");
        Files.writeString(file, """
                sources:
                  - ashby:cohere
                  - {source: greenhouse:anthropic, company: Anthropic}
                  - source: jobs.csv
                    company: "Hims & Hers"
                """);
        IngestConfig config = IngestConfig.load(file);
        assertThat(config.sources()).containsExactly("ashby:cohere", "greenhouse:anthropic", dir.resolve("jobs.csv").toString());
        assertThat(config.companyOf("ashby:cohere")).isNull();
        assertThat(config.companyOf("greenhouse:anthropic")).isEqualTo("Anthropic");
        assertThat(config.companyOf(dir.resolve("jobs.csv").toString())).isEqualTo("Hims & Hers");
    }

    @Test
    void anUnknownKeyInASourceEntryIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("s.yml");
        Files.writeString(file, "sources:\n  - {source: ashby:cohere, compnay: Cohere}\n");
        assertThatThrownBy(() -> IngestConfig.load(file)).hasMessageContaining("unknown key 'compnay'");
        Files.writeString(file, "sources:\n  - {company: Cohere}\n");
        assertThatThrownBy(() -> IngestConfig.load(file)).hasMessageContaining("has no 'source:'");
    }

    @Test
    void theCompanyGivenWithACsvSourceNamesItsPostings(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("s.yml");
        Files.writeString(file, "sources:\n  - {source: " + Fixtures.file("jobs-with-id.csv") + ", company: Contoso}\n");
        IngestConfig config = IngestConfig.load(file);
        List<SourceSpec> specs = config.sources().stream().map(s -> SourceSpec.parse(s, config.companyOf(s))).toList();
        ReadResult r = PostingSources.withDefaults().read(specs, null, () -> false);
        assertThat(r.postings()).isNotEmpty().allSatisfy(p -> assertThat(p.company()).isEqualTo("Contoso"));
    }
}
