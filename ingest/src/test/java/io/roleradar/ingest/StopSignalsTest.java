package io.roleradar.ingest;

import com.sun.net.httpserver.HttpServer;
import io.roleradar.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM and SIGINT stop {@code ingest run} in a child JVM while it reads a source: exit 143 and
 * 130, the run aborted, the earlier output file as it was, no temporary file left, no stack trace.
 */
class StopSignalsTest {
    @TempDir
    Path dir;

    @Test
    void sigtermDuringARunExits143AndLeavesTheOutputUntouched() throws Exception {
        stopsWith("TERM", ExitCodes.TERMINATED);
    }

    @Test
    void sigintDuringARunExits130AndLeavesTheOutputUntouched() throws Exception {
        stopsWith("INT", ExitCodes.INTERRUPTED);
    }

    private void stopsWith(String signal, int expected) throws Exception {
        Path keep = dir.resolve("keep.jsonl");
        Files.writeString(keep, "{\"earlier\": true}\n");
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/board.json", ex -> {
            asked.countDown();
            try {
                // The run is reading this source when the signal comes; the answer follows it.
                answer.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = Files.readAllBytes(Fixtures.path("lever-globex.json"));
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Path stderr = dir.resolve("stderr.txt");
        Process child = IngestProcess.command("run", "-s", "http://127.0.0.1:" + server.getAddress().getPort()
                        + "/board.json", "--min-interval", "0s", "-o", keep.toString())
                .redirectErrorStream(true).redirectOutput(stderr.toFile()).start();
        try {
            assertThat(asked.await(60, TimeUnit.SECONDS)).as("the child asked for the source").isTrue();
            new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start().waitFor(10, TimeUnit.SECONDS);
            answer.countDown();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child stopped within 30 s").isTrue();
            String log = Files.readString(stderr, StandardCharsets.UTF_8);
            assertThat(child.exitValue()).as(log).isEqualTo(expected);
            assertThat(log).contains("run aborted").doesNotContain("run finished").doesNotContain("Exception");
            assertThat(Files.readString(keep)).isEqualTo("{\"earlier\": true}\n");
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
        } finally {
            child.destroyForcibly();
            server.stop(0);
        }
    }
}
