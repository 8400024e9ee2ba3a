package io.roleradar.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleradar.app.resilience.GeneratedPostings;
import io.roleradar.broker.EmbeddedKafkaBroker;
import io.roleradar.classifier.ClassifierMain;
import io.roleradar.ingest.IngestMain;
import io.roleradar.kafka.Topics;
import io.roleradar.model.PostingJson;
import io.roleradar.reporter.ReporterMain;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load run of issue 6: N generated postings through ingest, the classifier and the reporter,
 * each its own JVM with the production heap caps (ingest and classifier -Xmx256m, reporter
 * -Xmx512m), on an embedded broker of its own. Prints the end-to-end time, each stage's time, the
 * peak resident memory (VmHWM) of every process, and the CPU a posting of each process against the
 * floor of issue 17 ({@link CostFloor}: Kafka's own tools moving the same records through two
 * topics, transactionally, plus the classifier's rules alone), measured in the same run on the same
 * broker. A harness, not a test: see BENCHMARKS.md.
 *
 * <pre>
 * java -cp ... io.roleradar.app.bench.PipelineLoadBenchmark [postings=1000000] [workDir] [postingsPerIngestRun=all] [ingestHeap=256m]
 * </pre>
 */
public final class PipelineLoadBenchmark {
    /** The JVM options the launcher and docker-compose.yml give ingest (ComposeFileTest keeps them equal). */
    public static final List<String> INGEST_PRODUCTION_JVM_OPTIONS = List.of("-XX:+UseSerialGC",
            "-XX:Tier4InvocationThreshold=50000", "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=150000",
            "-XX:Tier4BackEdgeThreshold=400000");
    /** The JVM options ingest runs with: the production ones, or -Dbench.ingestJvm="..." to try others. */
    private static final List<String> INGEST_JVM_OPTIONS = jvmOptions("bench.ingestJvm",
            String.join(" ", INGEST_PRODUCTION_JVM_OPTIONS));
    /** The JVM options the classifier service runs with: none, or -Dbench.classifierJvm="..." to try others. */
    private static final List<String> CLASSIFIER_JVM_OPTIONS = jvmOptions("bench.classifierJvm", "");
    private static final int PER_FILE = 10_000; // about 13 MB of JSON Lines, under ingest's 20 MiB file cap

    private PipelineLoadBenchmark() {
    }

    private static List<String> jvmOptions(String property, String production) {
        return List.of(System.getProperty(property, production).split(" +")).stream().filter(o -> !o.isBlank()).toList();
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("roleradar-load-");
        int perRun = args.length > 2 ? Integer.parseInt(args[2]) : n;
        // Ingest's heap: 256m is the production cap; its dedup state grows with the topic (see BENCHMARKS.md).
        String ingestHeap = args.length > 3 ? args[3] : "256m";
        Files.createDirectories(work);
        System.out.printf("load run: %,d postings, %,d per ingest run, work folder %s%n", n, perRun, work);

        Path sources = work.resolve("sources");
        long[] sizes = writeSources(sources, n);
        System.out.printf("sources: %d files, %,d bytes, %,d bytes per raw posting on average%n",
                sizes[0], sizes[1], sizes[1] / n);

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, work.resolve("broker"), "1g")) {
            String servers = broker.bootstrapServers();
            ProcessStats brokerStats = ProcessStats.watch(ProcessHandle.of(broker.pid()).orElseThrow());

            // The floor: Kafka's own tools moving the same records (payloads: one source file's lines)
            // through two topics, transactionally, and the classifier's rules alone.
            CostFloor floor = CostFloor.measure(servers, brokerStats, sources.resolve(fileName(0)), n, work);

            // The pipeline as it runs in production: the classifier is a long-running service that tags
            // each ingest run as soon as its transaction commits, while the next run reads its sources;
            // the reporter makes its report once everything is tagged.
            Topics topics = new Topics("load.raw", "load.tagged", "load.dlq");
            // Each command takes the flags of the topics it uses, and no others.
            List<String> kafka = List.of("--bootstrap-servers", servers);
            List<String> classifierTopics = List.of("--topic-raw", topics.raw(), "--topic-tagged", topics.tagged(),
                    "--topic-dlq", topics.deadLetter());
            Instant start = Instant.now();
            double brokerCpuStart = brokerStats.cpuSeconds();
            int metricsPort = freePort();
            List<String> classify = new ArrayList<>(List.of(ClassifierMain.class.getName(), "run", "--group",
                    "load-classifier", "--instance-id", "load-1", "--metrics-port", String.valueOf(metricsPort)));
            classify.addAll(kafka);
            classify.addAll(classifierTopics);
            Running classifierRun = Running.start("classifier", "256m", CLASSIFIER_JVM_OPTIONS, work.resolve("classifier.log"),
                    classify);
            List<Stage> ingests = new ArrayList<>();
            int files = (int) sizes[0];
            int filesPerRun = Math.max(1, perRun / PER_FILE);
            for (int from = 0; from < files; from += filesPerRun) {
                List<String> args1 = new ArrayList<>(List.of(IngestMain.class.getName(), "run"));
                for (int f = from; f < Math.min(files, from + filesPerRun); f++) {
                    args1.add("--source");
                    args1.add(sources.resolve(fileName(f)).toString());
                }
                args1.addAll(kafka);
                args1.addAll(List.of("--topic-raw", topics.raw()));
                // As a cron job with a persistent volume would run it: each run resumes from the last one's checkpoint.
                args1.addAll(List.of("--transactional-id", "load-ingest", "--state-dir", work.resolve("ingest-state").toString()));
                ingests.add(Stage.run("ingest#" + (ingests.size() + 1), ingestHeap, INGEST_JVM_OPTIONS, work.resolve("ingest.log"),
                        args1));
            }
            Instant ingestDone = Instant.now();
            // The classifier counts a posting once its transaction has committed: when the count
            // reaches n, every posting is on the tagged topic, and the service is stopped (SIGTERM).
            Duration classifierTook = awaitTagged(metricsPort, n, classifierRun, Duration.ofMinutes(60));
            Instant classifierDone = Instant.now();
            Stage classifier = classifierRun.stop();
            Path reports = work.resolve("reports");
            List<String> report = new ArrayList<>(List.of(ReporterMain.class.getName(), "run", "--out", reports.toString()));
            report.addAll(kafka);
            report.addAll(List.of("--topic-tagged", topics.tagged()));
            // With the collector the launcher gives the reporter in production.
            Stage reporter = Stage.run("reporter", "512m", List.of("-XX:+UseParallelGC"), work.resolve("reporter.log"), report);
            Duration total = Duration.between(start, Instant.now());
            double brokerCpuPipeline = brokerStats.cpuSeconds() - brokerCpuStart;
            long brokerPeak = brokerStats.stop();

            JsonNode counts = new ObjectMapper().readTree(reports.resolve("manifest.json").toFile()).path("counts");
            long ingestMillis = ingests.stream().mapToLong(s -> s.took().toMillis()).sum();
            long ingestPeak = ingests.stream().mapToLong(Stage::peakRssKb).max().orElse(0);
            double e2eRate = n / (total.toMillis() / 1000.0);

            System.out.println();
            System.out.printf("| what | time | postings/s | peak RSS |%n| --- | ---: | ---: | ---: |%n");
            System.out.printf("| ingest (%d run%s, -Xmx%s) | %s | %,.0f | %s |%n", ingests.size(), ingests.size() > 1 ? "s" : "", ingestHeap,
                    secs(Duration.ofMillis(ingestMillis)), n / (ingestMillis / 1000.0), mb(ingestPeak));
            System.out.printf("| ingest, first start to last exit (wall) | %s | %,.0f | |%n",
                    secs(Duration.between(start, ingestDone)), n / (Duration.between(start, ingestDone).toMillis() / 1000.0));
            System.out.printf("| classifier service (-Xmx256m), start to last posting tagged | %s | %,.0f | %s |%n",
                    secs(classifierTook), n / (classifierTook.toMillis() / 1000.0), mb(classifier.peakRssKb()));
            System.out.printf("| classifier behind ingest: last ingest exit to last posting tagged | %s | | |%n",
                    secs(Duration.between(ingestDone, classifierDone)));
            System.out.printf("| reporter run (-Xmx512m, ParallelGC) | %s | %,.0f | %s |%n", secs(reporter.took()),
                    n / (reporter.took().toMillis() / 1000.0), mb(reporter.peakRssKb()));
            System.out.printf("| **end to end** | **%s** | **%,.0f** | broker %s |%n", secs(total), e2eRate, mb(brokerPeak));
            // Where the CPU went: the pipeline's processes against the floor.
            int cores = Runtime.getRuntime().availableProcessors();
            double ingestCpu = ingests.stream().mapToDouble(Stage::cpuSeconds).sum();
            double pipelineCpu = ingestCpu + classifier.cpuSeconds() + reporter.cpuSeconds() + brokerCpuPipeline;
            System.out.printf("%nCPU a posting (user + system, from /proc; %d cores):%n", cores);
            System.out.printf("| what | us a posting |%n| --- | ---: |%n");
            System.out.printf("| ingest | %.0f |%n| classifier | %.0f |%n| reporter | %.0f |%n| broker | %.0f |%n",
                    ingestCpu / n * 1e6, classifier.cpuSeconds() / n * 1e6, reporter.cpuSeconds() / n * 1e6,
                    brokerCpuPipeline / n * 1e6);
            System.out.printf("| **pipeline** | **%.0f** |%n", pipelineCpu / n * 1e6);
            System.out.printf("| floor: Kafka moving the records through two topics, transactional (tools + broker) | %.0f |%n",
                    floor.kafkaCpuSeconds() / n * 1e6);
            System.out.printf("| floor: the classifier's rules alone | %.0f |%n", floor.rulesMicros());
            System.out.printf("| **floor** | **%.0f** |%n", floor.micros());
            System.out.printf("%nCPU a posting by kind of thread (each thread's own figure; JIT and GC are paid per JVM, not per posting):%n");
            System.out.printf("| service | work | JIT | GC | Kafka network |%n| --- | ---: | ---: | ---: | ---: |%n");
            Map<String, Double> ingestKinds = new LinkedHashMap<>();
            ingests.forEach(s -> s.cpuByKind().forEach((k, v) -> ingestKinds.merge(k, v, Double::sum)));
            double jitAndGc = 0;
            for (Map.Entry<String, Map<String, Double>> service : List.of(Map.entry("ingest", ingestKinds),
                    Map.entry("classifier", classifier.cpuByKind()), Map.entry("reporter", reporter.cpuByKind()))) {
                Map<String, Double> k = service.getValue();
                System.out.printf("| %s | %.0f | %.0f | %.0f | %.0f |%n", service.getKey(), k.get("work") / n * 1e6,
                        k.get("JIT") / n * 1e6, k.get("GC") / n * 1e6, k.get("Kafka network") / n * 1e6);
                jitAndGc += k.get("JIT") + k.get("GC");
            }
            // The costs paid once per JVM, taken out of both sides: what the ratio tends to on long runs.
            double pipelineWithout = (pipelineCpu - jitAndGc) / n * 1e6;
            double floorWithout = floor.micros() - floor.toolsJitAndGcSeconds() / n * 1e6;
            System.out.printf("without the JIT and GC of every JVM (the services', and Kafka's tools' %.0f us): pipeline %.0f us, "
                    + "floor %.0f us, ratio %.2f%n", floor.toolsJitAndGcSeconds() / n * 1e6, pipelineWithout, floorWithout,
                    pipelineWithout / floorWithout);
            System.out.printf("%npipeline / floor = **%.2f** (goal <= 2); transactional produce rate %,.0f/s; "
                            + "the pipeline kept %.2f cores busy%n", pipelineCpu / n * 1e6 / floor.micros(),
                    floor.produceRate(), pipelineCpu / (total.toMillis() / 1000.0));
            System.out.printf("exit codes: ingest %s, classifier %d, reporter %d; reporter counted %d records, %d distinct "
                            + "postings (expected %d)%n", ingests.stream().map(s -> String.valueOf(s.exit())).toList(),
                    classifier.exit(), reporter.exit(), counts.path("records").asLong(), counts.path("distinctPostings").asLong(), n);
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Polls the classifier's Prometheus endpoint until it has tagged or dead-lettered n postings;
     * returns the time from the classifier's start to that moment.
     */
    private static Duration awaitTagged(int port, long n, Running classifier, Duration timeout) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/metrics")).build();
        Pattern counter = Pattern.compile("^roleradar_classifier_(postings_tagged|dead_letters)_total\\{[^}]*} ([0-9.eE+]+)$",
                Pattern.MULTILINE);
        Instant deadline = Instant.now().plus(timeout);
        long lastPrinted = -1;
        while (Instant.now().isBefore(deadline)) {
            if (!classifier.process().isAlive()) {
                throw new IllegalStateException("the classifier exited early: " + classifier.process().exitValue());
            }
            long done = 0;
            try {
                Matcher m = counter.matcher(http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body());
                while (m.find()) {
                    done += (long) Double.parseDouble(m.group(2));
                }
            } catch (IOException e) {
                // The endpoint is not up yet.
            }
            if (done >= n) {
                return Duration.between(classifier.started(), Instant.now());
            }
            if (done / 100_000 != lastPrinted / 100_000) {
                System.out.printf("classifier: %,d tagged%n", done);
                lastPrinted = done;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the classifier did not tag " + n + " postings within " + timeout);
    }

    private static String fileName(int f) {
        return String.format("part-%05d.jsonl", f);
    }

    /** Writes the postings as JSON Lines files of {@link #PER_FILE}; returns {files, bytes}. */
    private static long[] writeSources(Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        long bytes = 0;
        int files = 0;
        for (int from = 0; from < n; from += PER_FILE) {
            Path file = dir.resolve(fileName(files++));
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int i = from; i < Math.min(n, from + PER_FILE); i++) {
                    out.write(PostingJson.writeLine(GeneratedPostings.posting("load", i)));
                    out.write('\n');
                }
            }
            bytes += Files.size(file);
        }
        return new long[] {files, bytes};
    }

    static double number(String text, String regex, int group) {
        Matcher m = Pattern.compile(regex).matcher(text);
        double last = Double.NaN;
        while (m.find()) {
            last = Double.parseDouble(m.group(group));
        }
        return last;
    }

    private static String secs(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static String mb(long kb) {
        return String.format("%,d MiB", kb / 1024);
    }

    /** One child JVM run to its end, with its wall time and peak RSS. */
    record Stage(String name, Duration took, int exit, long peakRssKb, double cpuSeconds, Map<String, Double> cpuByKind, String log) {
        static Stage run(String name, String xmx, Path log, List<String> mainAndArgs) throws Exception {
            return run(name, xmx, List.of(), log, mainAndArgs);
        }

        static Stage run(String name, String xmx, List<String> jvmOptions, Path log, List<String> mainAndArgs)
                throws Exception {
            return Running.start(name, xmx, jvmOptions, log, mainAndArgs).await();
        }
    }

    /** A stage's JVM while it runs: {@link #await()} for one that exits by itself, {@link #stop()} for a service. */
    record Running(String name, Process process, Instant started, ProcessStats stats, Path log, long logOffset) {
        static Running start(String name, String xmx, Path log, List<String> mainAndArgs) throws IOException {
            return start(name, xmx, List.of(), log, mainAndArgs);
        }

        static Running start(String name, String xmx, List<String> jvmOptions, Path log, List<String> mainAndArgs)
                throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + xmx, "-cp", System.getProperty("java.class.path")));
            command.addAll(jvmOptions);
            String jfr = System.getProperty("bench.jfr");
            if (jfr != null) {
                // -Dbench.jfr=DIR records a flight recording of every stage, to see where its time goes.
                command.add("-XX:StartFlightRecording=filename=" + Path.of(jfr).resolve(name.replace('#', '-') + ".jfr"));
            }
            command.addAll(mainAndArgs);
            long before = Files.exists(log) ? Files.size(log) : 0;
            Instant start = Instant.now();
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new Running(name, p, start, ProcessStats.watch(p.toHandle()), log, before);
        }

        Stage await() throws Exception {
            int exit = process.waitFor();
            return finished(exit);
        }

        /** SIGTERM, then waits for the graceful exit. */
        Stage stop() throws Exception {
            process.destroy();
            return finished(process.waitFor());
        }

        private Stage finished(int exit) throws IOException, InterruptedException {
            Duration took = Duration.between(started, Instant.now());
            long peak = stats.stop();
            double cpu = stats.cpuSeconds();
            byte[] all = Files.readAllBytes(log);
            String text = new String(all, (int) logOffset, all.length - (int) logOffset, StandardCharsets.UTF_8);
            System.out.printf("%s: exit %d in %s, CPU %.1f s, peak RSS %s%n", name, exit, secs(took), cpu, mb(peak));
            if (exit != 0) {
                System.out.println(text.length() > 4000 ? text.substring(text.length() - 4000) : text);
            }
            return new Stage(name, took, exit, peak, cpu, stats.cpuByKind(), text);
        }
    }

    /**
     * Samples a process's VmHWM (peak resident set) and its CPU time (user + system, from
     * /proc/PID/stat) every 100 ms until stopped; the CPU time is that of the last sample, so up
     * to 100 ms of a process's last moments can be missed. Every second it also reads each thread's
     * CPU time (/proc/PID/task/TID/stat), so {@link #cpuByKind()} can say how much went to the JIT
     * compilers, the garbage collector and the Kafka clients' network threads rather than the work.
     */
    static final class ProcessStats {
        /** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
        private static final double TICKS_PER_SECOND = 100.0;
        private final AtomicLong peakKb = new AtomicLong();
        private final AtomicLong cpuTicks = new AtomicLong();
        private final Thread thread;
        private volatile boolean stop;
        /** Each thread's CPU ticks at its last sample, and its name: a thread that ended keeps its last figure. */
        private final Map<Long, Long> threadTicks = new ConcurrentHashMap<>();
        private final Map<Long, String> threadNames = new ConcurrentHashMap<>();

        private ProcessStats(ProcessHandle process) {
            Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
            Path stat = Path.of("/proc", String.valueOf(process.pid()), "stat");
            thread = new Thread(() -> {
                long samples = 0;
                while (!stop && process.isAlive()) {
                    try {
                        // Fields 14 and 15 (utime, stime), counted after the command name, which may hold spaces.
                        String line0 = Files.readString(stat);
                        String[] fields = line0.substring(line0.lastIndexOf(')') + 2).split(" ");
                        cpuTicks.set(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                        for (String line : Files.readAllLines(status)) {
                            if (line.startsWith("VmHWM:")) {
                                long kb = Long.parseLong(line.replaceAll("\\D", ""));
                                peakKb.accumulateAndGet(kb, Math::max);
                            }
                        }
                        if (samples++ % 10 == 0) {
                            sampleThreads(Path.of("/proc", String.valueOf(process.pid()), "task"));
                        }
                        Thread.sleep(100);
                    } catch (IOException | InterruptedException e) {
                        return; // the process has gone
                    }
                }
            }, "rss-" + process.pid());
            thread.setDaemon(true);
            thread.start();
        }

        static ProcessStats watch(ProcessHandle process) {
            return new ProcessStats(process);
        }

        long stop() throws InterruptedException {
            stop = true;
            thread.join(2_000);
            return peakKb.get();
        }

        /** The CPU seconds the process had used at the last sample. */
        double cpuSeconds() {
            return cpuTicks.get() / TICKS_PER_SECOND;
        }

        private void sampleThreads(Path tasks) {
            try (var threads = Files.list(tasks)) {
                threads.forEach(t -> {
                    try {
                        long tid = Long.parseLong(t.getFileName().toString());
                        String line = Files.readString(t.resolve("stat"));
                        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                        threadTicks.put(tid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                        threadNames.putIfAbsent(tid, line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')));
                    } catch (IOException | RuntimeException e) {
                        // the thread ended between the listing and the read
                    }
                });
            } catch (IOException e) {
                // the process has gone
            }
        }

        /**
         * The process's CPU seconds by kind of thread, from the threads' own figures (sampled each
         * second, so up to a second of each thread's end is missed): "JIT" (the C1 and C2 compiler
         * threads), "GC" (the collector's threads, and the VM thread, where the serial collector and
         * safepoints run), "Kafka network" (the clients' I/O threads), "work" (the rest: the
         * service's own threads, where records are also decoded, encoded and compressed).
         */
        Map<String, Double> cpuByKind() {
            Map<String, Double> out = new LinkedHashMap<>();
            for (String kind : List.of("work", "JIT", "GC", "Kafka network")) {
                out.put(kind, 0.0);
            }
            threadTicks.forEach((tid, ticks) -> out.merge(kindOf(threadNames.get(tid)), ticks / TICKS_PER_SECOND, Double::sum));
            return out;
        }

        static String kindOf(String threadName) {
            if (threadName.contains("CompilerThre")) {
                return "JIT";
            }
            if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) {
                return "GC";
            }
            // Linux keeps 15 characters of a thread's name: "kafka-producer-network-thread | ..." reads "kafka-producer-".
            return threadName.startsWith("kafka-") ? "Kafka network" : "work";
        }
    }
}
