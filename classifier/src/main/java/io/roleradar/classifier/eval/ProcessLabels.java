package io.roleradar.classifier.eval;

import io.roleradar.model.Round;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a process-labels CSV: header {@code id,describesProcess,statedRounds,steps,notes},
 * {@code describesProcess} true or false, {@code statedRounds} round names separated by {@code ;}
 * ({@code ML_CODING;ML_CASE_STUDY}), empty when the posting states none. Every bad row is reported
 * with its line number, all at once; the same id in a later file replaces the earlier label.
 */
public final class ProcessLabels {
    static final List<String> HEADER = List.of("id", "describesProcess", "statedRounds", "steps", "notes");

    private static final LabelsCsv<ProcessLabel> CSV =
            new LabelsCsv<>(HEADER, "process label", ProcessLabels::parse, ProcessLabel::id);

    private ProcessLabels() {
    }


    /** Reads one or more process-labels files in order; the same id in a later file replaces the earlier label. */
    public static List<ProcessLabel> read(List<Path> files) throws IOException {
        return CSV.read(files);
    }

    private static ProcessLabel parse(CSVRecord row) {
        String id = LabelsCsv.id(row);
        boolean describes = LabelsCsv.bool(row.get("describesProcess"), "describesProcess");
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
