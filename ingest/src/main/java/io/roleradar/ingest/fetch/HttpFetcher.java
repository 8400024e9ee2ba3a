package io.roleradar.ingest.fetch;

import io.roleradar.ingest.parse.Rejected;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Fetches URLs politely and safely with the JDK's HttpClient: http and https only, connect and
 * read timeouts, a cap on the body size, retries with exponential backoff on 429, 5xx, refused or
 * broken connections and answers cut short (honouring {@code Retry-After}), a minimum interval per
 * host, a User-Agent naming the tool, and robots.txt for pages (the documented JSON APIs are meant
 * for programs, so they are not checked).
 */
public final class HttpFetcher {
    /** The reject kind of an answer cut short: the connection closed before the declared length arrived. */
    public static final String TRUNCATED = "truncated";
    private static final Pattern CUT_SHORT = Pattern.compile("content-length: (\\d+), bytes received: (\\d+)");
    private final HttpSettings settings;
    /** Made on the first fetch: building it sets up TLS (about half a second), which a run of local files never needs. */
    private volatile HttpClient client;
    private final HostRateLimiter limiter;
    private final Map<String, RobotsRules> robots = new ConcurrentHashMap<>();
    /** Sites whose robots.txt could not be fetched at all (no network, no such host): their pages fail the same way. */
    private final Map<String, FetchOutcome.Failed> robotsUnreachable = new ConcurrentHashMap<>();
    private final BiConsumer<String, Duration> latency;

    /**
     * @param latency told the outcome kind ("ok" or a reject kind) and duration of every request, for metrics
     */
    public HttpFetcher(HttpSettings settings, BiConsumer<String, Duration> latency) {
        this.settings = settings;
        this.latency = latency == null ? (k, d) -> { } : latency;
        this.limiter = new HostRateLimiter(settings.minInterval());
    }

