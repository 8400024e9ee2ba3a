package io.roleradar.ingest.parse;

import io.roleradar.ingest.Fixtures;
import io.roleradar.ingest.source.Document;
import io.roleradar.model.RawPosting;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The board in an Ashby posting's id: the one its source names, else its jobs' URLs', else the saved file's name. */
class AshbyBoardNameTest {
    private static List<RawPosting> parse(String stem, String board, String json) {
        Document doc = new Document(stem + ".json", null, stem, board, json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                null, Instant.EPOCH);
        return new DocumentParser(CsvColumns.defaults()).parse(doc).results().stream()
                .filter(Parsed.class::isInstance).map(r -> ((Parsed) r).posting()).toList();
    }

    private static String northwind() throws IOException {
        return Files.readString(Fixtures.path("Northwind.json"));
    }

    @Test
    void aSavedBoardRenamedKeepsTheIdsItsJobsUrlsGiveIt() throws IOException {
        assertThat(parse("northwind-2026-12-07", null, northwind())).isNotEmpty()
                .allSatisfy(p -> assertThat(p.id()).startsWith("ashby:northwind:"))
                .extracting(RawPosting::source).containsOnly("ashby:northwind");
    }

    @Test
    void theBoardTheSourceNamesWinsOverTheUrls() throws IOException {
        assertThat(parse("x", "Northwind-EU", northwind())).isNotEmpty()
                .allSatisfy(p -> assertThat(p.id()).startsWith("ashby:northwind-eu:"));
    }

    @Test
    void jobsWithoutUrlsTakeTheFilesName() throws IOException {
        String withoutUrls = northwind().replaceAll("\"jobUrl\": *\"[^\"]*\"", "\"jobUrl\": null");
        assertThat(parse("Saved-Board", null, withoutUrls)).isNotEmpty()
                .allSatisfy(p -> assertThat(p.id()).startsWith("ashby:saved-board:"));
    }
}
