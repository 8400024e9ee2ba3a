package io.roleradar.classifier.eval;

import io.roleradar.model.Domain;
import io.roleradar.model.RawPosting;
import io.roleradar.model.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The errors of one part, for someone tuning the rules: the main confusions of responsibility,
 * specialization and level, and every mlRole and tag error by posting, in the order added. Tags are
 * compared on the same postings as {@link PostingScore} scores them.
 */
final class Errors {
    /** "gold -> predicted" to count, sorted so reports print in a stable order. */
    private final Map<String, Map<String, Integer>> confusions = new TreeMap<>();
    private final List<String> mlErrors = new ArrayList<>();
    private final List<String> tagErrors = new ArrayList<>();

    void add(Label label, RawPosting posting, Tags tags) {
        String who = posting.id() + " \"" + posting.title().strip() + "\"";
        if (label.mlRole() != tags.mlRole()) {
            mlErrors.add(String.format(Locale.ROOT, "%s %s (confidence %.2f)", tags.mlRole() ? "FP" : "FN", who,
                    tags.mlConfidence()));
        }
        List<String> wrong = new ArrayList<>();
        if (label.level() != null) {
            compare("level", label.level(), tags.level(), wrong);
        }
        if (label.manager() != null && tags.manager() != null) {
            compare("manager", label.manager(), tags.manager(), wrong);
        }
        if (label.mlRole() && tags.mlRole()) {
            compare("responsibility", label.responsibility(), tags.responsibility(), wrong);
            compare("specialization", label.specialization(), tags.specialization(), wrong);
            Set<Domain> predicted = PostingScore.domains(tags);
            for (Domain d : Domain.values()) {
                boolean gold = label.domains().contains(d);
                if (gold != predicted.contains(d)) {
                    wrong.add((gold ? "-" : "+") + d);
                }
            }
        }
        if (!wrong.isEmpty()) {
            tagErrors.add(who + ": " + String.join(", ", wrong));
        }
    }

    private void compare(String name, Object gold, Object predicted, List<String> wrong) {
        if (!Objects.equals(gold, predicted)) {
            confusions.computeIfAbsent(name, n -> new TreeMap<>()).merge(gold + " -> " + predicted, 1, Integer::sum);
            wrong.add(name + " " + gold + "->" + predicted);
        }
    }

    List<String> mlErrors() {
        return List.copyOf(mlErrors);
    }

    List<String> tagErrors() {
        return List.copyOf(tagErrors);
    }

    /** The main confusions and every error by posting. */
    String render() {
        StringBuilder out = new StringBuilder();
        out.append("\nMain confusions (label -> classifier: count)\n");
        for (String name : List.of("responsibility", "specialization", "level")) {
            confusions.getOrDefault(name, Map.of()).entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(6)
                    .forEach(e -> out.append(String.format(Locale.ROOT, "  %-16s %s: %d%n", name, e.getKey(),
                            e.getValue())));
        }
        if (!mlErrors.isEmpty()) {
            out.append("\nmlRole errors\n");
            mlErrors.forEach(e -> out.append("  ").append(e).append('\n'));
        }
        if (!tagErrors.isEmpty()) {
            out.append("\nTag errors (level and manager on every posting, the rest on ML roles)\n");
            tagErrors.forEach(e -> out.append("  ").append(e).append('\n'));
        }
        return out.toString();
    }
}
