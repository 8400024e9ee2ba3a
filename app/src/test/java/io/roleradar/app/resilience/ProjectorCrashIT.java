package io.roleradar.app.resilience;

import io.roleradar.classifier.Classifier;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.model.TaggedPosting;
import io.roleradar.reporter.ReporterMain;
import io.roleradar.reporter.aggregate.FactsMessage;
import io.roleradar.testkit.CommittedRecords;
import io.roleradar.testkit.GroupOffsets;
import io.roleradar.testkit.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.roleradar.testkit.CommittedRecords.key;
import static io.roleradar.testkit.CommittedRecords.keysByPartition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projector of {@code reporter follow} killed with SIGKILL mid-stream, as a crash or the OOM
 * killer would: two projector processes ({@code reporter follow --role projector}, one group, each
 * its own instance id, so its own transactional id) share a tagged topic of six partitions holding
 * 6,000 postings tagged by the real classifier. One of them is killed at a moment when the facts
 * records in its partitions' log and its group's committed offsets on them disagree (it is inside a
 * transaction with records written); the survivor takes its partitions over and finishes. In the
 * read_committed view of the facts topic every tagged record then has exactly one facts record, in
 * its partition and order, none rejected; the killed instance's cut-off records are in the log, never
 * committed; and a report writer over the facts topic counts the 6,000 postings.
 *
 * <p>What makes it able to fail: the kill is placed where the victim's output and its committed
 * input differ (the victim is frozen with SIGSTOP and looked at; killed if they differ, else let go
 * on and tried again a batch later): facts records in the log for tagged records whose offsets are
 * not committed, or offsets committed for tagged records whose facts are not in the log. A
 * projector whose output and offsets are not one transaction has such moments too, and dies there:
 * one that wrote without a transaction and committed its offsets afterwards leaves the facts
 * readable, and the survivor, resuming at the committed offsets, writes them again (a key twice in
 * its partition); one that committed the offsets first loses the facts it had not written yet (a
 * key missing). Either fails the per-key and per-partition checks below (both were tried by
 * changing {@code ExactlyOnceLoop}: the first failed on duplicates, the second on missing keys).
 * With transactions the records cut off are aborted (the coordinator aborts the dead instance's
 * transaction on its timeout) and written once more by the survivor, and only those count.
 */
class ProjectorCrashIT {
    private static final int POSTINGS = 6_000;
    private static final int PARTITIONS = 6;
    private static final String VICTIM = "proj-1";
    private static final String SURVIVOR = "proj-2";
    /** Facts committed on the victim's partitions before it may be killed: mid-stream, not at its start. */
    private static final long VICTIM_PROGRESS = 200;
    /** How long a frozen victim's picture must stay the same before it is trusted (requests in flight land). */
    private static final Duration SETTLED = Duration.ofMillis(300);

