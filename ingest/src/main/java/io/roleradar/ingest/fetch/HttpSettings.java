package io.roleradar.ingest.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How ingest talks to web servers: timeouts, the response size cap, retries and the pause between
 * two requests to one host. Checked on construction, with messages naming the flag to fix.
 *
 * @param connectTimeout  time to open a connection
 * @param readTimeout     time for a whole answer (headers and body) once asked
 * @param maxBytes        largest response body accepted
 * @param maxAttempts     tries per URL on 429, 5xx and refused connections (1 = no retry)
 * @param maxRetryWait    longest wait before a retry ingest accepts (Retry-After above it gives up)
 * @param minInterval     least time between two requests to one host
 * @param userAgent       the User-Agent header, naming the tool
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, long maxBytes, int maxAttempts,
                           Duration maxRetryWait, Duration minInterval, String userAgent) {
    public static final String USER_AGENT = "roleradar-ingest/0.1 (job-posting reader; +https://github.com/roleradar/roleradar)";
    /** The robots.txt product token ingest answers to. */
    public static final String ROBOTS_AGENT = "roleradar";

    public HttpSettings {
        requirePositive(connectTimeout, "--connect-timeout");
        requirePositive(readTimeout, "--read-timeout");
        Objects.requireNonNull(maxRetryWait, "maxRetryWait");
        Objects.requireNonNull(minInterval, "minInterval");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("--max-bytes must be at least 1, got " + maxBytes);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("--max-attempts must be at least 1, got " + maxAttempts);
        }
        if (minInterval.isNegative()) {
            throw new IllegalArgumentException("--min-interval must not be negative, got " + minInterval);
        }
        userAgent = userAgent == null || userAgent.isBlank() ? USER_AGENT : userAgent;
    }

    /** Polite defaults: 10 s to connect, 30 s per answer, 20 MiB, 3 tries, 1 s between requests to a host. */
    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 20L * 1024 * 1024, 3,
                Duration.ofSeconds(60), Duration.ofSeconds(1), USER_AGENT);
    }

    public HttpSettings withReadTimeout(Duration d) {
        return new HttpSettings(connectTimeout, d, maxBytes, maxAttempts, maxRetryWait, minInterval, userAgent);
    }

    public HttpSettings withMaxBytes(long n) {
        return new HttpSettings(connectTimeout, readTimeout, n, maxAttempts, maxRetryWait, minInterval, userAgent);
    }

    public HttpSettings withMinInterval(Duration d) {
        return new HttpSettings(connectTimeout, readTimeout, maxBytes, maxAttempts, maxRetryWait, d, userAgent);
    }

    public HttpSettings withMaxAttempts(int n) {
        return new HttpSettings(connectTimeout, readTimeout, maxBytes, n, maxRetryWait, minInterval, userAgent);
    }

    private static void requirePositive(Duration d, String flag) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(flag + " must be a positive duration, got " + d);
        }
    }
}
