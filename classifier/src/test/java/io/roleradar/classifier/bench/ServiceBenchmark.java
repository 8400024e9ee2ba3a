package io.roleradar.classifier.bench;

import io.roleradar.classifier.ClassifierMain;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.kafka.Topics;
import io.roleradar.testkit.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The classifier service end to end on the embedded broker (a harness, not a test): the real
 * postings of {@code shared/data}, copied {@code copies} times with new ids, are produced to a raw
 * topic; then, in this JVM (run it with {@code -Xmx256m}), a bare {@code read_committed} consume of
 * that topic (the floor) and {@code drains} runs of {@code classifier run --drain} over it are timed,
 * each in a new consumer group writing a new tagged topic. The first drain is a fresh service (a new
 * process pays for compiling the classifier, Jackson and the Kafka clients); the later ones run in a
 * JVM that has compiled them, as a long-running service does. Each pass prints the CPU time of this
 * JVM (the service with its JIT and collector threads, split out) and of the broker's JVM, and the
 * load average before and after, since the broker shares the machine's cores. Run from the module's
 * test class path (see BENCHMARKS.md).
 */
public final class ServiceBenchmark {
    private ServiceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int drains = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<byte[]> postings = ClassifierBenchmark.load(data);
        String raw = TestKafka.unique("bench-raw");
        TopicAdmin.ensureTopics(TestKafka.settings(), topics(raw), 3);
        Map<String, Object> props = TestKafka.settings().toMap();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        int total = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            for (int c = 0; c < copies; c++) {
                for (byte[] json : postings) {
                    String text = new String(json, StandardCharsets.UTF_8);
                    // A new id per copy, so compaction and the service see distinct postings.
                    String id = "bench-" + c + "-" + total;
                    String value = text.replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\"" + id + "\"");
                    producer.send(new ProducerRecord<>(raw, id.getBytes(StandardCharsets.UTF_8),
                            value.getBytes(StandardCharsets.UTF_8)));
                    total++;
                }
            }
            producer.flush();
        }
        System.out.printf(Locale.ROOT, "%d raw postings (%d real x %d), max heap %d MiB, %d cores, %s%n", total, postings.size(),
                copies, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), LocalDateTime.now());
        Cpu floorStart = Cpu.now();
        long consumed = consumeAll(raw);
        Cpu floorEnd = Cpu.now();
        double floor = consumed / floorEnd.seconds(floorStart);
        System.out.printf(Locale.ROOT, "floor: bare read_committed consume     %,7.0f postings/s (%d in %.1f s)  %s%n",
                floor, consumed, floorEnd.seconds(floorStart), floorEnd.since(floorStart, consumed));
        for (int d = 1; d <= drains; d++) {
            Topics topics = topics(raw);
            TopicAdmin.ensureTopics(TestKafka.settings(), topics, 3);
            Cpu start = Cpu.now();
            int exit = new CommandLine(new ClassifierMain(Map.of())).execute("run", "--bootstrap-servers",
                    TestKafka.bootstrapServers(), "--topic-raw", topics.raw(), "--topic-tagged", topics.tagged(),
                    "--topic-dlq", topics.deadLetter(), "--group", TestKafka.unique("bench-group"), "--instance-id", "bench",
                    "--drain");
            Cpu end = Cpu.now();
            double seconds = end.seconds(start);
            System.out.printf(Locale.ROOT, "drain %d (%s JVM, exit %d): %,7.0f postings/s (%.1f s, start-up and group join included)  ratio %.2f  %s%n",
                    d, d == 1 ? "a fresh" : "a warm", exit, total / seconds, seconds, (total / seconds) / floor, end.since(start, total));
        }
        System.exit(0);
    }

    private static Topics topics(String raw) {
        return new Topics(raw, TestKafka.unique("bench-tagged"), TestKafka.unique("bench-dlq"));
    }

    /**
     * At one moment: the wall clock, the CPU time of this JVM, of its JIT compiler and collector
     * threads and of the broker's JVM, and the load average.
     */
    private record Cpu(long nanos, long jvmNanos, long jitNanos, long gcNanos, long brokerNanos, String load) {
        static Cpu now() {
            long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            long[] jitAndGc = jitAndGcNanos();
            return new Cpu(System.nanoTime(), jvm, jitAndGc[0], jitAndGc[1], cpuNanos(TestKafka.embeddedBroker().pid()), loadAverage());
        }

        double seconds(Cpu before) {
            return (nanos - before.nanos) / 1e9;
        }

        String since(Cpu before, long postings) {
            double jvm = (jvmNanos - before.jvmNanos) / 1e9;
            double broker = brokerNanos < 0 || before.brokerNanos < 0 ? Double.NaN : (brokerNanos - before.brokerNanos) / 1e9;
            return String.format(Locale.ROOT, "CPU: this JVM %.1f s (%.0f us a posting; JIT %.1f s, GC %.1f s), broker %.1f s (%.0f us a posting);"
                            + " load %s -> %s", jvm, jvm * 1e6 / postings, (jitNanos - before.jitNanos) / 1e9,
                    (gcNanos - before.gcNanos) / 1e9, broker, broker * 1e6 / postings, before.load, load);
        }
    }

    /** User + system CPU time of a process or thread from its /proc stat file, or -1 where it cannot be read. */
    private static long cpuNanos(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // Fields 14 and 15 of stat (utime, stime), here 12 and 13 after the command's ')'; clock ticks of 10 ms.
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long cpuNanos(long pid) {
        return cpuNanos(Path.of("/proc/" + pid + "/stat"));
    }

    /** The CPU time of this JVM's JIT compiler threads and of its garbage collector's, by their thread names. */
    private static long[] jitAndGcNanos() {
        long[] out = new long[2];
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    int kind = name.contains("Compiler") ? 0 : name.startsWith("G1") || name.startsWith("GC") ? 1 : -1;
                    long cpu = cpuNanos(task.resolve("stat"));
                    if (kind >= 0 && cpu > 0) {
                        out[kind] += cpu;
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read
                }
            }
        } catch (IOException e) {
            return new long[] {-1, -1};
        }
        return out;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long consumeAll(String topic) {
        Map<String, Object> props = TestKafka.settings().toMap();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        long n = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                n += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        return n;
    }
}
