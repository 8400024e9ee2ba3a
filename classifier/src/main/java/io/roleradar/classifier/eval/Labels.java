package io.roleradar.classifier.eval;

import io.roleradar.model.Domain;
import io.roleradar.model.Level;
import io.roleradar.model.Responsibility;
import io.roleradar.model.Specialization;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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

    private static final LabelsCsv<Label> CSV = new LabelsCsv<>(HEADER, "label", Labels::parse, Label::id);

    private Labels() {
    }


    /** Reads one or more labels files in order; the same id in a later file replaces the earlier label. */
    public static List<Label> read(List<Path> files) throws IOException {
        return CSV.read(files);
    }

    public static List<Label> read(Path file) throws IOException {
        return CSV.read(file);
    }

    private static Label parse(CSVRecord row) {
        String id = LabelsCsv.id(row);
        boolean ml = LabelsCsv.bool(row.get("mlRole"), "mlRole");
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
                    manager.isBlank() ? null : LabelsCsv.bool(manager, "manager"), row.get("notes"));
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
                manager.isBlank() ? Boolean.FALSE : LabelsCsv.bool(manager, "manager"),
                row.get("notes"));
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
