package io.roleradar.classifier.eval;

import io.roleradar.model.Round;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a process-labels CSV: header {@code id,describesProcess,statedRounds,steps,notes},
 * {@code describesProcess} true or false, {@code statedRounds} round names separated by {@code ;}
 * ({@code ML_CODING;ML_CASE_STUDY}), empty when the posting states none. Every bad row is reported
 * with its line number, all at once; the same id in a later file replaces the earlier label.
 */
public final class ProcessLabels {
    static final List<String> HEADER = List.of("id", "describesProcess", "statedRounds", "steps", "notes");

    private ProcessLabels() {
    }

    public static List<ProcessLabel> read(List<Path> files) throws IOException {
        Map<String, ProcessLabel> byId = new LinkedHashMap<>();
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (ProcessLabel label : read(reader, file.toString())) {
                    byId.put(label.id(), label);
                }
            }
        }
        return List.copyOf(byId.values());
    }

    public static List<ProcessLabel> read(Reader reader, String origin) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        List<String> problems = new ArrayList<>();
        List<ProcessLabel> labels = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> missing = HEADER.stream().filter(h -> !parser.getHeaderNames().contains(h)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(origin + ": the header lacks " + missing + "; the first row must be "
                        + String.join(",", HEADER));
            }
            for (CSVRecord row : parser) {
                try {
                    labels.add(parse(row));
                } catch (IllegalArgumentException e) {
                    problems.add("line " + row.getParser().getCurrentLineNumber() + " (" + row.get("id") + "): "
                            + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(origin + " has " + problems.size() + " bad process label(s):\n  - "
                    + String.join("\n  - ", problems));
        }
        return labels;
    }

    private static ProcessLabel parse(CSVRecord row) {
        String id = row.get("id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id is empty: give the posting id, e.g. ashby:board:uuid");
        }
        boolean describes = switch (row.get("describesProcess").toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("describesProcess is '" + row.get("describesProcess")
                    + "': write true or false");
        };
        Set<Round> rounds = EnumSet.noneOf(Round.class);
        for (String name : row.get("statedRounds").split(";")) {
            if (!name.isBlank()) {
                try {
                    rounds.add(Round.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("statedRounds has '" + name.strip() + "': write rounds among "
                            + Arrays.toString(Round.values()) + ", separated by ;");
                }
            }
        }
        if (!describes && !rounds.isEmpty()) {
            throw new IllegalArgumentException("statedRounds must be empty when describesProcess is false");
        }
        return new ProcessLabel(id, describes, rounds, row.get("steps"), row.get("notes"));
    }
}
