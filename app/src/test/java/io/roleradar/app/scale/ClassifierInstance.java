package io.roleradar.app.scale;

import io.roleradar.app.resilience.ChildJvm;
import io.roleradar.classifier.ClassifierMain;

import java.io.IOException;
import java.net.InetAddress;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One instance of the classifier service ({@code classifier run}) as its own operating-system
 * process, with its own instance id (so its own transactional id), its own Prometheus port and its
 * own log: what a pod of a scaled-out deployment is. It can be killed as a crash kills
 * ({@link #kill()}, SIGKILL) or stopped as a scheduler stops it ({@link #stop()}, SIGTERM).
 */
final class ClassifierInstance {
    private static final Pattern DONE = Pattern.compile(
            "^roleradar_classifier_(postings_tagged|dead_letters)_total\\{[^}]*} ([0-9.eE+]+)$", Pattern.MULTILINE);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String id;
    private final Process process;
    private final int metricsPort;
    private final Path log;

    private ClassifierInstance(String id, Process process, int metricsPort, Path log) {
        this.id = id;
        this.process = process;
        this.metricsPort = metricsPort;
        this.log = log;
    }

    /**
     * Starts {@code classifier run --instance-id ID --metrics-port PORT} followed by
     * {@code sharedArgs} (servers, topics, group, client properties) in a JVM with the heap cap
     * {@code xmx} and {@code jvmOptions}, on this JVM's class path.
     */
    static ClassifierInstance start(String id, String xmx, List<String> jvmOptions, Path workDir, List<String> sharedArgs)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ClassifierMain.class.getName(),
                "run", "--instance-id", id, "--metrics-port", String.valueOf(port)));
        command.addAll(sharedArgs);
        Files.createDirectories(workDir);
        Path log = workDir.resolve("classifier-" + id + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ClassifierInstance(id, process, port, log);
    }

    String id() {
        return id;
    }

    Process process() {
        return process;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Postings this instance has tagged or dead-lettered in committed transactions, from its
     * Prometheus counters; -1 while its endpoint does not answer (starting, or gone).
     */
    long done() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            Matcher m = DONE.matcher(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
            long done = 0;
            while (m.find()) {
                done += (long) Double.parseDouble(m.group(2));
            }
            return done;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGKILL, as a crash or an OOM killer would: no shutdown hook, no transaction aborted. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("instance " + id + " still runs 30 s after SIGKILL");
        }
    }

    /** SIGTERM, then waits for the clean stop; returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("instance " + id + " did not stop within 60 s of SIGTERM: "
                    + ChildJvm.tail(log, 3000));
        }
        return process.exitValue();
    }

    /** The end of the log, for assertion messages. */
    String tail() {
        return ChildJvm.tail(log, 3000);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