    @Test
    @Timeout(150)
    void aProjectorKilledMidStreamLosesAndDuplicatesNoFacts(@TempDir Path work) throws Exception {
        long started = System.nanoTime();
        String servers = TestKafka.bootstrapServers();
        String tagged = TestKafka.unique("pcrash.tagged");
        String facts = TestKafka.unique("pcrash.facts");
        String group = TestKafka.unique("pcrash-group");
        String prefix = TestKafka.unique("pcrash");
        TopicProbe probe = new TopicProbe(servers);
        List<String> shared = List.of("follow", "--role", "projector", "--group", group,
                "--bootstrap-server", servers, "--topic-tagged", tagged, "--topic-facts", facts,
                // A throttle that keeps the victim's transactions open most of the time: each of 50 tagged records
                // (one poll), its facts records sent in small batches one request at a time, so they reach the
                // log over several round trips before the offsets and the commit.
                "-X", "max.poll.records=50", "-X", "batch.size=1024", "-X", "max.in.flight.requests.per.connection=1",
                // The victim is a static member, kept in the group until its session times out (45 s by
                // default): the least the broker allows, so the survivor gets its partitions within seconds.
                "-X", "session.timeout.ms=6000", "-X", "heartbeat.interval.ms=1000",
                // The victim's open transaction holds read_committed readers of the facts topic (and its
                // partitions' offsets, if it had sent them) until the coordinator aborts it: past this timeout,
                // at its next check (every 10 s by default). A live projector's transactions last milliseconds.
                "-X", "transaction.timeout.ms=5000");
        Process victim = null;
        Process survivor = null;
        Path victimLog = work.resolve("projector-" + VICTIM + ".log");
        Path survivorLog = work.resolve("projector-" + SURVIVOR + ".log");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
            admin.createTopics(List.of(new NewTopic(tagged, PARTITIONS, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        probe.awaitLeaders(tagged);
        // Made here, not by each child at its start, so the two do not race to create it.
        TopicAdmin.ensureFactsTopic(TestKafka.settings(), tagged, facts);
        probe.awaitLeaders(facts);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers));
             LogCounter logged = new LogCounter(servers, facts)) {
            victim = ChildJvm.start(ReporterMain.class.getName(), "256m", victimLog, with(shared, VICTIM));
            survivor = ChildJvm.start(ReporterMain.class.getName(), "256m", survivorLog, with(shared, SURVIVOR));
            // Tagged while the projectors start.
            List<byte[]> values = taggedPostings(prefix);
            long setUp = System.nanoTime() - started;
            Process v = victim;
            Process s = survivor;
            Supplier<String> logs = () -> "\n--- " + VICTIM + ":\n" + ChildJvm.tail(victimLog, 3000) + "\n--- " + SURVIVOR + ":\n"
                    + ChildJvm.tail(survivorLog, 3000);
            // Both in the group before the postings arrive, so the victim owns partitions with work on them.
            await("both projectors owning three partitions", Duration.ofSeconds(60), logs, List.of(v, s),
                    () -> GroupOffsets.owners(admin, group, tagged).values().stream().filter(p -> p.size() == 3).count() == 2);
            Set<Integer> victimPartitions = GroupOffsets.owners(admin, group, tagged).get(VICTIM);
            long joined = System.nanoTime() - started;

            produce(probe, tagged, prefix, values);
            Map<Integer, Long> taggedEnds = endOffsets(admin, tagged, all(), IsolationLevel.READ_COMMITTED);
            assertThat(taggedEnds.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(POSTINGS);

            // Freeze the victim at a moment of its work and look: kill it if its output and its committed
            // input differ, else let it go on a batch or so and try again.
            Picture cut = null;
            int attempts = 0;
            long committedBefore = VICTIM_PROGRESS - 1;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (cut == null) {
                long after = committedBefore;
                await(VICTIM + " committing more facts", Duration.ofSeconds(60), logs, List.of(v, s),
                        () -> sum(committed(admin, group, victimPartitions)) > after);
                assertThat(System.nanoTime()).as("a kill that cuts the victim's work within 60 s (%d attempts)%s",
                        attempts, logs.get()).isLessThan(deadline);
                signal(v, "STOP");
                attempts++;
                Picture p = settle(admin, group, facts, victimPartitions, logged, logs);
                assertThat(p.committed()).as("the victim still has tagged records to project: %s; more postings "
                        + "are needed%s", p, logs.get()).isNotEqualTo(restrict(taggedEnds, victimPartitions));
                if (p.differ()) {
                    v.destroyForcibly(); // SIGKILL: no shutdown hook, no abort, no leaving the group
                    assertThat(v.waitFor(30, TimeUnit.SECONDS)).as("the victim dies").isTrue();
                    cut = p;
                } else {
                    committedBefore = sum(p.committed());
                    signal(v, "CONT");
                }
            }
            long killedAt = System.nanoTime();
            long killed = killedAt - started;

            await("the survivor owning all six partitions", Duration.ofSeconds(60), logs, List.of(s),
                    () -> GroupOffsets.owners(admin, group, tagged).equals(Map.of(SURVIVOR, new TreeSet<>(all()))));
            long takenOver = System.nanoTime() - killedAt;
            await("the group's committed offsets reaching the end of the tagged topic", Duration.ofSeconds(60), logs,
                    List.of(s), () -> GroupOffsets.committed(admin, group, false).equals(taggedEnds));
            long projected = System.nanoTime() - killedAt;
            // The victim's open transaction holds the read_committed view of its facts partitions at its first
            // record until the coordinator aborts it (transaction.timeout.ms).
            await("no transaction left open on the facts topic", Duration.ofSeconds(60), logs, List.of(s),
                    () -> endOffsets(admin, facts, all(), IsolationLevel.READ_COMMITTED)
                            .equals(endOffsets(admin, facts, all(), IsolationLevel.READ_UNCOMMITTED)));
            long settled = System.nanoTime() - killedAt;
            assertThat(GroupOffsets.committed(admin, group, true)).as("the group's offsets, none pending").isEqualTo(taggedEnds);

            s.destroy(); // SIGTERM
            assertThat(s.waitFor(60, TimeUnit.SECONDS)).as("the survivor stops on SIGTERM%s", logs.get()).isTrue();
            assertThat(ChildJvm.tail(survivorLog, 3000)).as("the survivor's log").contains("stopped (STOPPED)");
            System.out.printf("ProjectorCrashIT: %d postings tagged at %.1f s, both projectors "
                    + "in the group at %.1f s, %s (partitions %s) killed at %.1f s, at attempt %d, with %d facts records "
                    + "committed on its partitions and %d written but not committed; after the kill: partitions taken "
                    + "over in %.1f s, every tagged offset committed in %.1f s, no transaction open in %.1f s%n", POSTINGS,
                    setUp / 1e9, joined / 1e9, VICTIM, victimPartitions, killed / 1e9, attempts, sum(cut.committed()),
                    cut.ahead(), takenOver / 1e9, projected / 1e9, settled / 1e9);

            List<ConsumerRecord<byte[], byte[]>> in = CommittedRecords.read(servers, tagged);
            List<ConsumerRecord<byte[], byte[]>> out = CommittedRecords.read(servers, facts);
            Set<String> expected = IntStream.range(0, POSTINGS).mapToObj(n -> prefix + ":" + n).collect(Collectors.toSet());
            Map<String, Long> perKey = out.stream().collect(Collectors.groupingBy(CommittedRecords::key, Collectors.counting()));
            assertThat(perKey.keySet()).as("every tagged posting has a committed facts record").isEqualTo(expected);
            assertThat(perKey.entrySet().stream().filter(e -> e.getValue() != 1).map(Map.Entry::getKey).toList())
                    .as("postings with more than one committed facts record").isEmpty();
            assertThat(keysByPartition(out)).as("each facts partition: its tagged partition's keys, once, in order")
                    .isEqualTo(keysByPartition(in));
            assertThat(out.stream().filter(r -> FactsMessage.isRejected(r.value())).count()).as("rejected").isZero();
            // The kill cut a transaction with records in it: they are in the log, aborted, skipped by the view above.
            assertThat(cut.ahead()).as("facts records the victim had written and not committed when killed: %s", cut)
                    .isPositive();
            Map<Integer, Long> logEnds = endOffsets(admin, facts, all(), IsolationLevel.READ_UNCOMMITTED);
            await("the whole facts log counted", Duration.ofSeconds(30), logs, List.of(),
                    () -> logged.positions().equals(logEnds));
            Map<Integer, Long> inLog = logged.counts();
            long committedThere = out.stream().filter(r -> victimPartitions.contains(r.partition())).count();
            assertThat(sum(restrict(inLog, victimPartitions)) - committedThere)
                    .as("facts records of the victim's partitions in the log but never committed")
                    .isGreaterThanOrEqualTo(cut.ahead());
        } finally {
            for (Process p : new Process[]{victim, survivor}) {
                if (p != null) {
                    p.destroyForcibly();
                }
            }
        }

        Path reports = work.resolve("reports");
        assertThat(ReporterMain.execute("follow", "--role", "report", "--once", "--state-dir",
                work.resolve("state").toString(), "--out-dir", reports.toString(), "--bootstrap-server", servers,
                "--topic-tagged", tagged, "--topic-facts", facts)).as("a report writer over the facts").isZero();
        Reports.Counts counts = Reports.counts(reports);
        assertThat(counts.records()).isEqualTo(POSTINGS);
        assertThat(counts.distinctPostings()).isEqualTo(POSTINGS);
        assertThat(counts.replacedByLaterRecord()).isZero();
        assertThat(counts.unreadable()).isZero();
    }

    /** Postings 0..POSTINGS-1 of {@link GeneratedPostings}, tagged by the real classifier, as the tagged topic's values. */
    private static List<byte[]> taggedPostings(String prefix) {
        Classifier classifier = Classifier.withDefaultTaxonomy();
        List<byte[]> values = new ArrayList<>(POSTINGS);
        for (int n = 0; n < POSTINGS; n++) {
            RawPosting raw = GeneratedPostings.posting(prefix, n);
            values.add(PostingJson.write(TaggedPosting.of(raw, classifier.classify(raw))));
        }
        return values;
    }

    /** Writes the tagged postings keyed by id, as the classifier keys them, and waits for every ack. */
    private static void produce(TopicProbe probe, String topic, String prefix, List<byte[]> values) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = probe.producer()) {
            List<Future<?>> pending = new ArrayList<>();
            for (int n = 0; n < values.size(); n++) {
                pending.add(producer.send(new ProducerRecord<>(topic, (prefix + ":" + n).getBytes(StandardCharsets.UTF_8),
                        values.get(n))));
            }
            producer.flush();
            for (Future<?> f : pending) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * What is known of the frozen victim's partitions: the group's committed offsets on them (the
     * tagged records whose facts are committed, one facts record each: the tagged topic has no
     * transaction markers), and the facts records in their log, committed or not.
     */
    private record Picture(Map<Integer, Long> committed, Map<Integer, Long> inLog) {
        /** Whether the facts written and the input committed differ on one of the partitions. */
        boolean differ() {
            return !committed.equals(inLog);
        }

        /** Facts records written for tagged records whose offsets are not committed. */
        long ahead() {
            return committed.keySet().stream().mapToLong(p -> Math.max(0, inLog.get(p) - committed.get(p))).sum();
        }
    }

    /**
     * The victim's partitions once the picture holds still for {@link #SETTLED} with the log counted
     * to its end: a request it sent before it froze (a commit) lands within that.
     */
    private static Picture settle(Admin admin, String group, String facts, Set<Integer> partitions, LogCounter logged,
                                  Supplier<String> logs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Picture last = null;
        long since = 0;
        while (true) {
            Map<Integer, Long> ends = endOffsets(admin, facts, partitions, IsolationLevel.READ_UNCOMMITTED);
            Map<Integer, Long> offsets = GroupOffsets.committed(admin, group, false); // empty if the broker did not answer
            boolean counted = !ends.isEmpty() && !offsets.isEmpty()
                    && restrict(logged.positions(), partitions).equals(ends);
            Picture now = new Picture(restrict(offsets, partitions), restrict(logged.counts(), partitions));
            if (counted && now.equals(last)) {
                if (System.nanoTime() - since >= SETTLED.toNanos()) {
                    return now;
                }
            } else {
                last = counted ? now : null;
                since = System.nanoTime();
            }
            assertThat(System.nanoTime()).as("the frozen victim's partitions settle within 20 s%s", logs.get())
                    .isLessThan(deadline);
            Thread.sleep(20); // polling with a deadline
        }
    }

    /** {@code kill -SIG pid}: STOP freezes the process (all its threads) where it is, CONT lets it go on. */
    private static void signal(Process p, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -%s %d", signal, p.pid()).isTrue();
    }

    private static List<String> with(List<String> shared, String instance) {
        List<String> args = new ArrayList<>(shared);
        args.addAll(List.of("--instance-id", instance));
        return args;
    }

    private static Set<Integer> all() {
        return IntStream.range(0, PARTITIONS).boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    private static long sum(Map<Integer, Long> values) {
        return values.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<Integer, Long> restrict(Map<Integer, Long> values, Set<Integer> partitions) {
        Map<Integer, Long> out = new TreeMap<>();
        partitions.forEach(p -> out.put(p, values.getOrDefault(p, 0L)));
        return out;
    }


    /**
     * The group's last committed offsets on {@code partitions} (0 where none), ignoring offsets
     * pending in an open transaction.
     */
    private static Map<Integer, Long> committed(Admin admin, String group, Set<Integer> partitions) {
        return restrict(GroupOffsets.committed(admin, group, false), partitions);
    }


    /** End offsets by partition as a reader with {@code isolation} sees them (empty if the broker did not answer). */
    private static Map<Integer, Long> endOffsets(Admin admin, String topic, Set<Integer> partitions,
                                                 IsolationLevel isolation) {
        try {
            Map<TopicPartition, OffsetSpec> specs = partitions.stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
            Map<Integer, Long> out = new TreeMap<>();
            admin.listOffsets(specs, new ListOffsetsOptions(isolation)).all().get(10, TimeUnit.SECONDS)
                    .forEach((tp, info) -> out.put(tp.partition(), info.offset()));
            return out;
        } catch (Exception e) {
            return Map.of();
        }
    }


    /** Polls {@code condition} until it holds, failing on the deadline or when a process has died. */
    private static void await(String what, Duration timeout, Supplier<String> logs, List<Process> running, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(running).as("the projectors run while waiting for %s%s", what, logs.get()).allMatch(Process::isAlive);
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + timeout.toSeconds() + " s" + logs.get());
            }
            Thread.sleep(50); // polling with a deadline
        }
    }

