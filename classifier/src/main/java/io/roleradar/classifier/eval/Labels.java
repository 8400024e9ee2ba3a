package io.roleradar.classifier.eval;

import io.roleradar.model.Domain;
import io.roleradar.model.Level;
import io.roleradar.model.Responsibility;
import io.roleradar.model.Specialization;
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
 * Reads a labels CSV: a header row {@code id,company,title,mlRole,responsibility,specialization,
 * domains,level,manager,notes}, domains separated by {@code ;}, the ML-only columns
 * (responsibility, specialization, domains) empty when mlRole is false. {@code level} and
 * {@code manager} may be given on every posting; left empty on a non-ML role they are not labelled
 * (files written before TAXONOMY.md section 7 leave them empty there). Every bad row is reported with its line number and what to write instead,
 * all at once, so a labeller fixes the file in one go. A label repeated for the same id keeps the
 * last one (a later correction wins).
 */
public final class Labels {
    static final List<String> HEADER = List.of("id", "company", "title", "mlRole", "responsibility", "specialization",
            "domains", "level", "manager", "notes");

    private Labels() {
    }

    /** Reads one or more labels files in order; the same id in a later file replaces the earlier label. */
    public static List<Label> read(List<Path> files) throws IOException {
        Map<String, Label> byId = new LinkedHashMap<>();
        for (Path file : files) {
            for (Label label : read(file)) {
                byId.put(label.id(), label);
            }
        }
        return List.copyOf(byId.values());
    }

    public static List<Label> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        }
    }

    public static List<Label> read(Reader reader, String origin) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        List<String> problems = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
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
            throw new IllegalArgumentException(origin + " has " + problems.size() + " bad label(s):\n  - "
                    + String.join("\n  - ", problems));
        }
        return labels;
    }

    private static Label parse(CSVRecord row) {
        String id = row.get("id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id is empty: give the posting id, e.g. ashby:board:uuid");
        }
        boolean ml = bool(row.get("mlRole"), "mlRole");
        if (!ml) {
            for (String column : List.of("responsibility", "specialization", "domains")) {
                if (!row.get(column).isBlank()) {
                    throw new IllegalArgumentException(column + " must be empty when mlRole is false");
                }
            }
            // Level and manager belong to every posting (TAXONOMY.md section 7); older files leave them
            // empty on non-ML roles, which means "not labelled", not UNKNOWN.
            String level = row.get("level");
            String manager = row.get("manager");
            return new Label(id, row.get("company"), row.get("title"), false, null, null, Set.of(),
                    level.isBlank() ? null : parseEnum(Level.class, level, "level"),
                    manager.isBlank() ? null : bool(manager, "manager"), row.get("notes"));
        }
        Set<Domain> domains = EnumSet.noneOf(Domain.class);
        for (String d : row.get("domains").split(";")) {
            if (!d.isBlank()) {
                domains.add(parseEnum(Domain.class, d, "domains"));
            }
        }
        String manager = row.get("manager");
        return new Label(id, row.get("company"), row.get("title"), true,
                parseEnum(Responsibility.class, row.get("responsibility"), "responsibility"),
                parseEnum(Specialization.class, row.get("specialization"), "specialization"),
                domains,
                parseEnum(Level.class, row.get("level"), "level"),
                manager.isBlank() ? Boolean.FALSE : bool(manager, "manager"),
                row.get("notes"));
    }

    private static boolean bool(String value, String column) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(column + " is '" + value + "': write true or false");
        };
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String column) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(column + " is '" + value + "': write one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
