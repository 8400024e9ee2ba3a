package io.roleradar.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.roleradar.ingest.fetch.HttpSettings;
import io.roleradar.ingest.parse.CsvColumns;
import io.roleradar.ingest.parse.Rejected;
import io.roleradar.ingest.source.SourceSettings;
import io.roleradar.model.RawPosting;
import io.roleradar.testkit.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading over HTTP from a local server on 127.0.0.1 that serves real responses, slowly, failing or too large. */
class HttpSourcesTest {
    private HttpServer server;
    private String base;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> userAgents = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        serve("/robots.txt", ex -> send(ex, 200, "User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private interface Handler {
        void handle(HttpExchange ex) throws IOException, InterruptedException;
    }

    private void serve(String path, Handler handler) {
        server.createContext(path, ex -> {
            requests.add(ex.getRequestURI().toString());
            userAgents.put(ex.getRequestURI().getPath(), String.valueOf(ex.getRequestHeaders().getFirst("User-Agent")));
            try {
                handler.handle(ex);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException ignored) {
                // the client hung up, as a capped or timed-out read does
            } finally {
                ex.close();
            }
        });
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        send(ex, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static PostingSources sources(HttpSettings http) {
        return new PostingSources(http, CsvColumns.defaults(), 10, IngestMetrics.none(), SourceSettings.defaults());
    }

    private static HttpSettings fast() {
        return HttpSettings.defaults().withMinInterval(Duration.ZERO).withReadTimeout(Duration.ofSeconds(5));
    }

    @Test
    void aGreenhouseResponseServedOverHttpTakesItsBoardFromThePostingUrls() throws IOException {
        byte[] body = Files.readAllBytes(SharedData.resolve("ats-api-responses/greenhouse_jobs.json"));
        serve("/v1/boards/anthropic/jobs", ex -> send(ex, 200, body));
        ReadResult r = sources(fast()).read(List.of(base + "/v1/boards/anthropic/jobs?content=true"));
        assertThat(r.rejected()).isEmpty();
        assertThat(r.postings()).extracting(RawPosting::id).contains("greenhouse:anthropic:5311686008");
        assertThat(userAgents.get("/v1/boards/anthropic/jobs")).contains("roleradar");
    }

    @Test
    void aJobPageServedOverHttpIsReadWithItsJsonLd() throws IOException {
        byte[] page = Files.readAllBytes(SharedData.resolve("job-pages/greenhouse/2u-jsonld.html"));
        serve("/2ualumni/jobs/7809887002", ex -> send(ex, 200, page));
        ReadResult r = sources(fast()).read(List.of(base + "/2ualumni/jobs/7809887002"));
        assertThat(r.postings()).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo("Analyst, Program Analytics");
            assertThat(p.postedAt()).hasToString("2025-01-13");
        });
        assertThat(requests).contains("/robots.txt");
    }

    @Test
    void a503WithRetryAfterIsRetriedAfterTheAskedDelay() throws IOException {
        byte[] body = Files.readAllBytes(SharedData.resolve("ats-api-responses/lever_postings.json"));
        AtomicInteger calls = new AtomicInteger();
        serve("/v0/postings/spotify", ex -> {
            if (calls.incrementAndGet() == 1) {
                ex.getResponseHeaders().add("Retry-After", "1");
                send(ex, 503, "busy");
            } else {
                send(ex, 200, body);
            }
        });
        long start = System.nanoTime();
        ReadResult r = sources(fast()).read(List.of(base + "/v0/postings/spotify?mode=json"));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.rejected()).isEmpty();
        assertThat(r.postings()).hasSize(4);
        assertThat(calls.get()).isEqualTo(2);
        assertThat(tookMs).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aServerThatKeepsFailingIsRejectedAfterTheLastAttemptAndTheRunGoesOn() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        serve("/down", ex -> {
            calls.incrementAndGet();
            ex.getResponseHeaders().add("Retry-After", "0");
            send(ex, 500, "oops");
        });
        serve("/lever", ex -> send(ex, 200, Files.readAllBytes(Fixtures.path("lever-globex.json"))));
        ReadResult r = sources(fast().withMaxAttempts(3)).read(List.of(base + "/down", base + "/lever"));
        assertThat(calls.get()).isEqualTo(3);
        assertThat(r.postings()).hasSize(1);
        assertThat(r.rejected()).singleElement().satisfies(rej -> {
            assertThat(rej.source()).isEqualTo(base + "/down");
            assertThat(rej.kind()).isEqualTo(Rejected.HTTP_ERROR);
            assertThat(rej.reason()).contains("HTTP 500", "3 attempts");
        });
    }