    /**
     * Every record in the facts topic's log, committed, aborted or still open (read_uncommitted),
     * counted by partition as it appears, with how far each partition has been read: a background
     * consumer, so the count is current whenever the test looks.
     */
    private static final class LogCounter implements AutoCloseable {
        private final AtomicLongArray counts = new AtomicLongArray(PARTITIONS);
        private final AtomicLongArray positions = new AtomicLongArray(PARTITIONS);
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread;

        LogCounter(String servers, String topic) {
            KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers",
                    servers, "isolation.level", "read_uncommitted", "enable.auto.commit", false),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> tps = IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            thread = new Thread(() -> {
                try (consumer) {
                    while (!stop.get()) {
                        consumer.poll(Duration.ofMillis(20)).forEach(r -> counts.incrementAndGet(r.partition()));
                        for (TopicPartition tp : tps) {
                            positions.set(tp.partition(), consumer.position(tp));
                        }
                    }
                }
            }, "facts-log-counter");
            thread.setDaemon(true);
            thread.start();
        }

        Map<Integer, Long> counts() {
            return snapshot(counts);
        }

        /** The next offset to read by partition: the log end once all is counted (it moves past markers too). */
        Map<Integer, Long> positions() {
            return snapshot(positions);
        }

        private static Map<Integer, Long> snapshot(AtomicLongArray values) {
            Map<Integer, Long> out = new TreeMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                out.put(p, values.get(p));
            }
            return out;
        }

        @Override
        public void close() {
            stop.set(true);
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
