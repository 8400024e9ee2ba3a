package io.roleradar.classifier.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleradar.model.RawPosting;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the real postings of the dev set from the shared data, with the ids the labels use:
 * {@code ashby:{board file stem, lower-cased}:{job id}} for the Ashby board files and
 * {@code csv:glassdoor_jobs:{first, unnamed column}} for the Glassdoor CSV, with the sources ingest gives them. For tests only: the
 * ingest module is the production reader; this one exists so the classifier's quality can be
 * measured without depending on it.
 */
final class DevSetPostings {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DevSetPostings() {
    }

    static Map<String, RawPosting> ashby(Path boards) throws IOException {
        Map<String, RawPosting> out = new LinkedHashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(boards, "*.json")) {
            for (Path file : files) {
                String board = file.getFileName().toString().replaceFirst("\\.json$", "").toLowerCase(Locale.ROOT);
                JsonNode jobs = MAPPER.readTree(file.toFile()).path("jobs");
                for (JsonNode job : jobs) {
                    String description = job.path("descriptionPlain").asText("");
                    String title = job.path("title").asText("");
                    if (description.isBlank() || title.isBlank()) {
                        continue;
                    }
                    String department = job.path("department").asText("");
                    String team = job.path("team").asText("");
                    if (!team.isBlank() && !team.equalsIgnoreCase(department)) {
                        department = department.isBlank() ? team : department + " / " + team;
                    }
                    String id = "ashby:" + board + ":" + job.path("id").asText();
                    out.put(id, RawPosting.builder().id(id).source("ashby:" + board).title(title)
                            .department(department.isBlank() ? null : department).description(description).build());
                }
            }
        }
        return out;
    }

    static Map<String, RawPosting> glassdoor(Path csv) throws IOException {
        Map<String, RawPosting> out = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true).get();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord row : parser) {
                String id = "csv:glassdoor_jobs:" + row.get(0).trim();
                String title = row.get("Job Title");
                String description = row.get("Job Description");
                if (title.isBlank() || description.isBlank()) {
                    continue;
                }
                String company = row.get("Company Name");
                int newline = company.indexOf('\n');
                if (newline >= 0) {
                    company = company.substring(0, newline); // the rating follows on its own line
                }
                out.put(id, RawPosting.builder().id(id).source("csv:glassdoor_jobs").company(company.strip())
                        .title(title).description(description).build());
            }
        }
        return out;
    }
}
