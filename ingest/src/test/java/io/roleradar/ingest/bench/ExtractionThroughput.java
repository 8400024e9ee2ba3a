package io.roleradar.ingest.bench;

import io.roleradar.ingest.PostingSources;
import io.roleradar.ingest.ReadResult;
import io.roleradar.ingest.parse.CsvColumns;
import io.roleradar.ingest.parse.DocumentParser;
import io.roleradar.ingest.parse.ParseResult;
import io.roleradar.ingest.parse.Parsed;
import io.roleradar.ingest.source.Document;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Ingest's extraction throughput over the real inputs of {@code shared/data} (a harness run by
 * hand, not a test; see BENCHMARKS.md). Two passes, single thread, each timed in wall-clock and in
 * this thread's CPU time:
 * <ul>
 *   <li><b>parse</b>: {@code DocumentParser.parse} of every document, held in memory (format
 *   detection, parsing, HTML to text, normalisation, ids), the work per posting;</li>
 *   <li><b>read</b>: {@code PostingSources.read} of the source folders, what {@code ingest run
 *   --output} does before writing (files read, parsed, duplicates merged).</li>
 * </ul>
 * Arguments: the data folder (default {@code ../shared/data}), warm-up rounds (3), measured rounds (7).
 */
public final class ExtractionThroughput {
    private static final List<String> SOURCES = List.of("ashby-boards", "ashby-boards-more", "csv",
            "ats-api-responses", "job-pages");

    private ExtractionThroughput() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int warmUps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        List<Document> documents = load(data);
        List<String> sources = SOURCES.stream().map(s -> data.resolve(s).toString()).toList();
        DocumentParser parser = new DocumentParser(CsvColumns.defaults());
        PostingSources reader = PostingSources.withDefaults();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        double[] parseRate = new double[rounds];
        double[] parseCpuMicros = new double[rounds];
        double[] readRate = new double[rounds];
        double[] readCpuMicros = new double[rounds];
        int postings = 0;
        int found = 0;
        for (int round = -warmUps; round < rounds; round++) {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            postings = 0;
            for (Document doc : documents) {
                for (ParseResult r : parser.parse(doc).results()) {
                    if (r instanceof Parsed) {
                        postings++;
                    }
                }
            }
            long parseWall = System.nanoTime() - wall;
            long parseCpu = threads.getCurrentThreadCpuTime() - cpu;

            wall = System.nanoTime();
            cpu = threads.getCurrentThreadCpuTime();
            ReadResult read = reader.read(sources);
            long readWall = System.nanoTime() - wall;
            long readCpu = threads.getCurrentThreadCpuTime() - cpu;
            found = read.found();
            System.out.printf(Locale.ROOT, "%s round %d: parse %,d postings in %.0f ms (%.0f us CPU each); "
                            + "read %,d postings in %.0f ms (%.0f us CPU each)%n", round < 0 ? "warm-up" : "measured",
                    round < 0 ? round + warmUps + 1 : round + 1, postings, parseWall / 1e6, parseCpu / 1e3 / postings,
                    found, readWall / 1e6, readCpu / 1e3 / found);
            if (round >= 0) {
                parseRate[round] = postings / (parseWall / 1e9);
                parseCpuMicros[round] = parseCpu / 1e3 / postings;
                readRate[round] = found / (readWall / 1e9);
                readCpuMicros[round] = readCpu / 1e3 / found;
            }
        }
        System.out.printf(Locale.ROOT, "%d documents, %,d bytes%n", documents.size(),
                documents.stream().mapToLong(d -> d.body().length).sum());
        System.out.printf(Locale.ROOT, "parse: %,.0f postings/s (median of %d), %.0f us CPU a posting%n",
                median(parseRate), rounds, median(parseCpuMicros));
        System.out.printf(Locale.ROOT, "read:  %,.0f postings/s (median of %d), %.0f us CPU a posting%n",
                median(readRate), rounds, median(readCpuMicros));
    }

    /** Every file of the source folders, sorted, as the source reader would hand them over. */
    private static List<Document> load(Path data) throws IOException {
        List<Document> documents = new ArrayList<>();
        for (String source : SOURCES) {
            Path folder = data.resolve(source);
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException(folder + " is not a folder: give the shared data folder as the first argument");
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(folder)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted().toList();
            }
            for (Path file : files) {
                String name = file.getFileName().toString();
                int dot = name.lastIndexOf('.');
                documents.add(new Document(file.toString(), null, dot > 0 ? name.substring(0, dot) : name, null,
                        Files.readAllBytes(file), null, Instant.now()));
            }
        }
        return documents;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
