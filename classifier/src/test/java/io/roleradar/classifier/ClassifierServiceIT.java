package io.roleradar.classifier;

import io.roleradar.kafka.DeadLetters;
import io.roleradar.kafka.ExactlyOnceLoop;
import io.roleradar.kafka.Topics;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.model.TaggedPosting;
import io.roleradar.testkit.SchemaValidator;
import io.roleradar.testkit.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifier service against a real broker: exactly once in the {@code read_committed} view,
 * dead letters for unreadable records, several instances sharing a group, and a restart after an
 * abrupt stop. Each test has its own topics and group.
 */
class ClassifierServiceIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    @Timeout(120)
    void tagsEveryRawPostingExactlyOnceWithSchemaValidValues() throws Exception {
        Topics topics = topics();
        List<RawPosting> postings = numbered(Fixtures.all(), 3);
        produce(topics.raw(), postings.stream().map(p -> record(topics.raw(), p)).toList());

        int exit = run(topics, TestKafka.unique("group"), "a", "--drain");

        assertThat(exit).isZero();
        List<ConsumerRecord<byte[], byte[]>> tagged = readCommitted(topics.tagged(), postings.size());
        assertThat(keys(tagged)).containsExactlyInAnyOrderElementsOf(postings.stream().map(RawPosting::id).toList());
        for (ConsumerRecord<byte[], byte[]> r : tagged) {
            String json = new String(r.value(), StandardCharsets.UTF_8);
            assertThat(SchemaValidator.taggedPostingErrors(json)).as(json).isEmpty();
            TaggedPosting value = PostingJson.readTagged(r.value());
            assertThat(value.id()).isEqualTo(new String(r.key(), StandardCharsets.UTF_8));
            assertThat(value.tags().taxonomyVersion()).isEqualTo(Classifier.withDefaultTaxonomy().taxonomyVersion());
        }
    }

    @Test
    @Timeout(120)
    void sendsUnreadableRecordsToTheDeadLetterTopicWithTheirReasonAndTagsTheGoodOnesAround() throws Exception {
        Topics topics = topics();
        RawPosting first = Fixtures.posting("search-ranking");
        RawPosting last = Fixtures.posting("ai-tutor");
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        records.add(record(topics.raw(), first));
        records.add(raw(topics.raw(), "bad-json", "{\"id\": \"bad-json\", \"title\": "));
        records.add(raw(topics.raw(), "future", "{\"schemaVersion\": 99, \"id\": \"future\", \"title\": \"T\", \"description\": \"D\"}"));
        records.add(raw(topics.raw(), "no-id", "{\"title\": \"Machine Learning Engineer\", \"description\": \"Train models\"}"));
        records.add(record(topics.raw(), last));
        produce(topics.raw(), records);

        int exit = run(topics, TestKafka.unique("group"), "a", "--drain");

        assertThat(exit).isZero();
        assertThat(keys(readCommitted(topics.tagged(), 2))).containsExactlyInAnyOrder(first.id(), last.id());
        List<ConsumerRecord<byte[], byte[]>> dead = readCommitted(topics.deadLetter(), 3);
        Map<String, String> reasons = dead.stream().collect(Collectors.toMap(
                r -> new String(r.key(), StandardCharsets.UTF_8),
                r -> DeadLetters.header(r.headers(), DeadLetters.HEADER_REASON)));
        assertThat(reasons).containsEntry("bad-json", "MALFORMED_JSON")
                .containsEntry("future", "UNSUPPORTED_SCHEMA_VERSION")
                .containsEntry("no-id", "MISSING_FIELD");
        for (ConsumerRecord<byte[], byte[]> r : dead) {
            assertThat(DeadLetters.header(r.headers(), DeadLetters.HEADER_TOPIC)).isEqualTo(topics.raw());
            assertThat(DeadLetters.header(r.headers(), DeadLetters.HEADER_SERVICE)).isEqualTo("classifier");
            assertThat(DeadLetters.header(r.headers(), DeadLetters.HEADER_ERROR_MESSAGE)).isNotBlank();
        }
    }

    @Test
    @Timeout(180)
    void twoInstancesInOneGroupShareTheWorkWithoutDuplicates() throws Exception {
        Topics topics = topics();
        String group = TestKafka.unique("group");
        io.roleradar.kafka.TopicAdmin.ensureTopics(TestKafka.settings(), topics, 4);
        ClassifierMain a = new ClassifierMain(Map.of());
        ClassifierMain b = new ClassifierMain(Map.of());
        CompletableFuture<Integer> runA = start(a, topics, group, "one");
        CompletableFuture<Integer> runB = start(b, topics, group, "two");
        try {
            await(() -> a.service() != null && b.service() != null
                    && !a.service().assignment().isEmpty() && !b.service().assignment().isEmpty()
                    && a.service().assignment().size() + b.service().assignment().size() == 4,
                    "both instances own partitions");
            List<RawPosting> postings = numbered(Fixtures.all(), 20);
            produce(topics.raw(), postings.stream().map(p -> record(topics.raw(), p)).toList());

            List<ConsumerRecord<byte[], byte[]>> tagged = readCommitted(topics.tagged(), postings.size());
            assertThat(keys(tagged)).doesNotHaveDuplicates().hasSize(postings.size());
            await(() -> a.service().taggedCount() + b.service().taggedCount() == postings.size(), "counts settle");
            assertThat(a.service().taggedCount()).isPositive();
            assertThat(b.service().taggedCount()).isPositive();
        } finally {
            stop(a);
            stop(b);
        }
        assertThat(runA.get()).isZero();
        assertThat(runB.get()).isZero();
    }

    @Test
    @Timeout(180)
    void aRestartAfterAnAbruptStopLeavesEachPostingTaggedExactlyOnce() throws Exception {
        Topics topics = topics();
        String group = TestKafka.unique("group");
        List<RawPosting> postings = numbered(Fixtures.all(), 2);
        produce(topics.raw(), postings.stream().map(p -> record(topics.raw(), p)).toList());
        io.roleradar.kafka.TopicAdmin.ensureTopics(TestKafka.settings(), topics, 3);

        // The instance "crashy" dies in the middle of a transaction: it had sent tagged postings
        // but neither its offsets nor its commit made it. A long transaction timeout shows that the
        // restart, not the timeout, is what ends that transaction.
        Map<String, Object> props = producerProps();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, ExactlyOnceLoop.transactionalId(group, "crashy"));
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 600_000);
        KafkaProducer<byte[], byte[]> dead = new KafkaProducer<>(props);
        dead.initTransactions();
        dead.beginTransaction();
        for (RawPosting p : postings.subList(0, 5)) {
            dead.send(new ProducerRecord<>(topics.tagged(), p.id().getBytes(StandardCharsets.UTF_8),
                    "{\"half\": \"written\"}".getBytes(StandardCharsets.UTF_8))).get();
        }
        dead.close(Duration.ZERO);

        Instant restarted = Instant.now();
        int exit = run(topics, group, "crashy", "--drain");

        assertThat(exit).isZero();
        List<ConsumerRecord<byte[], byte[]>> tagged = readCommitted(topics.tagged(), postings.size());
        assertThat(Duration.between(restarted, Instant.now())).isLessThan(Duration.ofSeconds(120));
        assertThat(keys(tagged)).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(postings.stream().map(RawPosting::id).toList());
        for (ConsumerRecord<byte[], byte[]> r : tagged) {
            assertThat(PostingJson.readTagged(r.value()).tags()).isNotNull();
        }
        // A second run of the same group finds nothing new to tag.
        assertThat(run(topics, group, "crashy", "--drain")).isZero();
        assertThat(keys(readCommitted(topics.tagged(), postings.size()))).hasSize(postings.size());
    }

    // --- helpers ---

    private static Topics topics() {
        return new Topics(TestKafka.unique("raw"), TestKafka.unique("tagged"), TestKafka.unique("dlq"));
    }

    private static String[] args(Topics topics, String group, String instance, String... more) {
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", TestKafka.bootstrapServers(),
                "--topic-raw", topics.raw(), "--topic-tagged", topics.tagged(), "--topic-dlq", topics.deadLetter(),
                "--group", group, "--instance-id", instance));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static int run(Topics topics, String group, String instance, String... more) {
        return new CommandLine(new ClassifierMain(Map.of())).execute(args(topics, group, instance, more));
    }

    private static CompletableFuture<Integer> start(ClassifierMain main, Topics topics, String group, String instance) {
        return CompletableFuture.supplyAsync(() -> new CommandLine(main).execute(args(topics, group, instance)));
    }

    private static void stop(ClassifierMain main) throws InterruptedException {
        if (main.service() != null) {
            assertThat(main.service().stop(Duration.ofSeconds(30))).as("stops within 30 s").isTrue();
        }
    }

    private static List<RawPosting> numbered(List<RawPosting> base, int copies) {
        List<RawPosting> out = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            for (RawPosting p : base) {
                out.add(p.toBuilder().id(p.id() + "-" + i).build());
            }
        }
        return out;
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, RawPosting p) {
        return new ProducerRecord<>(topic, p.id().getBytes(StandardCharsets.UTF_8), PostingJson.write(p));
    }

    private static ProducerRecord<byte[], byte[]> raw(String topic, String key, String value) {
        return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> producerProps() {
        Map<String, Object> props = TestKafka.settings().toMap();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    private static void produce(String topic, List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        io.roleradar.kafka.TopicAdmin.ensureTopics(TestKafka.settings(),
                new Topics(topic, topic + "-unused-tagged", topic + "-unused-dlq"), 3);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps())) {
            for (ProducerRecord<byte[], byte[]> r : records) {
                producer.send(r).get();
            }
        }
    }

    /** Reads a topic from the beginning as a read_committed consumer until {@code expected} records or the deadline. */
    private static List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic, int expected) {
        Map<String, Object> props = TestKafka.settings().toMap();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            Instant deadline = Instant.now().plus(DEADLINE);
            // Read until every partition's committed end is reached and enough records came.
            while (Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                boolean atEnd = partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
                if (out.size() >= expected && atEnd) {
                    break;
                }
                if (atEnd) {
                    end.putAll(consumer.endOffsets(partitions));
                }
            }
        }
        return out;
    }

    private static List<String> keys(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50); // polling a condition with a deadline, not a fixed wait
        }
    }
}
