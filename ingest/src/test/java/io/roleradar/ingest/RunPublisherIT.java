package io.roleradar.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.roleradar.ingest.bench.BigFiles;
import io.roleradar.ingest.identity.PostingStore;
import io.roleradar.ingest.identity.TopicStateLoader;
import io.roleradar.ingest.publish.KafkaPublisher;
import io.roleradar.ingest.source.SourceSpec;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.testkit.CommittedRecords;
import io.roleradar.testkit.TestKafka;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run bigger than one transaction's part, on the real broker: published part by part as it is
 * read, a stop aborting only the part in flight, and the next run publishing exactly the rest.
 */
class RunPublisherIT {
    private static final int POSTINGS = 30;
    /** Each generated posting has 1,000 to 1,100 characters of description: parts of five postings. */
    private static final long PART_CHARS = 4_500;

    @TempDir
    Path dir;
    private final String topic = TestKafka.unique("raw");
    private final String txId = TestKafka.unique("ingest-tx");

    private List<String> committedKeys() {
        return CommittedRecords.read(TestKafka.bootstrapServers(), topic, new StringDeserializer(), new ByteArrayDeserializer())
                .stream().map(r -> r.key()).toList();
    }

    /** The sum of the topic's end offsets: records and transaction markers. */
    private long endOffsetsSum() {
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(TestKafka.settings().toMap(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** One run of {@code file} into the topic, stopped once {@code stopAfter} postings were offered. */
    private RunPublisher run(Path file, PostingStore store, int stopAfter) {
        AtomicInteger offered = new AtomicInteger();
        try (KafkaPublisher publisher = new KafkaPublisher(TestKafka.settings(), topic, txId, new SimpleMeterRegistry())) {
            publisher.init();
            String topicId = TopicStateLoader.load(TestKafka.settings(), topic, Duration.ofMinutes(1), store);
            RunPublisher run = new RunPublisher(store, publisher, topicId, LocalDate.now(), IngestMetrics.none(),
                    () -> offered.get() > stopAfter, PART_CHARS);
            ReadResult r = PostingSources.withDefaults().read(List.of(SourceSpec.parse(file.toString())), null,
                    () -> offered.get() > stopAfter, (posting, key, board) -> {
                        offered.incrementAndGet();
                        run.posting(posting, key, board);
                    }, 0);
            if (offered.get() <= stopAfter) {
                assertThat(run.finish(r, new PrintStream(new ByteArrayOutputStream()))).isTrue();
            }
            return run;
        }
    }

    @Test
    void aStoppedBigRunKeepsItsCommittedPartsAndTheNextRunPublishesExactlyTheRest() throws Exception {
        Path file = dir.resolve("big.jsonl");
        BigFiles.writeJsonLines(file, POSTINGS, 1_400);
        TopicAdmin.ensureRawTopic(TestKafka.settings(), topic, 2);
        try (PostingStore store = PostingStore.open(dir.resolve("state"))) {
            // Stopped during the third part (postings 11 to 15): the first two parts stay committed.
            assertThat(run(file, store, 12).plan().committedCount()).isEqualTo(10);
            assertThat(committedKeys()).hasSize(10).doesNotHaveDuplicates();
            assertThat(store.size()).isEqualTo(10);

            RunPublisher rest = run(file, store, Integer.MAX_VALUE);
            assertThat(rest.plan().unchanged()).isEqualTo(10);
            assertThat(rest.plan().publishedCount()).isEqualTo(POSTINGS - 10);
            assertThat(committedKeys()).hasSize(POSTINGS).doesNotHaveDuplicates();

            // Every part was recorded with the positions past it (its commit marker included), so
            // the next start reads none of the run's records again.
            assertThat(store.positions().values().stream().mapToLong(Long::longValue).sum())
                    .as("positions past every committed part, each part's marker counted")
                    .isGreaterThanOrEqualTo(endOffsetsSum() - 2);
            RunPublisher again = run(file, store, Integer.MAX_VALUE);
            assertThat(again.plan().publishedCount()).as("the same file again publishes nothing").isZero();
            assertThat(committedKeys()).hasSize(POSTINGS);
        }
    }
}
