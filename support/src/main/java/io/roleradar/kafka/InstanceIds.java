package io.roleradar.kafka;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;

/**
 * The id of one instance of a service in a consumer group: its static group membership and, with
 * the group, its transactional id, so it must be stable across restarts and distinct between
 * instances. A pod or container name is both, hence the default.
 */
public final class InstanceIds {
    private InstanceIds() {
    }

    /** {@code id}, when it is 1-100 letters, digits, '.', '_' or '-'; else the error names the fix. */
    public static String requireValid(String id) {
        if (id == null || !id.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("the instance id '" + id + "' must be 1-100 letters, digits, "
                    + "'.', '_' or '-': pass --instance-id ID or set ROLERADAR_INSTANCE_ID");
        }
        return id;
    }

    /**
     * The default id, for an instance given none ({@code --instance-id}, whose variable picocli reads):
     * the host name (a pod or container name, HOSTNAME in {@code env}), cleaned to a valid id.
     */
    public static String fromHost(Map<String, String> env) {
        String host = env.get("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        String cleaned = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        return cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned;
    }
}
