package io.roleradar.reporter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** Reads a report CSV back with its header, the way a notebook would. */
public final class CsvFiles {
    private CsvFiles() {
    }

    public static List<CSVRecord> read(Path file) {
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> header(Path file) {
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().build())) {
            return parser.getHeaderNames();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one row matching, failing when there is not exactly one. */
    public static CSVRecord row(Path file, Predicate<CSVRecord> which) {
        List<CSVRecord> rows = read(file).stream().filter(which).toList();
        if (rows.size() != 1) {
            throw new AssertionError("expected one matching row in " + file.getFileName() + ", found " + rows.size());
        }
        return rows.get(0);
    }
}
