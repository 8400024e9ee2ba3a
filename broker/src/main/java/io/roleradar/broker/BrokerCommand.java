package io.roleradar.broker;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code roleradar broker}: runs the embedded KRaft broker in the foreground until stopped. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Runs a real single-node Kafka broker (KRaft mode) on 127.0.0.1.",
                // One element per paragraph: picocli wraps each to the terminal's width.
                "It runs in the foreground and prints its bootstrap address when it is ready; "
                        + "Ctrl-C or SIGTERM stops it."})
public final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:ROLERADAR_BROKER_PORT:-9092}",
            description = "Client port; 0 picks a free one. Env: ROLERADAR_BROKER_PORT. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:ROLERADAR_BROKER_DATA}",
            description = "Data folder, kept between runs. Env: ROLERADAR_BROKER_DATA. Default: a temporary folder, deleted on stop")
    Path data;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "512m",
            description = "Maximum heap of the broker JVM. Default: ${DEFAULT-VALUE}")
    String heap;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.start(port, data, heap);
        } catch (EmbeddedKafkaBroker.PortInUseException e) {
            System.err.println("roleradar broker: " + e.getMessage());
            return 2;
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("roleradar broker: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));
        System.out.println("Kafka broker ready (KRaft, single node)");
        System.out.println("bootstrap servers: " + broker.bootstrapServers());
        System.out.println("data: " + broker.dataDir() + "   log: " + broker.logFile());
        System.out.println("export KAFKA_BOOTSTRAP_SERVERS=" + broker.bootstrapServers());
        System.out.flush();
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BrokerCommand()).execute(args));
    }
}
