package io.roleradar.app.resilience;

import io.roleradar.classifier.ClassifierMain;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.kafka.Topics;
import io.roleradar.testkit.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.roleradar.app.resilience.TopicProbe.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees of a crash: the classifier's Prometheus endpoint counts dead letters by
 * reason, its consumer-lag gauge rises while postings wait and falls back to zero, and after a
 * kill -9 and restart the new process (a later {@code process_start_time_seconds}) shows the lag
 * that built up while it was down and works it off. The log names each dead letter in one line.
 */
class ClassifierMetricsUnderFaultIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    @Timeout(180)
    void metricsShowDeadLettersByReasonAndLagRisingAndFallingAcrossACrash(@TempDir Path work) throws Exception {
        Topics topics = new Topics(TestKafka.unique("obs.raw"), TestKafka.unique("obs.tagged"), TestKafka.unique("obs.dlq"));
        TopicAdmin.ensureTopics(TestKafka.settings(), topics, 1);
        TopicProbe probe = new TopicProbe(TestKafka.bootstrapServers());
        String prefix = TestKafka.unique("obs");
        probe.awaitLeaders(topics.raw());
        try (KafkaProducer<byte[], byte[]> producer = probe.producer()) {
            for (int n = 0; n < 6_000; n++) {
                producer.send(new ProducerRecord<>(topics.raw(), bytes(prefix + ":" + n),
                        io.roleradar.model.PostingJson.write(GeneratedPostings.posting(prefix, n))));
                if (n % 2_000 == 0) {
                    producer.send(new ProducerRecord<>(topics.raw(), bytes("bad-json-" + n), bytes("{not json")));
                    producer.send(new ProducerRecord<>(topics.raw(), bytes("no-title-" + n),
                            bytes("{\"id\":\"x" + n + "\",\"description\":\"d\"}")));
                }
            }
        }
        int port = freePort();
        Path log = work.resolve("classifier.log");
        List<String> args = List.of("--bootstrap-servers", TestKafka.bootstrapServers(), "--topic-raw", topics.raw(),
                "--topic-tagged", topics.tagged(), "--topic-dlq", topics.deadLetter(), "--group",
                TestKafka.unique("obs-group"), "--instance-id", "obs-1", "--metrics-port", String.valueOf(port),
                "-X", "group.instance.id=obs-1", "-X", "max.poll.records=50");

        Process first = ChildJvm.start(ClassifierMain.class.getName(), "256m", log, args);
        double firstStart;
        try {
            List<Double> lags = new ArrayList<>();
            String metrics = scrapeUntil(port, first, log, m -> {
                value(m, "roleradar_classifier_consumer_lag").ifPresent(lags::add);
                return value(m, "roleradar_classifier_dead_letters_total", "reason", "MISSING_FIELD").orElse(0) >= 3
                        && value(m, "roleradar_classifier_consumer_lag").orElse(1) == 0;
            });
            assertThat(lags).as("the lag gauge rose while postings waited").anyMatch(l -> l > 0);
            assertThat(value(metrics, "roleradar_classifier_dead_letters_total", "reason", "MALFORMED_JSON")).hasValue(3);
            assertThat(value(metrics, "roleradar_classifier_dead_letters_total", "reason", "MISSING_FIELD")).hasValue(3);
            firstStart = value(metrics, "process_start_time_seconds").orElseThrow();
        } finally {
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
        }

        // While it is down, more postings arrive; the restarted process must show them as lag, then none.
        probe.awaitLeaders(topics.raw());
        try (KafkaProducer<byte[], byte[]> producer = probe.producer()) {
            for (int n = 6_000; n < 9_000; n++) {
                producer.send(new ProducerRecord<>(topics.raw(), bytes(prefix + ":" + n),
                        io.roleradar.model.PostingJson.write(GeneratedPostings.posting(prefix, n))));
            }
        }
        Process second = ChildJvm.start(ClassifierMain.class.getName(), "256m", log, args);
        try {
            List<Double> lags = new ArrayList<>();
            String metrics = scrapeUntil(port, second, log, m -> {
                value(m, "roleradar_classifier_consumer_lag").ifPresent(lags::add);
                return lags.stream().anyMatch(l -> l > 0) && value(m, "roleradar_classifier_consumer_lag").orElse(1) == 0;
            });
            assertThat(value(metrics, "process_start_time_seconds").orElseThrow()).as("the restart is visible")
                    .isGreaterThan(firstStart);
            assertThat(lags).as("lag after the restart, as scraped").anyMatch(l -> l > 0).last().isEqualTo(0.0);
        } finally {
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(probe.committedKeyCounts(topics.tagged())).hasSize(9_000).allSatisfy((k, v) -> assertThat(v).isOne());
        // The new process counts only its own dead letters: none, since the first one committed them all.
        List<String> deadLines = Files.readAllLines(log).stream().filter(l -> l.contains("dead letter ")).toList();
        assertThat(deadLines).hasSize(6).allMatch(l -> l.matches(".*dead letter " + Pattern.quote(topics.raw())
                + "-0@\\d+: (MALFORMED_JSON|MISSING_FIELD): .+"));
    }

    /**
     * Prometheus tells a restart by {@code process_start_time_seconds} changing (or by counters
     * resetting); the endpoint must publish it.
     */
    @Test
    @Timeout(120)
    void theMetricsNameWhenTheProcessStarted(@TempDir Path work) throws Exception {
        Topics topics = new Topics(TestKafka.unique("obs2.raw"), TestKafka.unique("obs2.tagged"), TestKafka.unique("obs2.dlq"));
        int port = freePort();
        Path log = work.resolve("classifier.log");
        Process p = ChildJvm.start(ClassifierMain.class.getName(), "256m", log, List.of("--bootstrap-servers",
                TestKafka.bootstrapServers(), "--topic-raw", topics.raw(), "--topic-tagged", topics.tagged(), "--topic-dlq",
                topics.deadLetter(), "--group", TestKafka.unique("obs2-group"), "--instance-id", "obs-2",
                "--metrics-port", String.valueOf(port)));
        try {
            String metrics = scrapeUntil(port, p, log, m -> m.contains("roleradar_classifier_consumer_lag"));
            assertThat(value(metrics, "process_start_time_seconds")).isPresent();
            assertThat(value(metrics, "process_uptime_seconds")).isPresent();
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Scrapes /metrics every 50 ms until {@code done} holds for a scrape; returns that scrape. */
    private static String scrapeUntil(int port, Process p, Path log, java.util.function.Predicate<String> done)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            assertThat(p.isAlive()).as("the classifier runs: %s", ChildJvm.tail(log, 3000)).isTrue();
            assertThat(System.nanoTime()).as("metrics reach the expected state within 90 s: %s", ChildJvm.tail(log, 2000))
                    .isLessThan(deadline);
            try {
                String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
                if (done.test(body)) {
                    return body;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50); // polling the endpoint with a deadline
        }
    }

    /** The value of a Prometheus sample {@code name{...tag="value"...}} (or of {@code name} with any labels). */
    static OptionalDouble value(String metrics, String name, String... tag) {
        String labels = tag.length == 0 ? "(\\{[^}]*\\})?" : "\\{[^}]*" + tag[0] + "=\"" + Pattern.quote(tag[1]) + "\"[^}]*\\}";
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + labels + " ([0-9.eE+-]+|NaN)$").matcher(metrics);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(tag.length == 0 ? 2 : 1))) : OptionalDouble.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