    /** The largest answer read, in bytes; also the largest local document read whole. */
    public long maxBytes() {
        return settings.maxBytes();
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .connectTimeout(settings.connectTimeout())
                            // Redirects are followed but never from https down to http.
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    /**
     * The body at {@code uri}, or why there is none.
     *
     * @param page true for web pages (robots.txt applies), false for the documented JSON APIs
     */
    public FetchOutcome get(URI uri, boolean page) throws InterruptedException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return new FetchOutcome.Failed(uri, Rejected.UNREADABLE, "only http and https URLs are fetched");
        }
        if (page) {
            RobotsRules rules = robotsFor(uri);
            FetchOutcome.Failed unreachable = robotsUnreachable.get(origin(uri));
            if (unreachable != null) {
                // The site could not be asked at all: say so, rather than blame its robots.txt.
                return new FetchOutcome.Failed(uri, unreachable.kind(), unreachable.reason() + " (asking for its robots.txt)");
            }
            if (!rules.allows(pathAndQuery(uri))) {
                return new FetchOutcome.Failed(uri, Rejected.ROBOTS, "robots.txt of " + uri.getHost()
                        + " disallows " + HttpSettings.ROBOTS_AGENT + " to fetch " + pathAndQuery(uri));
            }
        }
        return fetch(uri, settings.maxAttempts());
    }

    private FetchOutcome fetch(URI uri, int attempts) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "application/json, text/html;q=0.9, text/csv;q=0.8, */*;q=0.5")
                // JSON board answers shrink about five times; java.net.http does not decode it itself.
                .header("Accept-Encoding", "gzip")
                .GET()
                .build();
        FetchOutcome last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            limiter.acquire(hostKey(uri));
            long start = System.nanoTime();
            CompletableFuture<HttpResponse<byte[]>> future = client().sendAsync(request, CappedBody.handler(settings.maxBytes()));
            Duration wait;
            try {
                // The request timeout covers the headers; this deadline covers a body that trickles in.
                HttpResponse<byte[]> response = future.get(settings.readTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    FetchOutcome fetched = decoded(uri, response);
                    latency.accept(fetched instanceof FetchOutcome.Failed f ? f.kind() : "ok",
                            Duration.ofNanos(System.nanoTime() - start));
                    return fetched;
                }
                latency.accept(Rejected.HTTP_ERROR, Duration.ofNanos(System.nanoTime() - start));
                last = new FetchOutcome.Failed(uri, Rejected.HTTP_ERROR, "HTTP " + status
                        + (status >= 300 && status < 400 ? " (a redirect not followed: a loop, too many, or https to http)" : "")
                        + (attempt > 1 ? " after " + attempt + " attempts" : ""));
                if (status != 429 && status < 500) {
                    return last;
                }
                Duration retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
                wait = retryAfter != null ? retryAfter : backoff(attempt);
                if (retryAfter != null && retryAfter.compareTo(settings.maxRetryWait()) > 0) {
                    return new FetchOutcome.Failed(uri, Rejected.HTTP_ERROR, "HTTP " + status + " asking to retry after "
                            + retryAfter.toSeconds() + " s, longer than the " + settings.maxRetryWait().toSeconds() + " s ingest waits");
                }
                if (retryAfter != null) {
                    // The pause is the host's, not this URL's: other boards on it wait too.
                    limiter.holdBack(hostKey(uri), retryAfter);
                    wait = Duration.ZERO;
                }
            } catch (TimeoutException e) {
                future.cancel(true);
                latency.accept(Rejected.TIMEOUT, Duration.ofNanos(System.nanoTime() - start));
                return new FetchOutcome.Failed(uri, Rejected.TIMEOUT, "no complete answer within "
                        + settings.readTimeout().toMillis() + " ms");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                latency.accept(kindOf(cause), Duration.ofNanos(System.nanoTime() - start));
                if (cause instanceof CappedBody.TooLargeException) {
                    return new FetchOutcome.Failed(uri, Rejected.TOO_LARGE, cause.getMessage());
                }
                if (cause instanceof HttpConnectTimeoutException) {
                    return new FetchOutcome.Failed(uri, Rejected.TIMEOUT, "could not connect within "
                            + settings.connectTimeout().toMillis() + " ms");
                }
                if (cause instanceof HttpTimeoutException) {
                    return new FetchOutcome.Failed(uri, Rejected.TIMEOUT, "no answer within "
                            + settings.readTimeout().toMillis() + " ms");
                }
                Matcher cut = cause == null || cause.getMessage() == null ? null : CUT_SHORT.matcher(cause.getMessage());
                last = cut != null && cut.find() ? new FetchOutcome.Failed(uri, TRUNCATED, "the answer ended before its "
                        + "declared length (" + cut.group(2) + " of " + cut.group(1) + " bytes)"
                        + (attempt > 1 ? " after " + attempt + " attempts" : ""))
                        : new FetchOutcome.Failed(uri, Rejected.UNREACHABLE, "could not reach " + uri.getHost() + ": "
                        + (cause == null ? e.getMessage() : whyUnreachable(cause)));
                if (!(cause instanceof ConnectException) && !(cause instanceof IOException)) {
                    return last;
                }
                wait = backoff(attempt);
            }
            if (attempt < attempts && wait.toMillis() > 0) {
                Thread.sleep(wait.toMillis());
            }
        }
        return last;
    }

    /** The 2xx answer's body, gunzipped when the server sent it gzip-encoded (still within the size cap). */
    private FetchOutcome decoded(URI uri, HttpResponse<byte[]> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").trim().toLowerCase(Locale.ROOT);
        if (encoding.equals("identity") || encoding.isEmpty()) {
            return new FetchOutcome.Fetched(response.uri(), response.body(), contentType);
        }
        if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
            return new FetchOutcome.Failed(uri, Rejected.UNREADABLE, "the answer is in a content encoding ingest does not "
                    + "read (" + encoding + ")");
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
            if (body.length > settings.maxBytes()) {
                return new FetchOutcome.Failed(uri, Rejected.TOO_LARGE, "gzip body is over the limit of "
                        + settings.maxBytes() + " bytes once decompressed");
            }
            return new FetchOutcome.Fetched(response.uri(), body, contentType);
        } catch (IOException e) {
            return new FetchOutcome.Failed(uri, Rejected.UNREADABLE, "a broken gzip body: " + e.getMessage());
        }
    }

    private String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + hostKey(uri);
    }

    private RobotsRules robotsFor(URI uri) throws InterruptedException {
        String origin = origin(uri);
        RobotsRules known = robots.get(origin);
        if (known != null) {
            return known;
        }
        FetchOutcome outcome = fetch(URI.create(origin + "/robots.txt"), 1);
        RobotsRules rules;
        if (outcome instanceof FetchOutcome.Fetched fetched) {
            rules = RobotsRules.parse(new String(fetched.body(), StandardCharsets.UTF_8), HttpSettings.ROBOTS_AGENT);
        } else {
            FetchOutcome.Failed failed = (FetchOutcome.Failed) outcome;
            // RFC 9309: a missing robots.txt (4xx) allows everything; an unreachable one (5xx,
            // network) means the site cannot say, so nothing is fetched.
            rules = failed.reason().matches("HTTP 4\\d\\d.*") ? RobotsRules.ALLOW_ALL : RobotsRules.DISALLOW_ALL;
            if (failed.kind().equals(Rejected.UNREACHABLE) || failed.kind().equals(Rejected.TIMEOUT)) {
                robotsUnreachable.put(origin, failed);
            }
        }
        robots.put(origin, rules);
        return rules;
    }

    /**
     * Why a connection failed, in words: java.net.http's ConnectException often has no message of
     * its own, and the reason (an unknown host, a refused connection) sits further down the chain.
     */
    static String whyUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "the host name could not be resolved (no network, or a mistyped host?)";
            }
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("connection refused")) {
                return "connection refused (nothing listens at that address)";
            }
            if (t instanceof java.net.NoRouteToHostException) {
                return "no route to the host (no network?)";
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException && (t.getMessage() == null || t.getMessage().isBlank())) {
                return "the connection was refused or could not be made (is the host up, is there a network?)";
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return failure.getClass().getSimpleName();
    }

    private Duration backoff(int attempt) {
        long millis = Math.min(settings.maxRetryWait().toMillis(), 500L << Math.min(attempt, 10));
        return Duration.ofMillis(millis / 2 + (long) (Math.random() * millis / 2));
    }

    /** Retry-After as delay-seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static String kindOf(Throwable cause) {
        if (cause instanceof CappedBody.TooLargeException) {
            return Rejected.TOO_LARGE;
        }
        return cause instanceof HttpTimeoutException ? Rejected.TIMEOUT : Rejected.UNREACHABLE;
    }

    /** What the one-request-at-a-time rules are kept per: the host and any port. */
    public static String hostKey(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
