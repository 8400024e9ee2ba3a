package io.roleradar.ingest.bench;

import io.roleradar.broker.EmbeddedKafkaBroker;
import io.roleradar.ingest.identity.Fingerprint;
import io.roleradar.ingest.identity.TopicStateLoader;
import io.roleradar.kafka.KafkaSettings;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.kafka.Topics;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The cost of ingest's on-disk state with many postings known (a harness run by hand, not a test;
 * see BENCHMARKS.md). Fills a topic of an embedded broker with N small generated postings as
 * ingest writes them (fingerprint and board headers, 1,000 postings a board), then runs
 * {@code ingest run} twice as child JVMs with {@code -Xmx256m} over a fixture board: the first
 * start builds the store from the whole topic, the second brings it up to date. Prints wall time,
 * CPU, peak RSS, the largest heap after a GC and after a marking (what is really kept) of each, and
 * the store's size on disk.
 *
 * <p>Arguments: postings (default 10,000,000), a work folder (default a temporary one), the board
 * file the two runs read (default the lifecycle fixture). Run with the test class path, e.g.
 * {@code mvn -q -o -pl ingest dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt} then
 * {@code java -cp ingest/target/test-classes:ingest/target/classes:$(cat /tmp/cp.txt) ...}.
 */
public final class StateStoreBenchmark {
    private static final int PER_BOARD = 1000;
    private static final int PER_TRANSACTION = 100_000;
    private static final Pattern HEAP_AFTER_GC = Pattern.compile("->(\\d+)M\\(");

    private StateStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("state-bench");
        String board = args.length > 2 ? args[2]
                : Path.of(StateStoreBenchmark.class.getResource("/fixtures/lifecycle/initech-monday.json").toURI()).toString();
        Files.createDirectories(work);
        System.err.printf(Locale.ROOT, "load average at start: %s%n", loadAverage());
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, work.resolve("kafka"), "1g")) {
            KafkaSettings kafka = KafkaSettings.fromEnv(Map.of()).withBootstrapServers(broker.bootstrapServers());
            Topics topics = new Topics("bench.raw", "bench.tagged", "bench.dlq");
            TopicAdmin.ensureTopics(kafka, topics, 3);
            long t0 = System.nanoTime();
            fill(kafka, topics.raw(), n);
            System.err.printf(Locale.ROOT, "topic filled with %,d postings in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            Path state = work.resolve("state");
            report("first start (store built from the whole topic)", ingest(broker, topics, board, state, work, "first"));
            report("restart (store brought up to date)", ingest(broker, topics, board, state, work, "second"));
            long bytes = du(state);
            System.err.printf(Locale.ROOT, "store on disk: %,d bytes, %.1f MB per million postings%n", bytes,
                    bytes / 1e6 / (n / 1e6));
        }
        System.err.printf(Locale.ROOT, "load average at end: %s%n", loadAverage());
    }

    /** Writes {@code n} small postings, as ingest would publish them, in transactions of 100,000. */
    private static void fill(KafkaSettings kafka, String topic, long n) {
        Map<String, Object> props = kafka.toMap();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "state-bench-fill");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        LocalDate day = LocalDate.parse("2026-03-02");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            for (long i = 0; i < n; i++) {
                if (i % PER_TRANSACTION == 0) {
                    if (i > 0) {
                        producer.commitTransaction();
                    }
                    producer.beginTransaction();
                }
                String board = "greenhouse:bench" + (i / PER_BOARD);
                RawPosting p = RawPosting.builder().id(board + ":" + i).source(board).company("Bench " + (i / PER_BOARD))
                        .title("Engineer " + i).description("Build and run thing " + i + " with a small team.")
                        .firstSeenAt(day).build();
                // Hashes of the posting's number stand in for SHA-256: the store does not care, and
                // hashing ten million values would dominate the fill.
                Fingerprint f = new Fingerprint(mix(i), mix(~i), day, false);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, p.id(), PostingJson.write(p));
                record.headers().add(Fingerprint.HEADER, f.toHeader());
                record.headers().add(TopicStateLoader.BOARD_HEADER, board.getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.commitTransaction();
        }
    }

    /** {@code liveMb}: the largest heap after a marking (G1's Remark) or a full collection, what is really kept. */
    private record Measured(double wall, double cpu, long rssKb, long heapMb, long liveMb, String stateLine, int exit) {
    }

    private static Measured ingest(EmbeddedKafkaBroker broker, Topics topics, String board, Path state, Path work,
                                   String name) throws IOException, InterruptedException {
        Path gc = work.resolve(name + "-gc.log");
        Path times = work.resolve(name + "-time.txt");
        Path err = work.resolve(name + "-stderr.txt");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%e %U %S %M",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Xlog:gc:file=" + gc, "-cp", System.getProperty("java.class.path"),
                "io.roleradar.ingest.IngestMain", "run", "-s", board, "--bootstrap-servers", broker.bootstrapServers(),
                "--topic-raw", topics.raw(), "--state-dir", state.toString(), "--transactional-id", "state-bench"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(err.toFile()).start();
        int exit = p.waitFor();
        String[] t = Files.readString(times).trim().split("\\s+");
        String[] lastLine = t.length < 4 ? new String[] {"0", "0", "0", "0"} : t;
        long heap = 0;
        long live = 0;
        for (String line : Files.readAllLines(gc)) {
            Matcher m = HEAP_AFTER_GC.matcher(line);
            if (m.find()) {
                heap = Math.max(heap, Long.parseLong(m.group(1)));
                if (line.contains("Remark") || line.contains("Pause Full")) {
                    live = Math.max(live, Long.parseLong(m.group(1)));
                }
            }
        }
        String stateLine = Files.readAllLines(err).stream().filter(l -> l.contains("dedup state")).findFirst().orElse("");
        return new Measured(Double.parseDouble(lastLine[lastLine.length - 4]),
                Double.parseDouble(lastLine[lastLine.length - 3]) + Double.parseDouble(lastLine[lastLine.length - 2]),
                Long.parseLong(lastLine[lastLine.length - 1]), heap, live, stateLine, exit);
    }

    private static void report(String what, Measured m) {
        System.err.printf(Locale.ROOT, "%s: exit %d, %.1f s wall, %.1f s CPU, peak RSS %,d MB, largest heap after a GC "
                + "%d MB, after a marking %d MB%n  %s%n", what, m.exit(), m.wall(), m.cpu(), m.rssKb() / 1024, m.heapMb(),
                m.liveMb(), m.stateLine());
    }

    private static long du(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
