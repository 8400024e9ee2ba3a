package io.roleradar.ingest;

import com.sun.net.httpserver.HttpServer;
import io.roleradar.ingest.fetch.HttpSettings;
import io.roleradar.ingest.parse.CsvColumns;
import io.roleradar.ingest.source.ApiBases;
import io.roleradar.ingest.source.SourceSettings;
import io.roleradar.ingest.source.SourceSpec;
import io.roleradar.model.RawPosting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boards on different hosts are fetched at the same time, one request at a time per host, and
 * merged in the order the sources were given.
 */
class ConcurrentFetchTest {
    private static final long ANSWER_MILLIS = 300;
    private final List<HttpServer> servers = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    /** A host answering every Ashby board with the fixture after a pause; notes the most requests it had at once. */
    private String host(AtomicInteger hostInFlight, AtomicInteger hostMost) throws IOException {
        byte[] board = Files.readAllBytes(Fixtures.path("Northwind.json"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", ex -> {
            hostMost.accumulateAndGet(hostInFlight.incrementAndGet(), Math::max);
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(ANSWER_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                // Counted out before the answer is sent: once the client has the whole body it may send
                // the host's next request, which another server thread can take before this one reaches
                // a later line, and that would count as two at once.
                hostInFlight.decrementAndGet();
                inFlight.decrementAndGet();
            }
            ex.sendResponseHeaders(200, board.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(board);
            } finally {
                ex.close();
            }
        });
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void twoHostsAreAskedAtOnceButEachOneRequestAtATime() throws IOException {
        AtomicInteger ashbyNow = new AtomicInteger();
        AtomicInteger ashbyMost = new AtomicInteger();
        AtomicInteger greenhouseNow = new AtomicInteger();
        AtomicInteger greenhouseMost = new AtomicInteger();
        String ashby = host(ashbyNow, ashbyMost);
        String other = host(greenhouseNow, greenhouseMost);
        List<SourceSpec> specs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            specs.add(SourceSpec.parse("ashby:a" + i));
            specs.add(SourceSpec.parse(other + "/posting-api/job-board/b" + i + "?includeCompensation=true"));
        }
        // One thread first (it also warms the parsers up), then four: eight answers of 300 ms each.
        Duration oneAtATime = timed(reader(ashby, 1), specs);
        inFlight.set(0);
        mostInFlight.set(0);
        long start = System.nanoTime();
        ReadResult r = reader(ashby, 4).read(specs, null, () -> false);
        Duration together = Duration.ofNanos(System.nanoTime() - start);

        assertThat(r.rejected()).isEmpty();
        assertThat(ashbyMost.get()).as("one request at a time to a host").isEqualTo(1);
        assertThat(greenhouseMost.get()).isEqualTo(1);
        assertThat(mostInFlight.get()).as("the two hosts were asked at the same time").isEqualTo(2);
        assertThat(together).as("about the busiest host's share, against " + oneAtATime + " one host after another")
                .isLessThan(oneAtATime.multipliedBy(3).dividedBy(4));
        // Every board serves the same jobs: the first source in the given order keeps them, whichever
        // host answered first, and the others count as duplicates.
        assertThat(r.postings()).isNotEmpty().extracting(RawPosting::source).containsOnly("ashby:a0");
        assertThat(r.duplicates()).isEqualTo(7 * r.postings().size());
        assertThat(r.sources()).extracting(SourceRead::source).containsExactlyElementsOf(specs.stream().map(SourceSpec::text).toList());
    }

    private static PostingSources reader(String ashbyBase, int threads) {
        return new PostingSources(HttpSettings.defaults().withMinInterval(Duration.ZERO), CsvColumns.defaults(), 10,
                IngestMetrics.none(),
                new SourceSettings(ApiBases.parse(List.of("ashby=" + ashbyBase), "--api-base"), threads, null));
    }

    private static Duration timed(PostingSources sources, List<SourceSpec> specs) {
        long start = System.nanoTime();
        assertThat(sources.read(specs, null, () -> false).rejected()).isEmpty();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void progressIsReportedWhileASlowHostIsAwaited() throws IOException {
        String fast = host(new AtomicInteger(), new AtomicInteger());
        HttpServer slow = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slow.createContext("/", ex -> {
            try {
                Thread.sleep(2_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        slow.start();
        servers.add(slow);
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        ReadResult r = reader(fast, 4).read(List.of(
                        SourceSpec.parse("http://127.0.0.1:" + slow.getAddress().getPort() + "/posting-api/job-board/gone?includeCompensation=true"),
                        SourceSpec.parse("ashby:quick")),
                (done, total, documents, found, rejected) -> calls.add(done + "/" + total + " " + found), () -> false);
        // While the first source's host is silent, the second one's postings are already counted.
        assertThat(calls).anySatisfy(c -> assertThat(c).startsWith("1/2 ").doesNotEndWith(" 0"));
        assertThat(calls.get(calls.size() - 1)).startsWith("2/2 ");
        assertThat(r.failedSources()).isEqualTo(1);
    }

    @Test
    void oneFetchThreadAsksTheHostsOneAfterAnother() throws IOException {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        String a = host(now, most);
        String b = host(new AtomicInteger(), new AtomicInteger());
        PostingSources sources = new PostingSources(HttpSettings.defaults().withMinInterval(Duration.ZERO),
                CsvColumns.defaults(), 10, IngestMetrics.none(), new SourceSettings(ApiBases.PUBLIC, 1, null));
        sources.read(List.of(SourceSpec.parse(a + "/posting-api/job-board/x?includeCompensation=true"),
                SourceSpec.parse(b + "/posting-api/job-board/y?includeCompensation=true")), null, () -> false);
        assertThat(mostInFlight.get()).isEqualTo(1);
    }
}
