package io.roleradar.ingest;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress lines on stderr for long runs: sources done, postings per second, errors so far. At
 * most one line every few seconds, and none for a run that ends quickly.
 */
final class ProgressReporter implements PostingSources.Progress {
    private static final long EVERY_NANOS = 5_000_000_000L;
    private final PrintStream err;
    private final long start = System.nanoTime();
    private long last = System.nanoTime();

    ProgressReporter(PrintStream err) {
        this.err = err;
    }

    @Override
    public void progress(int sourcesDone, int sources, int documents, int found, int rejected) {
        long now = System.nanoTime();
        if (now - last < EVERY_NANOS || sourcesDone == sources) {
            return;
        }
        last = now;
        double seconds = (now - start) / 1e9;
        err.printf(Locale.ROOT, "ingest: %d/%d sources (%d documents), %d postings (%.0f/s), %d errors so far%n",
                sourcesDone, sources, documents, found, found / Math.max(seconds, 0.001), rejected);
    }
}
