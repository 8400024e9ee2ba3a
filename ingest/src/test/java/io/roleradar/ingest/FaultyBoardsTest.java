package io.roleradar.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.roleradar.cli.ExitCodes;
import io.roleradar.ingest.fetch.HttpSettings;
import io.roleradar.ingest.parse.CsvColumns;
import io.roleradar.ingest.parse.Rejected;
import io.roleradar.ingest.source.ApiBases;
import io.roleradar.ingest.source.SourceSettings;
import io.roleradar.ingest.source.SourceSpec;
import io.roleradar.model.RawPosting;
import io.roleradar.testkit.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run over boards served by a local server under {@code --api-base}, with the ATSs' real answers
 * (from ../shared/data when present, else this module's fixtures) and the faults real servers have.
 * The run completes, each failure is a reject naming its board and reason and marks the board as
 * not read whole, every healthy board's postings arrive, and the exit code tells partial from clean.
 */
class FaultyBoardsTest {
    private static final Duration TIMEOUT = Duration.ofMillis(1200);
    private HttpServer server;
    private String base;
    private byte[] ashby;
    private byte[] greenhouse;
    private byte[] lever;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<Long> rateLimitedAt = new CopyOnWriteArrayList<>();
    private final AtomicBoolean deletedIsBack = new AtomicBoolean();

    @BeforeEach
    void start() throws IOException {
        Path shared = SharedData.locate();
        ashby = read(shared, "ashby-boards/cursor.json", "Northwind.json");
        greenhouse = read(shared, "ats-api-responses/greenhouse_jobs.json", "greenhouse-acme.json");
        lever = read(shared, "ats-api-responses/lever_postings.json", "lever-globex.json");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A saved real answer when ../shared/data is there, else a fixture of the same format. */
    private static byte[] read(Path shared, String real, String fixture) throws IOException {
        Path p = shared != null && Files.exists(shared.resolve(real)) ? shared.resolve(real) : Fixtures.path(fixture);
        return Files.readAllBytes(p);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        int hit = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try {
            switch (path) {
                case "/robots.txt" -> send(ex, 200, "text/plain", "User-agent: *\nDisallow: /careers/\n".getBytes(StandardCharsets.UTF_8));
                case "/careers/ml-engineer" -> send(ex, 200, "text/html", "<html><h1>ML Engineer</h1></html>".getBytes(StandardCharsets.UTF_8));
                case "/posting-api/job-board/healthy" -> send(ex, 200, "application/json", ashby);
                case "/v1/boards/healthy/jobs" -> send(ex, 200, "application/json", greenhouse);
                case "/v0/postings/healthy" -> send(ex, 200, "application/json", lever);
                case "/posting-api/job-board/rate-limited" -> {
                    rateLimitedAt.add(System.nanoTime());
                    if (hit == 1) {
                        ex.getResponseHeaders().add("Retry-After", "1");
                        send(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
                    } else {
                        send(ex, 200, "application/json", ashby);
                    }
                }
                case "/posting-api/job-board/flaky" -> send(ex, hit == 1 ? 500 : 200, "application/json",
                        hit == 1 ? "oops".getBytes(StandardCharsets.UTF_8) : ashby);
                case "/posting-api/job-board/wrong-type" -> send(ex, 200, "text/html; charset=iso-8859-1", ashby);
                case "/posting-api/job-board/gzipped" -> {
                    ex.getResponseHeaders().add("Content-Encoding", "gzip");
                    send(ex, 200, "application/json", gzip(ashby));
                }
                case "/posting-api/job-board/deleted" -> {
                    if (deletedIsBack.get()) {
                        send(ex, 200, "application/json", ashby);
                    } else {
                        send(ex, 404, "application/json", "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8));
                    }
                }
                case "/posting-api/job-board/silent" -> sleep(TIMEOUT.toMillis() * 3);
                case "/posting-api/job-board/drip" -> {
                    ex.getResponseHeaders().add("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, ashby.length);
                    OutputStream out = ex.getResponseBody();
                    for (int i = 0; i < ashby.length && i < 40; i++) {
                        out.write(ashby[i]);
                        out.flush();
                        sleep(100);
                    }
                }
                case "/posting-api/job-board/truncated" -> {
                    ex.getResponseHeaders().add("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, ashby.length);
                    ex.getResponseBody().write(ashby, 0, ashby.length / 2);
                    ex.getResponseBody().flush();
                    // The connection closes with half the declared length sent.
                }
                case "/posting-api/job-board/looping" -> {
                    ex.getResponseHeaders().add("Location", base + "/posting-api/job-board/looping?includeCompensation=true");
                    send(ex, 302, "text/plain", new byte[0]);
                }
                default -> send(ex, 404, "text/plain", "no such path".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException clientLeft) {
            // the client gave up (a timeout), as it should
        } finally {
            ex.close();
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(body);
        }
        return bytes.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private PostingSources sources() {
        HttpSettings http = HttpSettings.defaults().withReadTimeout(TIMEOUT).withMinInterval(Duration.ZERO).withMaxAttempts(2);
        ApiBases bases = ApiBases.parse(List.of("ashby=" + base, "greenhouse=" + base, "lever=" + base), "--api-base");
        return new PostingSources(http, CsvColumns.defaults(), 10, IngestMetrics.none(), new SourceSettings(bases, 4, null));
    }

    private static List<SourceSpec> specs(String... sources) {
        return java.util.Arrays.stream(sources).map(SourceSpec::parse).toList();
    }

    /** How many postings the same answer gives when read from a file: what a healthy board must deliver. */
    private static ReadResult postingsIn(byte[] answer, Path dir, String name) throws IOException {
        Path f = dir.resolve(name + ".json");
        Files.write(f, answer);
        return PostingSources.withDefaults().read(List.of(f.toString()));
    }

    @Test
    void everyFaultIsARejectOfItsBoardAndEveryHealthyBoardArrivesWhole(@TempDir Path dir) throws IOException {
        ReadResult r = sources().read(specs("ashby:healthy", "greenhouse:healthy", "lever:healthy", "ashby:rate-limited",
                "ashby:flaky", "ashby:wrong-type", "ashby:gzipped", "ashby:deleted", "ashby:silent", "ashby:drip",
                "ashby:truncated", "ashby:looping", base + "/careers/ml-engineer"), null, () -> false);

        Map<String, Long> bySource = r.postings().stream().collect(Collectors.groupingBy(RawPosting::source, Collectors.counting()));
        int ashbyJobs = postingsIn(ashby, dir, "a").found();
        assertThat(ashbyJobs).isPositive();
        // Within a run the same jobs on several boards are merged into the first: so each Ashby
        // board that came through shows in the per-source accounts rather than in the postings.
        Map<String, SourceRead> reads = r.sources().stream().collect(Collectors.toMap(SourceRead::source, s -> s));
        for (String ok : List.of("ashby:healthy", "ashby:rate-limited", "ashby:flaky", "ashby:wrong-type", "ashby:gzipped")) {
            assertThat(reads.get(ok).complete()).as(ok + " read whole").isTrue();
            assertThat(reads.get(ok).postings()).as(ok + " postings").isEqualTo(ashbyJobs);
        }
        assertThat(bySource.get("ashby:healthy")).isEqualTo(postingsIn(ashby, dir, "a").postings().size());
        assertThat(bySource.get("greenhouse:healthy")).isEqualTo(postingsIn(greenhouse, dir, "g").postings().size());
        assertThat(bySource.get("lever:healthy")).isEqualTo(postingsIn(lever, dir, "l").postings().size());

        // The boards' own faults; a single posting rejected inside a healthy board (the fixture
        // board has one with an empty description) is the parser's business, not a fetch fault.
        Map<String, Rejected> rejects = r.rejected().stream().filter(x -> !x.source().matches(".* job \\d+$"))
                .collect(Collectors.toMap(Rejected::source, x -> x, (a, b) -> a));
        assertThat(rejects.get(url("deleted"))).satisfies(x -> {
            assertThat(x.kind()).isEqualTo(Rejected.HTTP_ERROR);
            assertThat(x.reason()).contains("HTTP 404");
        });
        assertThat(rejects.get(url("silent")).kind()).isEqualTo(Rejected.TIMEOUT);
        assertThat(rejects.get(url("drip")).kind()).isEqualTo(Rejected.TIMEOUT);
        assertThat(rejects.get(url("truncated"))).satisfies(x -> {
            assertThat(x.kind()).isEqualTo(io.roleradar.ingest.fetch.HttpFetcher.TRUNCATED);
            assertThat(x.reason()).contains("ended before its declared length");
        });
        assertThat(rejects.get(url("looping")).reason()).contains("HTTP 302", "redirect");
        assertThat(rejects.get(base + "/careers/ml-engineer").kind()).isEqualTo(Rejected.ROBOTS);
        assertThat(rejects).hasSize(6);
        assertThat(hits.get("/careers/ml-engineer")).as("a disallowed page is never asked for").isNull();

        assertThat(r.failedSources()).isEqualTo(6);
        for (String failed : List.of("ashby:deleted", "ashby:silent", "ashby:drip", "ashby:truncated", "ashby:looping")) {
            assertThat(reads.get(failed).complete()).as(failed).isFalse();
            assertThat(reads.get(failed).failure()).isNotBlank();
        }
        // Only whole boards may say which of their postings are gone.
        assertThat(r.completePostingSources()).contains("ashby:healthy", "greenhouse:healthy", "lever:healthy")
                .doesNotContain("ashby:deleted", "ashby:silent", "ashby:drip", "ashby:truncated", "ashby:looping");
    }

    @Test
    void retryAfterHoldsTheHostBackAndAFiveHundredIsTriedAgain() {
        ReadResult r = sources().read(specs("ashby:rate-limited", "ashby:flaky"), null, () -> false);
        assertThat(r.rejected()).isEmpty();
        assertThat(rateLimitedAt).hasSize(2);
        assertThat(Duration.ofNanos(rateLimitedAt.get(1) - rateLimitedAt.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(hits.get("/posting-api/job-board/flaky").get()).isEqualTo(2);
    }

    @Test
    void theNextRunFetchesAFailedBoardAgain() {
        ReadResult first = sources().read(specs("ashby:healthy", "ashby:deleted"), null, () -> false);
        assertThat(first.failedSources()).isEqualTo(1);
        deletedIsBack.set(true);
        ReadResult second = sources().read(specs("ashby:deleted"), null, () -> false);
        assertThat(second.failedSources()).isZero();
        assertThat(second.postings()).isNotEmpty().allSatisfy(p -> assertThat(p.source()).isEqualTo("ashby:deleted"));
    }

    @Test
    void theExitCodeTellsAPartialRunFromACleanOne(@TempDir Path dir) {
        String[] bases = {"--api-base", "ashby=" + base, "--api-base", "greenhouse=" + base, "--min-interval", "0s",
                "--timeout", "1200ms", "--max-attempts", "2"};
        assertThat(run(dir.resolve("clean.jsonl"), bases, "ashby:healthy", "greenhouse:healthy")).as(lastErr).isEqualTo(ExitCodes.OK);
        assertThat(run(dir.resolve("partial.jsonl"), bases, "ashby:healthy", "ashby:deleted")).as(lastErr).isEqualTo(ExitCodes.PARTIAL);
        assertThat(dir.resolve("partial.jsonl")).isNotEmptyFile();
    }

    @Test
    void theApiBaseComesFromTheEnvironmentToo(@TempDir Path dir) throws Exception {
        // picocli takes the variable from the real environment: only a process of its own has another.
        ProcessBuilder child = IngestProcess.command("run", "-s", "lever:healthy", "--min-interval", "0s",
                "-o", dir.resolve("o.jsonl").toString());
        child.environment().put("ROLERADAR_INGEST_API_BASE", "ashby=" + base + ",lever=" + base);
        Process p = child.redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("log.txt"))).isEqualTo(ExitCodes.OK);
        assertThat(hits.get("/v0/postings/healthy").get()).isEqualTo(1);
    }

    private String url(String board) {
        return base + "/posting-api/job-board/" + board + "?includeCompensation=true";
    }

    private int run(Path output, String[] flags, String... sources) {
        RunCommand c = new RunCommand();
        c.env = Map.of();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        c.stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        c.stdout = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        List<String> args = new java.util.ArrayList<>(List.of(flags));
        for (String s : sources) {
            args.add("-s");
            args.add(s);
        }
        args.add("-o");
        args.add(output.toString());
        int code = new CommandLine(c).execute(args.toArray(String[]::new));
        lastErr = err.toString(StandardCharsets.UTF_8);
        return code;
    }

    private String lastErr = "";
}
