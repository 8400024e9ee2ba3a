package io.roleradar.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sources file for scheduled runs ({@code --config sources.yml}):
 * <pre>
 * sources:            # board short forms, URLs, files or folders
 *   - ashby:cohere
 *   - https://boards.greenhouse.io/example
 *   - exports/jobs.csv   # relative to this file's folder
 * every: 6h           # optional: run on this schedule
 * csvColumns:         # optional: CSV field -> column header
 *   title: Position
 * </pre>
 * Unknown keys are refused, so a misspelt key is not silently ignored.
 */
public record IngestConfig(List<String> sources, String every, Map<String, String> csvColumns) {
    public IngestConfig {
        sources = sources == null ? List.of() : List.copyOf(sources);
        csvColumns = csvColumns == null ? Map.of() : Map.copyOf(csvColumns);
    }

    /**
     * @throws IllegalArgumentException naming the file and the problem
     */
    public static IngestConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("config file " + file + " does not exist");
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        IngestConfig raw;
        try {
            raw = yaml.readValue(file.toFile(), IngestConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("config file " + file + ": unknown key '" + e.getPropertyName()
                    + "' (known: sources, every, csvColumns)");
        } catch (IOException e) {
            throw new IllegalArgumentException("config file " + file + " is not valid YAML: " + firstLine(e));
        }
        if (raw == null) {
            throw new IllegalArgumentException("config file " + file + " is empty: list the sources under 'sources:'");
        }
        Path dir = file.toAbsolutePath().getParent();
        List<String> resolved = new ArrayList<>();
        for (String s : raw.sources()) {
            resolved.add(resolve(dir, s));
        }
        return new IngestConfig(resolved, raw.every(), new LinkedHashMap<>(raw.csvColumns()));
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
