package io.roleradar.classifier.train;

import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.eval.Label;
import io.roleradar.classifier.eval.Labels;
import io.roleradar.classifier.eval.Split;
import io.roleradar.classifier.learn.FeatureVector;
import io.roleradar.classifier.learn.LearnedModel;
import io.roleradar.classifier.taxonomy.Taxonomy;
import io.roleradar.classifier.taxonomy.TaxonomyLoader;
import io.roleradar.model.Domain;
import io.roleradar.model.RawPosting;
import io.roleradar.model.Responsibility;
import io.roleradar.model.Specialization;
import io.roleradar.model.Tags;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Learns the taxonomy's {@code model} section from the hand labels of the dev set's {@code tune}
 * part, and only from it: a posting whose source the split does not call {@code tune} is never
 * read. One L2-regularised logistic regression per decision (ML role, INFRA, SPECIALIST, each
 * domain) over the features {@link Classifier#features} gives; the regularisation of each is
 * picked by 5-fold cross-validation over companies (all postings of a company in one fold, so a
 * figure says how the weights do on companies they never saw). Prints the cross-validation
 * figures of every choice tried, beside the hand-set thresholds on the same postings; with
 * {@code --write} fits on the whole tune part and writes the weights into the taxonomy file.
 *
 * <pre>
 * ./roleradar ingest run -s ../shared/data/ashby-boards -s ../shared/data/ashby-boards-more \
 *     -s ../shared/data/csv/glassdoor_jobs.csv -o /tmp/postings.jsonl
 * mvn -B -q -o -pl classifier test-compile
 * java -cp "classifier/target/classes:classifier/target/test-classes:$(cat /tmp/cp.txt)" \
 *     io.roleradar.classifier.train.TrainModel --postings /tmp/postings.jsonl --split devset/split.csv \
 *     --labels devset/labels-part1.csv ... --labels devset/labels-part4.csv [--no-words] [--write]
 * </pre>
 * ({@code mvn -q -o -pl classifier dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt} writes the class path.)
 */
public final class TrainModel {
    static final double[] C_GRID = {0.03, 0.1, 0.3, 1, 3, 10};
    static final double[] DOMAIN_THRESHOLDS = {0.2, 0.3, 0.4, 0.5, 0.6};
    static final int FOLDS = 5;
    static final long SEED = 2026;
    /** A rule feature must fire in this many tune postings, a title word in this many, to get a weight. */
    static final int MIN_RULE_POSTINGS = 2;
    static final int MIN_WORD_POSTINGS = 3;
    /** Smaller weights are left out of the file: a feature's value is at most about 2, so they move a logit by under 0.02. */
    static final double MIN_WEIGHT = 0.01;
    /** A company counts as at most this many postings, in the fit and in the figures that choose C. */
    static final double COMPANY_CAP = Double.parseDouble(System.getProperty("companyCap", "10"));

    private TrainModel() {
    }

    static boolean isWord(String feature) {
        return feature.startsWith(FeatureVector.TITLE_WORD) || feature.startsWith(FeatureVector.DEPARTMENT_WORD);
    }

    /** {@code ruleId:phrase@BUCKET}: one phrase of a rule rather than the whole rule. */
    static boolean isPhrase(String feature) {
        return !isWord(feature) && !feature.startsWith(FeatureVector.HAND) && feature.indexOf(':') >= 0;
    }

    /** One labelled tune posting: its features by name and the company that groups it into a fold. */
    record Example(Label label, Map<String, Double> features, String company, Tags byThresholds) {
    }

    /**
     * The labelled postings of the tune part, the only ones training and its experiments may read:
     * a posting whose source the split does not call tune (the locked test part) is left unread.
     *
     * @param leftOut how many labelled postings lie outside the tune part
     */
    record TunePart(List<Posting> postings, int leftOut) {
        /** A tune posting with its label and the company its cross-validation folds group by. */
        record Posting(Label label, RawPosting posting, String company) {
        }

        static TunePart of(List<Label> labelList, Map<String, RawPosting> byId, Split split) {
            Map<String, Label> labels = new LinkedHashMap<>();
            for (Label l : labelList) {
                labels.put(l.id(), l); // a later file's label for an id replaces the earlier one
            }
            List<Posting> postings = new ArrayList<>();
            int leftOut = 0;
            for (Label l : labels.values()) {
                RawPosting p = byId.get(l.id());
                if (p == null) {
                    continue;
                }
                if (!Split.TUNE.equals(split.partOf(p.source()))) {
                    leftOut++; // the locked part is a test set: never read
                    continue;
                }
                String company = l.company() == null || l.company().isBlank() ? p.source() : l.company();
                postings.add(new Posting(l, p, company.toLowerCase(Locale.ROOT)));
            }
            return new TunePart(postings, leftOut);
        }

        /** Prints how many examples were made of the tune part, and how many postings were left unread. */
        void describe(List<Example> examples) {
            System.out.printf(Locale.ROOT, "tune examples: %d (%d ML roles), %d companies; %d labelled postings outside the tune part left unread%n",
                    examples.size(), examples.stream().filter(e -> e.label().mlRole()).count(),
                    examples.stream().map(Example::company).distinct().count(), leftOut);
        }
    }

    public static void main(String[] args) throws Exception {
        List<Path> postings = new ArrayList<>();
        List<Path> labelFiles = new ArrayList<>();
        Path splitFile = null;
        Path taxonomyFile = Path.of("classifier/src/main/resources/taxonomy/taxonomy.json");
        boolean words = true;
        boolean phrases = true;
        boolean write = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--postings" -> postings.add(Path.of(args[++i]));
                case "--labels" -> labelFiles.add(Path.of(args[++i]));
                case "--split" -> splitFile = Path.of(args[++i]);
                case "--taxonomy" -> taxonomyFile = Path.of(args[++i]);
                case "--no-words" -> words = false;
                case "--no-phrases" -> phrases = false;
                case "--write" -> write = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (splitFile == null || postings.isEmpty() || labelFiles.isEmpty()) {
            throw new IllegalArgumentException("give --postings FILE.jsonl, --labels FILE.csv and --split devset/split.csv");
        }
        Taxonomy taxonomy = TaxonomyLoader.load(taxonomyFile).withoutModel();
        Classifier classifier = new Classifier(taxonomy);
        Split split = Split.read(splitFile);
        Map<String, RawPosting> byId = new HashMap<>();
        for (Path p : postings) {
            PostingsFile.read(p).postings().forEach(byId::putIfAbsent);
        }
        List<Example> examples = new ArrayList<>();
        TunePart tune = TunePart.of(Labels.read(labelFiles), byId, split);
        for (TunePart.Posting t : tune.postings()) {
            Map<String, Double> f = classifier.features(t.posting());
            if (!words) {
                f.keySet().removeIf(TrainModel::isWord);
            }
            if (!phrases) {
                f.keySet().removeIf(TrainModel::isPhrase);
            }
            examples.add(new Example(t.label(), f, t.company(), classifier.classify(t.posting())));
        }
        tune.describe(examples);
        if (System.getProperty("show") != null) {
            new TrainModel.Run(examples).show(Double.parseDouble(System.getProperty("show")));
            return;
        }
        String kinds = "rules by bucket" + (phrases ? ", phrases by bucket" : "") + (words ? ", title and department words" : "")
                + ", the hand-set calls";
        new TrainModel.Run(examples).report(write ? taxonomyFile : null, kinds);
    }

    /** The cross-validation and the final fit over one set of examples. */
    static final class Run {
        final List<Example> examples;
        final Map<String, Integer> index = new TreeMap<>();
        final List<String> names = new ArrayList<>();
        final int[] fold;
        /**
         * How much each posting of a company counts in the fit: a company with more than
         * {@link #COMPANY_CAP} labelled postings counts as that many in all, so one large board's
         * wording does not become the model's.
         */
        final Map<String, Double> weight = new HashMap<>();

        Run(List<Example> examples) {
            this.examples = examples;
            Map<String, Integer> postingsPerFeature = new TreeMap<>();
            examples.forEach(e -> e.features().keySet().forEach(f -> postingsPerFeature.merge(f, 1, Integer::sum)));
            postingsPerFeature.forEach((f, n) -> {
                if (n >= (isWord(f) || isPhrase(f) ? MIN_WORD_POSTINGS : MIN_RULE_POSTINGS)) {
                    index.put(f, names.size());
                    names.add(f);
                }
            });
            List<String> companies = new ArrayList<>(new TreeSet<>(examples.stream().map(Example::company).toList()));
            Collections.shuffle(companies, new Random(SEED));
            Map<String, Integer> foldOf = new HashMap<>();
            for (int i = 0; i < companies.size(); i++) {
                foldOf.put(companies.get(i), i % FOLDS);
            }
            Map<String, Long> perCompany = new HashMap<>();
            examples.forEach(e -> perCompany.merge(e.company(), 1L, Long::sum));
            perCompany.forEach((c, n) -> weight.put(c, Math.min(1.0, COMPANY_CAP / n)));
            this.fold = examples.stream().mapToInt(e -> foldOf.get(e.company())).toArray();
        }

        LogisticRegression.Row row(Example e, boolean yes) {
            List<Integer> idx = new ArrayList<>();
            List<Double> val = new ArrayList<>();
            e.features().forEach((f, v) -> {
                Integer i = index.get(f);
                if (i != null) {
                    idx.add(i);
                    val.add(v);
                }
            });
            return new LogisticRegression.Row(idx.stream().mapToInt(Integer::intValue).toArray(),
                    val.stream().mapToDouble(Double::doubleValue).toArray(), yes, weight.get(e.company()));
        }

        /** Out-of-fold probabilities of one decision, trained on the examples {@code among} holds. */
        double[] outOfFold(Predicate<Example> among, Predicate<Example> yes, double c) {
            double[] p = new double[examples.size()];
            for (int k = 0; k < FOLDS; k++) {
                List<LogisticRegression.Row> train = new ArrayList<>();
                for (int i = 0; i < examples.size(); i++) {
                    if (fold[i] != k && among.test(examples.get(i))) {
                        train.add(row(examples.get(i), yes.test(examples.get(i))));
                    }
                }
                double[] w = LogisticRegression.fit(train, names.size(), c);
                for (int i = 0; i < examples.size(); i++) {
                    if (fold[i] == k) {
                        p[i] = LogisticRegression.probability(w, row(examples.get(i), false));
                    }
                }
            }
            return p;
        }

        /** Prints the strongest weights of the INFRA decision fitted at {@code c}: for reading what it learned. */
        void show(double c) {
            double[] w = fit(e -> e.label().mlRole(), e -> e.label().responsibility() == Responsibility.INFRA, c);
            List<Integer> order = new ArrayList<>();
            for (int j = 0; j < names.size(); j++) {
                order.add(j);
            }
            order.sort((a, b) -> Double.compare(Math.abs(w[b]), Math.abs(w[a])));
            System.out.printf(Locale.ROOT, "infra C=%s bias %.3f%n", c, w[names.size()]);
            order.stream().limit(30).forEach(j -> System.out.printf(Locale.ROOT, "  %-50s %.3f%n", names.get(j), w[j]));
        }

        void report(Path writeTo, String kinds) throws Exception {
            System.out.printf(Locale.ROOT, "features: %d (%s)%n", names.size(), kinds);
            Predicate<Example> all = e -> true;
            Predicate<Example> ml = e -> e.label().mlRole();
            // mlRole
            double bestC = 0;
            double bestF1 = -1;
            double[] mlOof = null;
            for (double c : C_GRID) {
                double[] p = outOfFold(all, ml, c);
                double f1 = mlF1(p, true);
                System.out.printf(Locale.ROOT, "  mlRole      C=%-5s F1 %.3f, per posting %.3f%n", c, f1, mlF1(p, false));
                if (f1 > bestF1) {
                    bestF1 = f1;
                    bestC = c;
                    mlOof = p;
                }
            }
            double mlC = bestC;
            boolean[] predictedMl = new boolean[examples.size()];
            for (int i = 0; i < predictedMl.length; i++) {
                predictedMl[i] = mlOof[i] >= 0.5;
            }
            double infraC = pickAccuracy("infra", ml, e -> e.label().responsibility() == Responsibility.INFRA, predictedMl);
            double specC = pickAccuracy("specialist", ml, e -> e.label().specialization() == Specialization.SPECIALIST, predictedMl);
            // domains: one C and one threshold for all, by micro-F1
            double domainC = 0;
            double domainThreshold = 0.5;
            double bestMicro = -1;
            Map<Domain, double[]> bestDomains = null;
            for (double c : C_GRID) {
                Map<Domain, double[]> p = new LinkedHashMap<>();
                for (Domain d : Domain.values()) {
                    p.put(d, outOfFold(ml, e -> e.label().domains().contains(d), c));
                }
                for (double t : DOMAIN_THRESHOLDS) {
                    double micro = domainMicroF1(p, t, predictedMl, true);
                    System.out.printf(Locale.ROOT, "  domains     C=%-5s threshold %.1f micro-F1 %.3f, per posting %.3f%n", c, t, micro,
                            domainMicroF1(p, t, predictedMl, false));
                    if (micro > bestMicro) {
                        bestMicro = micro;
                        domainC = c;
                        domainThreshold = t;
                        bestDomains = p;
                    }
                }
            }
            // Then each domain its own threshold: the same share of evidence means more for a rare field.
            Map<Domain, Double> thresholds = new LinkedHashMap<>();
            for (Domain d : Domain.values()) {
                double best = -1;
                double chosen = domainThreshold;
                for (double t : DOMAIN_THRESHOLDS) {
                    int[] c = domainCounts(bestDomains.get(d), d, t, predictedMl);
                    double f1 = c[0] == 0 ? 0 : 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2]);
                    if (f1 > best + 1e-9) {
                        best = f1;
                        chosen = t;
                    }
                }
                thresholds.put(d, chosen);
                if (System.getProperty("listDomain", "").equals(d.name())) {
                    for (int i = 0; i < examples.size(); i++) {
                        boolean yes = bestDomains.get(d)[i] >= chosen;
                        boolean truth = examples.get(i).label().domains().contains(d);
                        if (examples.get(i).label().mlRole() && predictedMl[i] && yes != truth) {
                            System.out.printf(Locale.ROOT, "    %s %.2f %s | %s%n", yes ? "FP" : "FN", bestDomains.get(d)[i],
                                    examples.get(i).company(), examples.get(i).label().title());
                        }
                    }
                }
                int[] c = domainCounts(bestDomains.get(d), d, chosen, predictedMl);
                System.out.printf(Locale.ROOT, "  %-24s threshold %.1f: tp %3d fp %3d fn %3d%n", d, chosen, c[0], c[1], c[2]);
            }
            int[] sum = new int[3];
            for (Domain d : Domain.values()) {
                int[] c = domainCounts(bestDomains.get(d), d, thresholds.get(d), predictedMl);
                for (int k = 0; k < 3; k++) {
                    sum[k] += c[k];
                }
            }
            System.out.printf(Locale.ROOT, "domains with a threshold each: micro-F1 %.3f per posting (thresholds picked on these same"
                    + " out-of-fold figures, so slightly optimistic)%n", 2.0 * sum[0] / (2.0 * sum[0] + sum[1] + sum[2]));
            System.out.printf(Locale.ROOT, "cross-validated over companies (%d folds), chosen: mlRole F1 %.3f (C=%s); "
                            + "responsibility %.3f (C=%s); specialization %.3f (C=%s); domains micro-F1 %.3f (C=%s, threshold %.1f)%n",
                    FOLDS, bestF1, mlC, lastAccuracy.get("infra"), infraC, lastAccuracy.get("specialist"), specC,
                    bestMicro, domainC, domainThreshold);
            handThresholds();
            if (writeTo != null) {
                write(writeTo, mlC, infraC, specC, domainC, thresholds, kinds);
            }
        }

        private final Map<String, Double> lastAccuracy = new HashMap<>();

        private double pickAccuracy(String name, Predicate<Example> ml, Predicate<Example> yes, boolean[] predictedMl) {
            double bestC = 0;
            double best = -1;
            for (double c : C_GRID) {
                double[] p = outOfFold(ml, yes, c);
                double wRight = 0;
                double wN = 0;
                int right = 0;
                int n = 0;
                int[] rightByFold = new int[FOLDS];
                int[] nByFold = new int[FOLDS];
                for (int i = 0; i < p.length; i++) {
                    if (examples.get(i).label().mlRole() && predictedMl[i]) {
                        n++;
                        boolean ok = (p[i] >= 0.5) == yes.test(examples.get(i));
                        right += ok ? 1 : 0;
                        double cw = weight.get(examples.get(i).company());
                        wN += cw;
                        wRight += ok ? cw : 0;
                        rightByFold[fold[i]] += ok ? 1 : 0;
                        nByFold[fold[i]]++;
                    }
                }
                double acc = wRight / wN;
                StringBuilder folds = new StringBuilder();
                for (int k = 0; k < FOLDS; k++) {
                    folds.append(String.format(Locale.ROOT, " %d/%d", rightByFold[k], nByFold[k]));
                }
                System.out.printf(Locale.ROOT, "  %-11s C=%-5s accuracy %.3f, per posting %.3f (n=%d; by fold%s)%n", name, c, acc,
                        (double) right / n, n, folds);
                if (acc > best) {
                    best = acc;
                    bestC = c;
                }
            }
            lastAccuracy.put(name, best);
            return bestC;
        }

        /** True positives, false positives and false negatives of one domain at one threshold, per posting. */
        private int[] domainCounts(double[] p, Domain d, double threshold, boolean[] predictedMl) {
            int[] c = new int[3];
            for (int i = 0; i < examples.size(); i++) {
                if (examples.get(i).label().mlRole() && predictedMl[i]) {
                    boolean yes = p[i] >= threshold;
                    boolean truth = examples.get(i).label().domains().contains(d);
                    c[0] += yes && truth ? 1 : 0;
                    c[1] += yes && !truth ? 1 : 0;
                    c[2] += !yes && truth ? 1 : 0;
                }
            }
            return c;
        }

        private double mlF1(double[] p, boolean companyWeighted) {
            double tp = 0;
            double fp = 0;
            double fn = 0;
            for (int i = 0; i < p.length; i++) {
                boolean yes = p[i] >= 0.5;
                boolean truth = examples.get(i).label().mlRole();
                double cw = companyWeighted ? weight.get(examples.get(i).company()) : 1;
                tp += yes && truth ? cw : 0;
                fp += yes && !truth ? cw : 0;
                fn += !yes && truth ? cw : 0;
            }
            return 2.0 * tp / (2.0 * tp + fp + fn);
        }

        private double domainMicroF1(Map<Domain, double[]> p, double threshold, boolean[] predictedMl, boolean companyWeighted) {
            double tp = 0;
            double fp = 0;
            double fn = 0;
            for (int i = 0; i < examples.size(); i++) {
                if (!examples.get(i).label().mlRole() || !predictedMl[i]) {
                    continue;
                }
                double cw = companyWeighted ? weight.get(examples.get(i).company()) : 1;
                for (Domain d : Domain.values()) {
                    boolean yes = p.get(d)[i] >= threshold;
                    boolean truth = examples.get(i).label().domains().contains(d);
                    tp += yes && truth ? cw : 0;
                    fp += yes && !truth ? cw : 0;
                    fn += !yes && truth ? cw : 0;
                }
            }
            return 2.0 * tp / (2.0 * tp + fp + fn);
        }

        /** The hand-set thresholds on the same postings, for comparison (they were tuned on part of them). */
        private void handThresholds() {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            int n = 0;
            int resp = 0;
            int spec = 0;
            int dtp = 0;
            int dfp = 0;
            int dfn = 0;
            for (Example e : examples) {
                Tags t = e.byThresholds();
                boolean truth = e.label().mlRole();
                tp += t.mlRole() && truth ? 1 : 0;
                fp += t.mlRole() && !truth ? 1 : 0;
                fn += !t.mlRole() && truth ? 1 : 0;
                if (t.mlRole() && truth) {
                    n++;
                    resp += t.responsibility() == e.label().responsibility() ? 1 : 0;
                    spec += t.specialization() == e.label().specialization() ? 1 : 0;
                    for (Domain d : Domain.values()) {
                        boolean yes = t.domains().stream().anyMatch(x -> x.domain() == d);
                        boolean dt = e.label().domains().contains(d);
                        dtp += yes && dt ? 1 : 0;
                        dfp += yes && !dt ? 1 : 0;
                        dfn += !yes && dt ? 1 : 0;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "hand-set thresholds, same postings: mlRole F1 %.3f; responsibility %.3f; "
                            + "specialization %.3f; domains micro-F1 %.3f%n", 2.0 * tp / (2.0 * tp + fp + fn),
                    (double) resp / n, (double) spec / n, 2.0 * dtp / (2.0 * dtp + dfp + dfn));
        }

        private void write(Path file, double mlC, double infraC, double specC, double domainC, Map<Domain, Double> domainThresholds,
                           String kinds) throws Exception {
            Predicate<Example> all = e -> true;
            Predicate<Example> ml = e -> e.label().mlRole();
            Map<String, String> blocks = new LinkedHashMap<>();
            blocks.put(LearnedModel.ML_ROLE, decision(fit(all, e -> e.label().mlRole(), mlC), 0.5));
            blocks.put(LearnedModel.INFRA, decision(fit(ml, e -> e.label().responsibility() == Responsibility.INFRA, infraC), 0.5));
            blocks.put(LearnedModel.SPECIALIST, decision(fit(ml, e -> e.label().specialization() == Specialization.SPECIALIST, specC), 0.5));
            for (Domain d : Domain.values()) {
                blocks.put(LearnedModel.DOMAIN_PREFIX + d.name(), decision(fit(ml, e -> e.label().domains().contains(d), domainC), domainThresholds.get(d)));
            }
            String trainedOn = String.format(Locale.ROOT, "L2 logistic regression per decision by classifier/src/test/java/"
                            + "io/roleradar/classifier/train/TrainModel.java on the %d labelled postings of the devset tune part"
                            + " (%d companies); features: %s; C by 5-fold cross-validation over companies: mlRole %s,"
                            + " infra %s, specialist %s, domains %s (a threshold each)",
                    examples.size(), examples.stream().map(Example::company).distinct().count(),
                    kinds, mlC, infraC, specC, domainC);
            StringBuilder model = new StringBuilder();
            model.append("  \"model\": {\n    \"trainedOn\": \"").append(trainedOn).append("\",\n    \"decisions\": {\n");
            int i = 0;
            for (Map.Entry<String, String> b : blocks.entrySet()) {
                model.append("      \"").append(b.getKey()).append("\": ").append(b.getValue())
                        .append(++i < blocks.size() ? ",\n" : "\n");
            }
            model.append("    }\n  }\n}\n");
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int at = text.indexOf(",\n  \"model\": {");
            String head = at >= 0 ? text.substring(0, at) : text.substring(0, text.lastIndexOf('}')).stripTrailing();
            Files.writeString(file, head + ",\n" + model, StandardCharsets.UTF_8);
            TaxonomyLoader.load(file); // fails loudly if the file no longer reads
            System.out.println("wrote the model into " + file);
        }

        private double[] fit(Predicate<Example> among, Predicate<Example> yes, double c) {
            List<LogisticRegression.Row> rows = new ArrayList<>();
            for (Example e : examples) {
                if (among.test(e)) {
                    rows.add(row(e, yes.test(e)));
                }
            }
            return LogisticRegression.fit(rows, names.size(), c);
        }

        /** One decision's JSON: bias, threshold and the weights, largest first, one a line. */
        private String decision(double[] w, double threshold) {
            List<Integer> order = new ArrayList<>();
            for (int j = 0; j < names.size(); j++) {
                if (Math.abs(w[j]) >= MIN_WEIGHT) {
                    order.add(j);
                }
            }
            order.sort((a, b) -> Double.compare(Math.abs(w[b]), Math.abs(w[a])) != 0
                    ? Double.compare(Math.abs(w[b]), Math.abs(w[a])) : names.get(a).compareTo(names.get(b)));
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "{\"bias\": %.4f, \"threshold\": %s, \"weights\": {", w[names.size()], threshold));
            for (int k = 0; k < order.size(); k++) {
                out.append(k == 0 ? "\n" : ",\n").append("        \"").append(names.get(order.get(k)).replace("\\", "\\\\").replace("\"", "\\\""))
                        .append("\": ").append(String.format(Locale.ROOT, "%.3f", w[order.get(k)]));
            }
            out.append("\n      }}");
            return out.toString();
        }
    }
}
