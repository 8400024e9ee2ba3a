package io.roleradar.app.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@code reporter run} wrote, as a user's spreadsheet or script would: the manifest's
 * counts and the rows of {@code postings.csv} parsed as RFC 4180.
 */
public final class Reports {
    private Reports() {
    }

    /** The manifest's counts. */
    public record Counts(long records, long unreadable, long distinctPostings, long replacedByLaterRecord,
                         long mlPostingsCounted, long leftOutNotMl) {
    }

    public static Counts counts(Path reports) throws IOException {
        JsonNode c = new ObjectMapper().readTree(reports.resolve("manifest.json").toFile()).path("counts");
        return new Counts(c.path("records").asLong(-1), c.path("unreadable").asLong(-1),
                c.path("distinctPostings").asLong(-1), c.path("replacedByLaterRecord").asLong(-1),
                c.path("mlPostingsCounted").asLong(-1), c.path("leftOutNotMl").asLong(-1));
    }

    /** The id column of {@code postings.csv}, one per row. */
    public static List<String> postingIds(Path reports) throws IOException {
        List<String> ids = new ArrayList<>();
        for (CSVRecord row : rows(reports.resolve("postings.csv"))) {
            ids.add(row.get("id"));
        }
        return ids;
    }

    /** Every data row of a report CSV. */
    public static List<CSVRecord> rows(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return parser.getRecords();
        }
    }
}
