package io.roleradar.classifier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.taxonomy.TaxonomyLoader;
import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.model.Tags;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The classifier's benchmark harness (not a test): single thread, over the real descriptions of
 * {@code shared/data} (every Ashby board posting and the Glassdoor CSV), each serialised as the raw
 * posting JSON the service reads from Kafka. It measures, alternating, in the same run:
 * <ul>
 *   <li>the floor: parse the JSON and make one lowercase pass over the text;</li>
 *   <li>the service's work per record: parse the JSON and classify;</li>
 *   <li>classification itself, on postings parsed beforehand;</li>
 * </ul>
 * and prints postings per second, the median of several timed rounds after a warm-up, and the
 * ratios against the floor, both per second of wall time and per second of the thread's own CPU
 * time (the steadier figure on a machine that other processes share). It lives in the test tree, like every module's benchmarks; the command
 * is in BENCHMARKS.md.
 */
public final class ClassifierBenchmark {
    private static final long ROUND_NANOS = 1_000_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ClassifierBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ClassifierBenchmark SHARED_DATA_DIR [rounds]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<byte[]> json = load(data);
        if (json.isEmpty()) {
            System.err.println("no postings found under " + data + " (ashby-boards/*.json, csv/glassdoor_jobs.csv)");
            System.exit(1);
        }
        List<RawPosting> parsed = new ArrayList<>();
        long chars = 0;
        for (byte[] b : json) {
            RawPosting p = PostingJson.readRaw(b);
            parsed.add(p);
            chars += p.description().length();
        }
        // -Dtaxonomy=FILE measures another taxonomy, e.g. the shipped one without its model section
        // (the hand-set rules alone).
        String taxonomy = System.getProperty("taxonomy");
        Classifier classifier = taxonomy == null ? Classifier.withDefaultTaxonomy()
                : new Classifier(TaxonomyLoader.load(Path.of(taxonomy)));
        System.out.printf(Locale.ROOT, "postings: %d real descriptions, %.0f characters on average; taxonomy %s%s; %s, %d cores, max heap %d MiB%n",
                json.size(), chars / (double) json.size(), classifier.taxonomyVersion(),
                classifier.taxonomy().model() == null ? " (no model: the hand-set rules alone)" : "", System.getProperty("java.vm.name")
                        + " " + System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        double[] floor = new double[rounds];
        double[] service = new double[rounds];
        double[] classify = new double[rounds];
        double[] floorCpu = new double[rounds];
        double[] serviceCpu = new double[rounds];
        double[] classifyCpu = new double[rounds];
        long sink = 0;
        // Warm-up: two rounds of each, not counted, so the JIT has compiled all three paths.
        for (int w = 0; w < 2; w++) {
            sink += timed(() -> floorPass(json)).sink;
            sink += timed(() -> servicePass(json, classifier)).sink;
            sink += timed(() -> classifyPass(parsed, classifier)).sink;
        }
        for (int r = 0; r < rounds; r++) {
            Result f = timed(() -> floorPass(json));
            Result s = timed(() -> servicePass(json, classifier));
            Result c = timed(() -> classifyPass(parsed, classifier));
            floor[r] = f.rate;
            service[r] = s.rate;
            classify[r] = c.rate;
            floorCpu[r] = f.cpuRate;
            serviceCpu[r] = s.cpuRate;
            classifyCpu[r] = c.cpuRate;
            sink += f.sink + s.sink + c.sink;
        }
        double f = median(floor);
        double s = median(service);
        double c = median(classify);
        System.out.printf(Locale.ROOT, "floor (parse JSON + one lowercase pass):   %,10.0f postings/s%n", f);
        System.out.printf(Locale.ROOT, "parse JSON + classify (the service's work): %,10.0f postings/s   ratio to floor %.2f%n", s, s / f);
        System.out.printf(Locale.ROOT, "classify only (postings parsed before):     %,10.0f postings/s   ratio to floor %.2f%n", c, c / f);
        // On a shared machine the thread's own CPU time is the steadier figure: postings per CPU second.
        double fc = median(floorCpu);
        double sc = median(serviceCpu);
        double cc = median(classifyCpu);
        System.out.printf(Locale.ROOT, "per CPU second of the thread: floor %,.0f, parse JSON + classify %,.0f (ratio %.2f), classify only %,.0f (ratio %.2f)%n",
                fc, sc, sc / fc, cc, cc / fc);
        System.out.printf(Locale.ROOT, "median of %d rounds of >= 1 s each, single thread; %s (checksum %d)%n", rounds,
                LocalDate.now(), sink & 0xffff);
    }

