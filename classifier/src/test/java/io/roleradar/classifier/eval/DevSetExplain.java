package io.roleradar.classifier.eval;

import io.roleradar.classifier.Classifier;
import io.roleradar.model.RawPosting;
import io.roleradar.model.Tags;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A tool for tuning the taxonomy, not a test: prints, for each labelled posting of the tune part of
 * devset/split.csv, the label, the classifier's tags and the signal sums behind them. Run with the test classpath:
 * {@code java -cp ... io.roleradar.classifier.eval.DevSetExplain ../shared/data [filter]}.
 */
public final class DevSetExplain {
    private DevSetExplain() {
    }

    /** The labels' figures and errors as one part, no split, with the default bootstrap. */
    private static MeasurementReport measure(Classifier classifier, List<Label> labels,
                                             Map<String, RawPosting> postings) {
        return Measurement.of(classifier).measure(labels, List.of(), postings, Split.none(), null);
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String filter = args.length > 1 ? args[1] : "";
        Map<String, RawPosting> postings = DevSetQualityTest.postings(data.resolve("ashby-boards"),
                data.resolve("csv/glassdoor_jobs.csv"));
        // Tuning looks at the tune part only: the locked part's postings are never printed (issue 13).
        List<Label> labels = DevSetQualityTest.tuneLabels(Labels.read(DevSetQualityTest.labelFiles()), postings,
                DevSetQualityTest.split());
        Classifier classifier = Classifier.withDefaultTaxonomy();
        if (filter.equals("split")) {
            for (String prefix : List.of("ashby:", "csv:")) {
                List<Label> part = labels.stream().filter(l -> l.id().startsWith(prefix)).toList();
                System.out.println("=== " + prefix + " (" + part.size() + ")");
                String r = measure(classifier, part, postings).render();
                System.out.println(r.substring(0, r.indexOf("Main confusions")));
            }
            return;
        }
        if (filter.equals("report")) {
            System.out.println(measure(classifier, labels, postings).render());
            return;
        }
        if (filter.equals("sweep")) {
            String json = new String(DevSetExplain.class.getResourceAsStream("/taxonomy/taxonomy.json").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            for (double ml : new double[] {2, 3, 4, 5}) {
                for (double mlText : new double[] {1, 2, 3}) {
                    for (double d2ml : new double[] {0, 0.3, 0.6}) {
                        for (double eng : new double[] {-2, -3, -4, -5}) {
                            var root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
                            var th = (com.fasterxml.jackson.databind.node.ObjectNode) root.get("thresholds");
                            th.put("ml", ml).put("mlText", mlText).put("domainToMl", d2ml);
                            for (var rule : root.get("rules")) {
                                if (rule.get("id").asText().equals("ml.title.data-engineer")) {
                                    ((com.fasterxml.jackson.databind.node.ObjectNode) rule).put("weight", eng);
                                }
                            }
                            var c = new Classifier(io.roleradar.classifier.taxonomy.TaxonomyLoader.parse(root.toString(), "sweep"));
                            var r = measure(c, labels, postings).part(Split.ALL);
                            System.out.printf("ml=%s mlText=%s d2ml=%s eng=%s  F1=%.3f fp=%d fn=%d%n", ml, mlText, d2ml, eng,
                                    r.figure(Figure.ML_F1).value(), r.counts()[Count.ML_FP.ordinal()],
                                    r.counts()[Count.ML_FN.ordinal()]);
                        }
                    }
                }
            }
            return;
        }
        if (filter.startsWith("layout:")) {
            RawPosting p = postings.get(filter.substring(7));
            var layout = classifier.layout(p.description());
            String[] lines = p.description().split("\n", -1);
            for (int i = 0; i < layout.lineCount() && i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    System.out.println(layout.kindOfLine(i) + "\t" + lines[i].substring(0, Math.min(110, lines[i].length())));
                }
            }
            return;
        }
        for (Label label : labels) {
            RawPosting p = postings.get(label.id());
            if (p == null) {
                continue;
            }
            Tags t = classifier.classify(p);
            String gold = label.mlRole() + " " + label.responsibility() + " " + label.specialization() + " "
                    + label.domains() + " " + label.level();
            String pred = t.mlRole() + " " + t.responsibility() + " " + t.specialization() + " "
                    + t.domains().stream().map(d -> d.domain().name()).toList() + " " + t.level();
            if (filter.isEmpty() || (filter.equals("diff") && !gold.replace(" ", "").equals(pred.replace(" ", "")))
                    || label.id().contains(filter)) {
                System.out.println(label.id() + " | " + p.title().strip() + " | " + p.department());
                System.out.println("  gold: " + gold + "   // " + label.notes());
                System.out.println("  pred: " + pred + "   conf " + t.mlConfidence());
                System.out.println("  why:  " + classifier.explain(p));
                t.domains().forEach(d -> System.out.println("  dom:  " + d.domain() + " " + d.score() + " "
                        + d.evidence().stream().map(e -> e.text() + "@" + e.rule()).toList()));
            }
        }
    }
}
