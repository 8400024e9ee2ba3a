package io.roleradar.classifier.eval;

import io.roleradar.model.Domain;
import io.roleradar.model.RawPosting;
import io.roleradar.model.Tags;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The result of one evaluation: the figures of each tag and the postings it got wrong, rendered
 * as plain text by {@link #render()}. Immutable.
 */
public record EvaluationReport(String taxonomyVersion, int labelled, List<String> missing,
                               Evaluator.Binary mlRole, Evaluator.Accuracy responsibility,
                               Evaluator.Accuracy specialization, Evaluator.Accuracy level,
                               Evaluator.Accuracy manager, Evaluator.DomainScores domains,
                               List<String> mlErrors, List<String> tagErrors) {

    public EvaluationReport {
        missing = List.copyOf(missing);
        mlErrors = List.copyOf(mlErrors);
        tagErrors = List.copyOf(tagErrors);
    }

    /** The report as text a person reads: figures first, then confusions, then the errors. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("Evaluation against hand labels (taxonomy ").append(taxonomyVersion).append(")\n");
        out.append(String.format(Locale.ROOT, "postings: %d labelled, %d evaluated, %d missing from the postings given%n",
                labelled, labelled - missing.size(), missing.size()));
        out.append(String.format(Locale.ROOT, "%nmlRole          precision %.3f  recall %.3f  F1 %.3f   (tp %d, fp %d, fn %d, tn %d)%n",
                mlRole.precision(), mlRole.recall(), mlRole.f1(), mlRole.tp(), mlRole.fp(), mlRole.fn(), mlRole.tn()));
        out.append("Over every posting whose label has one:\n");
        line(out, "level", level);
        line(out, "manager", manager);
        out.append("Over the postings both call ML roles:\n");
        line(out, "responsibility", responsibility);
        line(out, "specialization", specialization);
        Evaluator.Binary micro = domains.micro();
        out.append(String.format(Locale.ROOT, "domains (micro)  precision %.3f  recall %.3f  F1 %.3f   (tp %d, fp %d, fn %d)%n",
                micro.precision(), micro.recall(), micro.f1(), micro.tp(), micro.fp(), micro.fn()));
        for (var e : domains.perDomain().entrySet()) {
            Evaluator.Binary b = e.getValue();
            if (b.tp() + b.fp() + b.fn() > 0) {
                out.append(String.format(Locale.ROOT, "  %-24s P %.2f  R %.2f  F1 %.2f  (tp %d, fp %d, fn %d)%n",
                        e.getKey(), b.precision(), b.recall(), b.f1(), b.tp(), b.fp(), b.fn()));
            }
        }
        out.append(renderErrors());
        if (!missing.isEmpty()) {
            out.append("\nLabelled but not among the postings: ").append(missing.size()).append(" (first: ")
                    .append(missing.get(0)).append(")\n");
        }
        return out.toString();
    }

    /** The main confusions and every error by posting, for someone tuning the rules. */
    public String renderErrors() {
        StringBuilder out = new StringBuilder();
        out.append("\nMain confusions (label -> classifier: count)\n");
        confusions(out, "responsibility", responsibility);
        confusions(out, "specialization", specialization);
        confusions(out, "level", level);
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

    private static void line(StringBuilder out, String name, Evaluator.Accuracy a) {
        out.append(String.format(Locale.ROOT, "%-16s accuracy %.3f   (%d of %d)%n", name, a.value(), a.correct(), a.total()));
    }

    private static void confusions(StringBuilder out, String name, Evaluator.Accuracy a) {
        a.confusions().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(6)
                .forEach(e -> out.append(String.format(Locale.ROOT, "  %-16s %s: %d%n", name, e.getKey(), e.getValue())));
    }

    /** Collects one comparison at a time. */
    static final class Builder {
        private final String version;
        private final List<String> missing = new ArrayList<>();
        private int labelled;
        private int tp;
        private int fp;
        private int fn;
        private int tn;
        private final int[][] acc = new int[4][2];
        /** "gold -> predicted" to count, sorted so reports print in a stable order. */
        private final List<Map<String, Integer>> confusions = List.of(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
                new TreeMap<>());
        private final Map<Domain, int[]> domainCounts = new EnumMap<>(Domain.class);
        private final List<String> mlErrors = new ArrayList<>();
        private final List<String> tagErrors = new ArrayList<>();

        Builder(String version) {
            this.version = version;
            for (Domain d : Domain.values()) {
                domainCounts.put(d, new int[3]);
            }
        }

        void missing(String id) {
            labelled++;
            missing.add(id);
        }

        void add(Label label, RawPosting posting, Tags tags) {
            labelled++;
            String who = posting.id() + " \"" + posting.title().strip() + "\"";
            if (label.mlRole() && tags.mlRole()) {
                tp++;
            } else if (!label.mlRole() && tags.mlRole()) {
                fp++;
                mlErrors.add(String.format(Locale.ROOT, "FP %s (confidence %.2f)", who, tags.mlConfidence()));
            } else if (label.mlRole()) {
                fn++;
                mlErrors.add(String.format(Locale.ROOT, "FN %s (confidence %.2f)", who, tags.mlConfidence()));
            } else {
                tn++;
            }
            List<String> wrong = new ArrayList<>();
            // Level and manager are tags of every posting (TAXONOMY.md section 7): scored wherever
            // the label has one; the ML-only tags only where both call it an ML role.
            if (label.level() != null) {
                compare(2, "level", label.level(), tags.level(), wrong);
            }
            if (label.manager() != null && tags.manager() != null) {
                compare(3, "manager", label.manager(), tags.manager(), wrong);
            }
            if (!(label.mlRole() && tags.mlRole())) {
                if (!wrong.isEmpty()) {
                    tagErrors.add(who + ": " + String.join(", ", wrong));
                }
                return;
            }
            compare(0, "responsibility", label.responsibility(), tags.responsibility(), wrong);
            compare(1, "specialization", label.specialization(), tags.specialization(), wrong);
            Set<Domain> predicted = Evaluator.predictedDomains(tags);
            for (Domain d : Domain.values()) {
                boolean g = label.domains().contains(d);
                boolean p = predicted.contains(d);
                int[] c = domainCounts.get(d);
                if (g && p) {
                    c[0]++;
                } else if (p) {
                    c[1]++;
                    wrong.add("+" + d);
                } else if (g) {
                    c[2]++;
                    wrong.add("-" + d);
                }
            }
            if (!wrong.isEmpty()) {
                tagErrors.add(who + ": " + String.join(", ", wrong));
            }
        }

        private void compare(int i, String name, Object gold, Object predicted, List<String> wrong) {
            acc[i][1]++;
            if (Objects.equals(gold, predicted)) {
                acc[i][0]++;
            } else {
                confusions.get(i).merge(gold + " -> " + predicted, 1, Integer::sum);
                wrong.add(name + " " + gold + "->" + predicted);
            }
        }

        EvaluationReport build() {
            Map<Domain, Evaluator.Binary> per = new EnumMap<>(Domain.class);
            int mtp = 0;
            int mfp = 0;
            int mfn = 0;
            for (var e : domainCounts.entrySet()) {
                int[] c = e.getValue();
                per.put(e.getKey(), new Evaluator.Binary(c[0], c[1], c[2], 0));
                mtp += c[0];
                mfp += c[1];
                mfn += c[2];
            }
            return new EvaluationReport(version, labelled, missing, new Evaluator.Binary(tp, fp, fn, tn),
                    accuracy(0), accuracy(1), accuracy(2), accuracy(3),
                    new Evaluator.DomainScores(per, new Evaluator.Binary(mtp, mfp, mfn, 0)), mlErrors, tagErrors);
        }

        private Evaluator.Accuracy accuracy(int i) {
            return new Evaluator.Accuracy(acc[i][0], acc[i][1], Map.copyOf(confusions.get(i)));
        }
    }

}
