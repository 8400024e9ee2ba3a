package io.roleradar.app.bench;

import io.roleradar.app.bench.PipelineLoadBenchmark.ProcessStats;
import io.roleradar.app.bench.PipelineLoadBenchmark.Stage;
import io.roleradar.classifier.Classifier;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.model.TaggedPosting;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The floor a posting's CPU cost is judged against (issue 17): what Kafka itself spends to move the
 * same records through two topics, transactionally as the pipeline does (ProducerPerformance with a
 * transactional id, ConsumerPerformance reading committed records, each with the broker's CPU
 * meanwhile), plus the classifier's rules alone on the same postings (in this JVM, one thread, after
 * a warm-up pass). Each hop moves its own records: the raw postings through the first topic, their
 * tagged postings (the classifier's output for the same postings, evidence and all) through the second.
 *
 * @param kafkaCpuSeconds the tools' and the broker's CPU for both topics
 * @param rulesMicros     the rules' CPU a posting
 * @param produceRate     the first transactional ProducerPerformance's records/s, for scale
 * @param toolsJitAndGcSeconds of the tools' CPU, what their JIT compilers and collectors used: paid per JVM
 */
record CostFloor(double kafkaCpuSeconds, double rulesMicros, double produceRate, int n, double toolsJitAndGcSeconds) {

    /** Kafka's and the rules' CPU a posting together. */
    double micros() {
        return kafkaCpuSeconds / n * 1e6 + rulesMicros;
    }

    static CostFloor measure(String servers, ProcessStats broker, Path payloads, int n, Path work) throws Exception {
        Path consumerConfig = work.resolve("read-committed.properties");
        Files.writeString(consumerConfig, "isolation.level=read_committed\n");
        double kafkaCpu = 0;
        double produceRate = Double.NaN;
        double toolsJitAndGc = 0;
        Path taggedPayloads = work.resolve("floor-tagged-payloads.jsonl");
        writeTagged(payloads, taggedPayloads);
        for (String hop : List.of("raw", "tagged")) {
            Path hopPayloads = hop.equals("raw") ? payloads : taggedPayloads;
            String topic = "floor-" + hop + "-" + System.nanoTime();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            }
            double brokerBefore = broker.cpuSeconds();
            Stage produce = Stage.run("ProducerPerformance " + hop, "512m", work.resolve("floor-produce.log"),
                    List.of("org.apache.kafka.tools.ProducerPerformance", "--topic", topic, "--num-records",
                            String.valueOf(n), "--payload-file", hopPayloads.toString(), "--throughput", "-1",
                            "--transactional-id", "floor-" + hop, "--transaction-duration-ms", "1000",
                            "--producer-props", "bootstrap.servers=" + servers, "acks=all", "enable.idempotence=true",
                            "compression.type=lz4", "linger.ms=20"));
            Stage consume = Stage.run("ConsumerPerformance " + hop, "512m", work.resolve("floor-consume.log"),
                    List.of("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", servers, "--topic",
                            topic, "--messages", String.valueOf(n), "--timeout", "120000", "--consumer.config",
                            consumerConfig.toString()));
            kafkaCpu += produce.cpuSeconds() + consume.cpuSeconds() + broker.cpuSeconds() - brokerBefore;
            for (Stage tool : List.of(produce, consume)) {
                toolsJitAndGc += tool.cpuByKind().get("JIT") + tool.cpuByKind().get("GC");
            }
            if (Double.isNaN(produceRate)) {
                produceRate = PipelineLoadBenchmark.number(produce.log(), "([0-9.]+) records/sec", 1);
            }
        }
        return new CostFloor(kafkaCpu, rulesMicros(payloads), produceRate, n, toolsJitAndGc);
    }

    /** The tagged posting of each raw posting of {@code payloads}, one JSON line each, as the classifier publishes it. */
    private static void writeTagged(Path payloads, Path out) throws Exception {
        Classifier classifier = Classifier.withDefaultTaxonomy();
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(payloads)) {
            RawPosting posting = PostingJson.readRaw(line);
            lines.add(PostingJson.writeLine(TaggedPosting.of(posting, classifier.classify(posting))).strip());
        }
        Files.write(out, lines);
    }

    /** The rules' CPU a posting over the payload file's postings: a warm-up pass, then a measured one. */
    private static double rulesMicros(Path payloads) throws Exception {
        List<RawPosting> postings = new ArrayList<>();
        for (String line : Files.readAllLines(payloads)) {
            postings.add(PostingJson.readRaw(line));
        }
        Classifier classifier = Classifier.withDefaultTaxonomy();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long check = 0;
        for (int pass = 0; pass < 3; pass++) {
            for (RawPosting p : postings) {
                check += classifier.classify(p).domains().size();
            }
        }
        long before = threads.getCurrentThreadCpuTime();
        for (RawPosting p : postings) {
            check += classifier.classify(p).domains().size();
        }
        long cpuNanos = threads.getCurrentThreadCpuTime() - before;
        if (check < 0) {
            throw new IllegalStateException("unreachable: keeps the work from being optimised away");
        }
        return cpuNanos / 1000.0 / postings.size();
    }
}