    /** Postings per second of wall time and per second of the thread's CPU time. */
    private record Result(double rate, double cpuRate, long sink) {
    }

    private interface Pass {
        long run() throws Exception;
    }

    /** Repeats a pass over all postings for at least a second; the rate is postings per second. */
    private static Result timed(Pass pass) throws Exception {
        long sink = 0;
        long postings = 0;
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long elapsed;
        do {
            long n = pass.run();
            sink += n;
            postings += n >>> 32;
            elapsed = System.nanoTime() - start;
        } while (elapsed < ROUND_NANOS);
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        return new Result(postings * 1e9 / elapsed, postings * 1e9 / cpu, sink);
    }

    // Each pass returns (postings << 32) | checksum bits, so no work can be optimised away.

    private static long floorPass(List<byte[]> json) throws InvalidMessageException {
        long check = 0;
        for (byte[] b : json) {
            RawPosting p = PostingJson.readRaw(b);
            check += p.description().toLowerCase(Locale.ROOT).hashCode();
        }
        return ((long) json.size() << 32) | (check & 0xffffffffL);
    }

    private static long servicePass(List<byte[]> json, Classifier classifier) throws InvalidMessageException {
        long check = 0;
        for (byte[] b : json) {
            Tags t = classifier.classify(PostingJson.readRaw(b));
            check += t.mlRole() ? 1 : 0;
        }
        return ((long) json.size() << 32) | (check & 0xffffffffL);
    }

    private static long classifyPass(List<RawPosting> postings, Classifier classifier) {
        long check = 0;
        for (RawPosting p : postings) {
            check += classifier.classify(p).domains().size();
        }
        return ((long) postings.size() << 32) | (check & 0xffffffffL);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The raw posting JSON of every real posting under the data folder. */
    static List<byte[]> load(Path data) throws IOException {
        List<byte[]> out = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        Path boards = data.resolve("ashby-boards");
        if (Files.isDirectory(boards)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(boards, "*.json")) {
                List<Path> sorted = new ArrayList<>();
                files.forEach(sorted::add);
                sorted.sort(null);
                for (Path file : sorted) {
                    String board = file.getFileName().toString().replaceFirst("\\.json$", "").toLowerCase(Locale.ROOT);
                    for (JsonNode job : mapper.readTree(file.toFile()).path("jobs")) {
                        String title = job.path("title").asText("");
                        String description = job.path("descriptionPlain").asText("");
                        if (!title.isBlank() && !description.isBlank()) {
                            out.add(PostingJson.write(RawPosting.builder().id("ashby:" + board + ":" + job.path("id").asText())
                                    .source("ashby:" + board).title(title).department(job.path("department").asText(null))
                                    .description(description).build()));
                        }
                    }
                }
            }
        }
        Path csv = data.resolve("csv/glassdoor_jobs.csv");
        if (Files.isRegularFile(csv)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setAllowMissingColumnNames(true).get();
            try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                 CSVParser parser = CSVParser.parse(reader, format)) {
                for (CSVRecord row : parser) {
                    String title = row.get("Job Title");
                    String description = row.get("Job Description");
                    if (!title.isBlank() && !description.isBlank()) {
                        out.add(PostingJson.write(RawPosting.builder().id("csv:glassdoor_jobs:" + row.get(0))
                                .title(title).description(description).build()));
                    }
                }
            }
        }
        return out;
    }
}
