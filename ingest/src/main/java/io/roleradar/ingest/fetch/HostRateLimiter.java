package io.roleradar.ingest.fetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps at least a minimum interval between two requests to the same host, so a run over a board
 * with a hundred job pages does not hammer the employer's server, and holds a host back for as long
 * as its {@code Retry-After} asked, whichever thread asks it next. Safe for concurrent callers.
 */
final class HostRateLimiter {
    private final long intervalNanos;
    private final Map<String, Long> nextAllowed = new HashMap<>();

    HostRateLimiter(Duration minInterval) {
        this.intervalNanos = minInterval.toNanos();
    }

    /** Waits until the host may be asked again, and books the next slot. */
    void acquire(String host) throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long allowed = nextAllowed.getOrDefault(host, now);
            long start = Math.max(now, allowed);
            nextAllowed.put(host, start + intervalNanos);
            wait = start - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** The host asked for a pause (429 or 503 with Retry-After): no request to it before {@code pause} from now. */
    synchronized void holdBack(String host, Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        nextAllowed.merge(host, until, Math::max);
    }
}
