package io.roleradar.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sources file for scheduled runs ({@code --config sources.yml}):
 * <pre>
 * sources:            # board short forms, URLs, files or folders
 *   - ashby:cohere
 *   - {source: greenhouse:anthropic, company: Anthropic}   # with the company's display name
 *   - https://boards.greenhouse.io/example
 *   - exports/jobs.csv   # relative to this file's folder
 * every: 6h           # optional: run on this schedule
 * csvColumns:         # optional: CSV field -> column header
 *   title: Position
 * </pre>
 * Unknown keys are refused, so a misspelt key is not silently ignored.
 */
public record IngestConfig(List<String> sources, String every, Map<String, String> csvColumns,
                           Map<String, String> companies) {
    public IngestConfig {
        sources = sources == null ? List.of() : List.copyOf(sources);
        csvColumns = csvColumns == null ? Map.of() : Map.copyOf(csvColumns);
        companies = companies == null ? Map.of() : Map.copyOf(companies);
    }

    /** What each key takes, for a file that gives it something else. */
    private static final Map<String, String> SHAPES = Map.of(
            "sources", "a list, a source a line: '  - ashby:cohere'",
            "every", "a duration such as 6h",
            "csvColumns", "a map of CSV field to column header: '  title: Position'");

    /** The file as written: a source entry is a string, or a map of {@code source} and {@code company}. */
    private record Raw(List<JsonNode> sources, String every, Map<String, String> csvColumns) {
    }

    /**
     * @throws IllegalArgumentException naming the file and the problem
     */
    public static IngestConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("config file " + file + " does not exist");
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Raw raw;
        try {
            raw = yaml.readValue(file.toFile(), Raw.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("config file " + file + ": unknown key '" + e.getPropertyName()
                    + "' (known: sources, every, csvColumns)");
        } catch (MismatchedInputException e) {
            // Valid YAML of another shape ("sources: a.csv"): say what the key takes, not Jackson's types.
            String key = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
            throw new IllegalArgumentException("config file " + file + ": " + (key != null && SHAPES.containsKey(key)
                    ? "'" + key + "' must be " + SHAPES.get(key)
                    : "the file must be a map of 'sources:' (and optional 'every:', 'csvColumns:')"));
        } catch (IOException e) {
            throw new IllegalArgumentException("config file " + file + " is not valid YAML: " + firstLine(e));
        }
        if (raw == null) {
            throw new IllegalArgumentException("config file " + file + " is empty: list the sources under 'sources:'");
        }
        Path dir = file.toAbsolutePath().getParent();
        List<String> resolved = new ArrayList<>();
        Map<String, String> companies = new LinkedHashMap<>();
        int n = 0;
        for (JsonNode entry : raw.sources() == null ? List.<JsonNode>of() : raw.sources()) {
            n++;
            String source;
            String company = null;
            if (entry != null && entry.isTextual()) {
                source = entry.asText();
            } else if (entry != null && entry.isObject()) {
                for (Iterator<String> keys = entry.fieldNames(); keys.hasNext(); ) {
                    String key = keys.next();
                    if (!key.equals("source") && !key.equals("company")) {
                        throw new IllegalArgumentException("config file " + file + ": source " + n + " has an unknown key '"
                                + key + "' (known: source, company)");
                    }
                }
                source = entry.path("source").isTextual() ? entry.get("source").asText() : null;
                company = entry.path("company").isValueNode() ? entry.get("company").asText() : null;
                if (source == null) {
                    throw new IllegalArgumentException("config file " + file + ": source " + n + " has no 'source:'");
                }
            } else {
                throw new IllegalArgumentException("config file " + file + ": source " + n
                        + " must be a source or a map of 'source:' and 'company:'");
            }
            String where = resolve(dir, source);
            resolved.add(where);
            if (company != null && !company.isBlank()) {
                companies.put(where, company.strip());
            }
        }
        return new IngestConfig(resolved, raw.every(), raw.csvColumns() == null ? Map.of()
                : new LinkedHashMap<>(raw.csvColumns()), companies);
    }

    /** The company's display name given with a source (as {@link #sources()} lists it), or null. */
    public String companyOf(String source) {
        return companies.get(source);
    }

    /** A relative path is relative to the config file; short forms and URLs stay as written. */
    private static String resolve(Path dir, String source) {
        if (source == null || source.isBlank() || source.matches("(?i)(greenhouse|lever|ashby):[^/]+|[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            return source;
        }
        Path p = Path.of(source);
        return p.isAbsolute() || dir == null ? source : dir.resolve(p).normalize().toString();
    }

    private static String firstLine(IOException e) {
        String m = e.getMessage();
        int nl = m == null ? -1 : m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