    @Test
    void aNotFoundIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        serve("/gone", ex -> {
            calls.incrementAndGet();
            send(ex, 404, "no");
        });
        ReadResult r = sources(fast()).read(List.of(base + "/gone"));
        assertThat(calls.get()).isEqualTo(1);
        assertThat(r.rejected()).singleElement().extracting(Rejected::reason).isEqualTo("HTTP 404");
        assertThat(r.nothingRead()).isTrue();
    }

    @Test
    void aSlowAnswerTimesOut() {
        serve("/slow", ex -> {
            Thread.sleep(6_000);
            send(ex, 200, "[]");
        });
        HttpSettings http = fast().withReadTimeout(Duration.ofMillis(2_000));
        long start = System.nanoTime();
        ReadResult r = sources(http).read(List.of(base + "/slow"));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_500);
        assertThat(r.rejected()).singleElement().extracting(Rejected::kind).isEqualTo(Rejected.TIMEOUT);
    }

    @Test
    void anOversizedAnswerIsCutOffWhetherItsSizeIsDeclaredOrNot() {
        byte[] big = new byte[1_000_000];
        java.util.Arrays.fill(big, (byte) 'x');
        serve("/declared", ex -> send(ex, 200, big));
        serve("/chunked", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write(big, 0, 10_000);
                }
            }
        });
        HttpSettings http = fast().withMaxBytes(50_000);
        ReadResult r = sources(http).read(List.of(base + "/declared", base + "/chunked"));
        assertThat(r.rejected()).extracting(Rejected::kind).containsExactly(Rejected.TOO_LARGE, Rejected.TOO_LARGE);
    }

    @Test
    void pagesThatRobotsTxtDisallowsAreNotFetched() {
        serve("/private/job", ex -> send(ex, 200, "<html><h1>secret</h1></html>"));
        ReadResult r = sources(fast()).read(List.of(base + "/private/job"));
        assertThat(r.rejected()).singleElement().extracting(Rejected::kind).isEqualTo(Rejected.ROBOTS);
        assertThat(requests).doesNotContain("/private/job");
    }

    @Test
    void requestsToOneHostKeepTheMinimumInterval() {
        serve("/a", ex -> send(ex, 404, ""));
        HttpSettings http = fast().withMinInterval(Duration.ofMillis(400));
        long start = System.nanoTime();
        sources(http).read(List.of(base + "/a", base + "/a", base + "/a"));
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(800);
    }

    @Test
    void aBoardListingPageServedOverHttpLeadsToItsJobPages() throws IOException {
        byte[] page = Files.readAllBytes(SharedData.resolve("job-pages/greenhouse/example3.html"));
        serve("/board", ex -> send(ex, 200, "<html><body><h1>Jobs</h1><a href=\"/acme/jobs/11\">One</a>"
                + "<a href=\"/acme/jobs/12\">Two</a><a href=\"/about\">About</a></body></html>"));
        serve("/acme/jobs/", ex -> send(ex, 200, page));
        ReadResult r = sources(fast()).read(List.of(base + "/board"));
        assertThat(requests).contains("/acme/jobs/11", "/acme/jobs/12").doesNotContain("/about");
        // The two links serve the same page: one posting, one duplicate.
        assertThat(r.postings()).singleElement().extracting(RawPosting::company).isEqualTo("HelloFresh");
        assertThat(r.duplicates()).isEqualTo(1);
    }

    @Test
    void onlyHttpAndHttpsSourcesAreAccepted() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sources(fast()).read(List.of("ftp://example.com/jobs.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only http and https");
    }
}
