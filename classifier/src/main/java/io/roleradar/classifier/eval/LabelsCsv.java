package io.roleradar.classifier.eval;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The reading every hand-labels CSV shares, whatever its columns: a header row that must hold
 * {@code header}, one label a row, and every bad row reported with its line number and the fix,
 * all at once, so a labeller mends the file in one go. Several files are read in order and the
 * same id in a later file replaces the earlier label (a later correction wins).
 *
 * @param kind     what a label is called in the error message ("label", "process label")
 * @param parseRow reads one row, throwing {@link IllegalArgumentException} with the fix when it is bad
 */
record LabelsCsv<L>(List<String> header, String kind, Function<CSVRecord, L> parseRow, Function<L, String> idOf) {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setTrim(true).setIgnoreEmptyLines(true).get();

    List<L> read(List<Path> files) throws IOException {
        Map<String, L> byId = new LinkedHashMap<>();
        for (Path file : files) {
            for (L label : read(file)) {
                byId.put(idOf.apply(label), label);
            }
        }
        return List.copyOf(byId.values());
    }

    List<L> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        }
    }

    private List<L> read(Reader reader, String origin) throws IOException {
        List<String> problems = new ArrayList<>();
        List<L> labels = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            List<String> missing = header.stream().filter(h -> !parser.getHeaderNames().contains(h)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(origin + ": the header lacks " + missing + "; the first row must be "
                        + String.join(",", header));
            }
            for (CSVRecord row : parser) {
                try {
                    labels.add(parseRow.apply(row));
                } catch (IllegalArgumentException e) {
                    problems.add("line " + row.getParser().getCurrentLineNumber() + " (" + row.get("id") + "): "
                            + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(origin + " has " + problems.size() + " bad " + kind + "(s):\n  - "
                    + String.join("\n  - ", problems));
        }
        return labels;
    }

    /** The row's id, which every labels file has and which must not be empty. */
    static String id(CSVRecord row) {
        String id = row.get("id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id is empty: give the posting id, e.g. ashby:board:uuid");
        }
        return id;
    }

    /** A yes/no column: labellers write true/false, yes/no or 1/0. */
    static boolean bool(String value, String column) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(column + " is '" + value + "': write true or false");
        };
    }
}
