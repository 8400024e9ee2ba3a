package io.roleradar.broker;

import org.apache.kafka.clients.admin.Admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real, single-node Apache Kafka broker in KRaft mode (one process is broker and controller),
 * run from the {@code org.apache.kafka:kafka_2.13} jars on this JVM's class path in a child JVM.
 *
 * <p>A child process rather than an in-process server because it is the broker users run: its
 * own heap and logs, no class-path clashes with the services under test, and it can be killed
 * and restarted to prove recovery. Storage is formatted with Kafka's own {@code StorageTool}
 * before the first start, exactly as {@code kafka-storage.sh format} does.
 *
 * <p>Listens on 127.0.0.1 only. Close it to stop the broker; a temporary data folder is deleted.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final boolean deleteDataOnClose;
    private final String heap;
    private Process process;

    private EmbeddedKafkaBroker(int port, int controllerPort, Path dataDir, boolean deleteDataOnClose, String heap) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.deleteDataOnClose = deleteDataOnClose;
        this.heap = heap;
    }

    /**
     * Starts a broker and waits until it answers.
     *
     * @param port    the client port, or 0 for a free one
     * @param dataDir where the log lives (kept on close), or null for a temporary folder (deleted on close)
     */
    public static EmbeddedKafkaBroker start(int port, Path dataDir) {
        return start(port, dataDir, "512m");
    }

    /** As {@link #start(int, Path)}, with the broker's maximum heap, e.g. {@code 512m}. */
    public static EmbeddedKafkaBroker start(int port, Path dataDir, String heap) {
        // Checked before anything is created, so a clash leaves nothing behind; and a broker of
        // someone else's on the port would otherwise answer the readiness check in its place.
        if (port > 0 && !portFree(port)) {
            throw new PortInUseException(port);
        }
        try {
            boolean temporary = dataDir == null;
            Path dir = temporary ? Files.createTempDirectory("roleradar-kafka-") : dataDir.toAbsolutePath();
            Files.createDirectories(dir);
            int clientPort = port > 0 ? port : freePort();
            int controller = freePort();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(clientPort, controller, dir, temporary, heap);
            try {
                broker.formatIfNew();
                broker.launch();
            } catch (RuntimeException | IOException e) {
                broker.close(); // a failed start leaves no process and no temporary folder behind
                throw e;
            }
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the broker's data folder", e);
        }
    }

    /** The address clients connect to, {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The broker's own log file, for when something goes wrong. */
    public Path logFile() {
        return dataDir.resolve("broker.log");
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The operating-system process id of the broker, or -1 when it is not running. */
    public long pid() {
        return isRunning() ? process.pid() : -1;
    }

    /** Kills the broker at once (SIGKILL), as a crash would; {@link #restart()} brings it back on the same port and data. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process, Duration.ofSeconds(30));
        }
    }

    /** Stops the broker cleanly (SIGTERM, then SIGKILL after a grace period). */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor(process, Duration.ofSeconds(30))) {
                process.destroyForcibly();
                waitFor(process, Duration.ofSeconds(10));
            }
        }
    }

    /** Starts the broker again on the same port and data, and waits until it answers. */
    public void restart() {
        stop();
        launch();
    }

    @Override
    public void close() {
        stop();
        if (deleteDataOnClose) {
            deleteRecursively(dataDir);
        }
    }

    private void formatIfNew() throws IOException {
        writeConfig();
        if (Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
            return;
        }
        // Kafka's own random cluster id: never starts with '-', which the format tool would read as a flag.
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        Process format = javaProcess(List.of("kafka.tools.StorageTool", "format", "-t", clusterId,
                "-c", configFile().toString(), "--ignore-formatted"), "256m")
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .redirectErrorStream(true)
                .start();
        if (!waitFor(format, Duration.ofSeconds(120)) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IllegalStateException("formatting the Kafka storage failed; see " + logFile());
        }
    }

    private void launch() {
        try {
            writeConfig();
            process = javaProcess(List.of("kafka.Kafka", configFile().toString()), heap)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Kafka broker process", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "kafka-broker-reaper"));
        awaitReady();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Map<String, Object> props = Map.of("bootstrap.servers", bootstrapServers(),
                "request.timeout.ms", 5000, "default.api.timeout.ms", 5000);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with code " + process.exitValue()
                        + " while starting; see " + logFile());
            }
            // Wait for the listener with a plain socket first: an admin client polling a closed port
            // logs a warning on every attempt, which would bury the user's output.
            if (!portOpen()) {
                sleep(100);
                continue;
            }
            try (Admin admin = Admin.create(props)) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                // Transactions need the coordinator's topic; creating a topic proves the controller is up.
                admin.listTopics().names().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = e;
                sleep(200);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the Kafka broker did not answer within " + START_TIMEOUT.toSeconds()
                + " s; see " + logFile(), last);
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The client port asked for is taken by another process. */
    public static final class PortInUseException extends IllegalStateException {
        public PortInUseException(int port) {
            super("port " + port + " on 127.0.0.1 is already in use (another broker?): choose another with --port N, "
                    + "or --port 0 for a free one");
        }
    }

    private boolean portOpen() {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void writeConfig() throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("log").toString());
        // One node: every internal topic has a single replica, and transactions need no quorum of three.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("num.partitions", "3");
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("transaction.state.log.num.partitions", "3");
        // A consumer group forms at once instead of after the 3 s default: tests and demos start faster.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "false");
        // The controller's port changes per start; the node id and cluster are kept in meta.properties.
        try (Writer w = Files.newBufferedWriter(configFile(), StandardCharsets.UTF_8)) {
            p.store(w, "roleradar embedded KRaft broker");
        }
        Files.writeString(dataDir.resolve("log4j2.properties"), """
                status = warn
                appender.out.type = Console
                appender.out.name = STDOUT
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = WARN
                rootLogger.appenderRef.out.ref = STDOUT
                logger.server.name = kafka.server.KafkaRaftServer
                logger.server.level = INFO
                """, StandardCharsets.UTF_8);
    }

    private Path configFile() {
        return dataDir.resolve("server.properties");
    }

    private ProcessBuilder javaProcess(List<String> mainAndArgs, String maxHeap) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + maxHeap);
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Dlog4j2.configurationFile=" + dataDir.resolve("log4j2.properties").toUri());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(mainAndArgs);
        return new ProcessBuilder(cmd).directory(dataDir.toFile());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    private static boolean waitFor(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // A leftover temp file is harmless; the OS cleans /tmp.
                }
            });
        } catch (IOException ignored) {
            // As above.
        }
    }
}
