package io.roleradar.ingest.bench;

import io.roleradar.ingest.parse.CsvColumns;
import io.roleradar.ingest.parse.DocumentParser;
import io.roleradar.ingest.parse.Extraction;
import io.roleradar.ingest.source.Document;
import io.roleradar.model.PostingJson;
import org.jsoup.Jsoup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures extraction (format detection, parsing, HTML to text, normalisation, ids) on the real
 * job pages and board files against a bare parse of the same bytes in the same run: Jsoup for
 * pages, Jackson for API JSON. The ratio bare time / extraction time (the median over the measured iterations, each timing
 * both back to back) is the figure: 1.0 would mean extraction costs nothing beyond parsing; the goal is at least 0.6.
 *
 * <p>Run: {@code java -cp ingest/target/roleradar-ingest.jar io.roleradar.ingest.bench.ExtractionBenchmark ../shared/data [warmup] [measured]}
 * (defaults 200 and 25). The warm-up is long because one iteration runs each page layout's code only
 * once or a few times: after a handful of iterations it is still interpreted, and the figure would
 * measure the JIT rather than the extraction.
 */
public final class ExtractionBenchmark {
    private ExtractionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int measured = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        if (!Files.isDirectory(data)) {
            System.err.println("no data folder at " + data + ": pass the path of shared/data");
            System.exit(2);
        }
        List<Path> pages = files(data.resolve("job-pages"), ".html");
        List<Path> json = new ArrayList<>(files(data.resolve("ashby-boards"), ".json"));
        for (String f : List.of("greenhouse_jobs.json", "lever_postings.json", "ashby_jobs.json")) {
            Path p = data.resolve("ats-api-responses").resolve(f);
            if (Files.exists(p)) {
                json.add(p);
            }
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, max heap %d MiB, %s %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "warm-up %d, measured %d iterations%n", warmup, measured);
        report("pages (Jsoup)", pages, warmup, measured, Baseline.JSOUP);
        report("API JSON (Jackson)", json, warmup, measured, Baseline.JACKSON);
        // Context, not the figure: the same JSON against Jackson plus a Jsoup parse of every
        // description, the least a DOM-based extraction would do.
        report("API JSON (+Jsoup)", json, warmup, measured, Baseline.JACKSON_AND_JSOUP);
    }

    private enum Baseline { JSOUP, JACKSON, JACKSON_AND_JSOUP }

    private static final java.util.Set<String> HTML_FIELDS = java.util.Set.of("descriptionHtml", "content", "description",
            "additional");

    private static int parseDescriptions(com.fasterxml.jackson.databind.JsonNode node) {
        int n = 0;
        if (node.isObject()) {
            for (var e : node.properties()) {
                if (e.getValue().isTextual() && HTML_FIELDS.contains(e.getKey())) {
                    n += Jsoup.parseBodyFragment(e.getValue().asText()).body().childNodeSize();
                } else if (e.getValue().isContainerNode()) {
                    n += parseDescriptions(e.getValue());
                }
            }
        } else if (node.isArray()) {
            for (var item : node) {
                n += parseDescriptions(item);
            }
        }
        return n;
    }

    private static void report(String label, List<Path> files, int warmup, int measured, Baseline baseline) throws IOException {
        List<byte[]> bodies = new ArrayList<>();
        long bytes = 0;
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            bodies.add(b);
            bytes += b.length;
        }
        DocumentParser parser = new DocumentParser(CsvColumns.defaults());
        int[] postings = {0};
        Runnable bare = () -> {
            for (byte[] b : bodies) {
                if (baseline == Baseline.JSOUP) {
                    sink(Jsoup.parse(new String(b, StandardCharsets.UTF_8)).childNodeSize());
                } else {
                    try {
                        com.fasterxml.jackson.databind.JsonNode tree = PostingJson.mapper().readTree(b);
                        sink(baseline == Baseline.JACKSON ? tree.size() : parseDescriptions(tree));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
        Runnable extract = () -> {
            int n = 0;
            for (int i = 0; i < bodies.size(); i++) {
                Path f = files.get(i);
                String name = f.getFileName().toString();
                Document doc = new Document(f.toString(), null, name.substring(0, name.lastIndexOf('.')), null,
                        bodies.get(i), null, Instant.EPOCH);
                Extraction e = parser.parse(doc);
                n += e.results().size();
            }
            postings[0] = n;
        };
        for (int i = 0; i < warmup; i++) {
            bare.run();
            extract.run();
        }
        long[] bareNanos = new long[measured];
        long[] extractNanos = new long[measured];
        double[] cpuRatios = new double[measured];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        // Alternate the two so drift in the machine's speed touches both alike.
        for (int i = 0; i < measured; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            bare.run();
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            extract.run();
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            bareNanos[i] = t1 - t0;
            extractNanos[i] = t2 - t1;
            // Context beside the figure: this thread's CPU time, which other processes' bursts on
            // a shared machine do not stretch (it leaves out GC threads' work, so it flatters
            // whichever side keeps more objects alive; the wall-clock ratio stays the figure).
            cpuRatios[i] = (double) (c1 - c0) / (c2 - c1);
        }
        // Each iteration times both on the same bytes back to back, so the ratio of a pair is
        // measured under the same load; the median of the pair ratios is the figure, robust to
        // the bursts of other work on a shared machine. Median times are shown beside it.
        double[] ratios = new double[measured];
        for (int i = 0; i < measured; i++) {
            ratios[i] = (double) bareNanos[i] / extractNanos[i];
        }
        java.util.Arrays.sort(ratios);
        java.util.Arrays.sort(cpuRatios);
        java.util.Arrays.sort(bareNanos);
        java.util.Arrays.sort(extractNanos);
        double bareMs = bareNanos[measured / 2] / 1e6;
        double extractMs = extractNanos[measured / 2] / 1e6;
        double mb = bytes / 1e6;
        System.out.printf(Locale.ROOT, "%-20s %3d files %5.1f MB %5d postings | bare %7.1f ms (%6.1f MB/s) | extraction %7.1f ms (%5.1f MB/s, %6.0f postings/s) | ratio %.2f (quartiles %.2f-%.2f) | thread-CPU ratio %.2f (%.2f-%.2f)%n",
                label, files.size(), mb, postings[0], bareMs, mb / (bareMs / 1000), extractMs, mb / (extractMs / 1000),
                postings[0] / (extractMs / 1000), ratios[measured / 2], ratios[measured / 4], ratios[(3 * measured) / 4],
                cpuRatios[measured / 2], cpuRatios[measured / 4], cpuRatios[(3 * measured) / 4]);
    }

    private static volatile int blackhole;

    private static void sink(int v) {
        blackhole += v;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
