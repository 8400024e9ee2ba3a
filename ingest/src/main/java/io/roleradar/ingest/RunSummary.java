package io.roleradar.ingest;

import io.roleradar.ingest.parse.Rejected;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The end-of-run summary on stderr: found, unique, duplicates, published, unchanged and rejected
 * by reason, then the first rejects with their sources and reasons so a user can act on them.
 *
 * @param published how many postings were published (or written); of an aborted run, how many its
 *                  committed parts published before the stop
 * @param unchanged how many were already published with the same content
 * @param aborted   true when a stop ended the run before its work was done
 */
public record RunSummary(ReadResult read, int published, int unchanged, Duration took, int closed, int reopened,
                         boolean aborted) {
    private static final int SHOWN_REJECTS = 20;

    public RunSummary(ReadResult read, int published, int unchanged, Duration took) {
        this(read, published, unchanged, took, 0, 0, false);
    }

    /**
     * This summary, saying that {@code closedCount} postings gone from their boards were published as
     * closed and {@code reopenedCount} listed again were published open.
     */
    public RunSummary closed(int closedCount, int reopenedCount) {
        return new RunSummary(read, published, unchanged, took, closedCount, reopenedCount, aborted);
    }

    /** This summary of a run a stop ended, {@code published} being what its committed parts published. */
    public RunSummary stopped() {
        return new RunSummary(read, published, unchanged, took, closed, reopened, true);
    }

    /** " (5 of them closed, 1 reopened)", or nothing when none was. */
    private String ofThem() {
        if (closed == 0 && reopened == 0) {
            return "";
        }
        return " (" + (closed > 0 ? closed + " of them closed" : "") + (closed > 0 && reopened > 0 ? ", " : "")
                + (reopened > 0 ? reopened + (closed > 0 ? "" : " of them") + " reopened" : "") + ")";
    }

    public void print(PrintStream err) {
        StringBuilder line = new StringBuilder();
        line.append(String.format(Locale.ROOT, "ingest: run %s in %.1f s: %d found, %d unique, %d duplicates, ",
                aborted ? "aborted" : "finished", took.toMillis() / 1000.0, read.found(), read.unique(),
                read.duplicates()));
        line.append(aborted && published == 0 ? "nothing published" : published + " published")
                .append(aborted && published > 0 ? " before the stop (the next run publishes the rest)" : "")
                .append(aborted ? "" : ofThem()).append(", ")
                .append(unchanged).append(" unchanged, ").append(read.rejected().size()).append(" rejected");
        Map<String, Integer> byKind = read.rejectedByKind();
        if (!byKind.isEmpty()) {
            line.append(byKind.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", ", " (", ")")));
        }
        err.println(line);
        int shown = 0;
        for (Rejected r : read.rejected()) {
            if (shown++ == SHOWN_REJECTS) {
                err.println("  ... and " + (read.rejected().size() - SHOWN_REJECTS) + " more rejects");
                break;
            }
            err.println("  rejected " + r);
        }
    }
}
