package io.roleradar.kafka;

import org.apache.kafka.clients.admin.Admin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers one question before a service starts its clients: does a Kafka broker answer at the
 * configured address? Without it, a user who forgot to start a broker waits for the clients' own
 * timeouts (a minute) under dozens of lines of connection warnings.
 *
 * <p>First a plain TCP connect to each bootstrap address (a closed port fails at once, without a
 * single client warning), then one metadata request through the admin client, within the deadline.
 */
public final class KafkaReachability {
    private KafkaReachability() {
    }

    /**
     * Returns when a broker answers; throws {@link KafkaUnreachableException} with a one-line
     * reason otherwise.
     */
    public static void check(KafkaSettings settings, Duration timeout) {
        String servers = settings.bootstrapServers();
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!anyAddressAccepts(servers, deadline)) {
            throw new KafkaUnreachableException(servers, timeout, "nothing is listening there");
        }
        Map<String, Object> props = settings.toMap();
        props.put("client.id", "roleradar-reachability");
        int millis = (int) Math.max(1000, remainingMillis(deadline));
        props.put("default.api.timeout.ms", millis);
        props.put("request.timeout.ms", Math.min(millis, 5000));
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().nodes().get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaUnreachableException(servers, timeout, String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            throw new KafkaUnreachableException(servers, timeout, "no answer to a metadata request");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnreachableException(servers, timeout, "interrupted");
        }
    }

    private static boolean anyAddressAccepts(String servers, long deadline) {
        for (String server : servers.split(",")) {
            String hostPort = server.trim();
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0) {
                continue;
            }
            String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
            int port;
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                continue;
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, Math.min(5000, remainingMillis(deadline))));
                return true;
            } catch (IOException e) {
                // try the next address
            }
        }
        return false;
    }

    private static long remainingMillis(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }

    /** No broker answered: the message names the address and the two ways out. */
    public static final class KafkaUnreachableException extends RuntimeException {
        private final String servers;

        public KafkaUnreachableException(String servers, Duration timeout, String why) {
            super("cannot reach Kafka at " + servers + " within " + timeout.toSeconds() + " s (" + why + ")");
            this.servers = servers;
        }

        public String servers() {
            return servers;
        }

        /**
         * The one line a command prints: what failed and the two ways out, a broker of one's own
         * or the command's file mode ({@code noKafkaHint}, e.g. "--output FILE to write JSON Lines instead").
         */
        public String userMessage(String command, String noKafkaHint) {
            return "roleradar " + command + ": " + getMessage() + "; start one with './roleradar broker' and set "
                    + "KAFKA_BOOTSTRAP_SERVERS (or --bootstrap-server), or use " + noKafkaHint;
        }
    }
}
