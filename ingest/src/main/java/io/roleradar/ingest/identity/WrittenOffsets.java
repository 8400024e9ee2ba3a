package io.roleradar.ingest.identity;

import java.util.HashMap;
import java.util.Map;

/**
 * Where a run's own records landed on the topic, per partition: the lowest and highest offset and
 * how many records. Filled from the producer's send callbacks (on its I/O thread), read after the
 * transaction committed; lets the checkpoint cover the run's own records (see
 * {@link StateCheckpoint.Saved#advancedPast}).
 */
public final class WrittenOffsets {
    private final Map<Integer, long[]> byPartition = new HashMap<>();

    /** Notes one record written at {@code offset} of {@code partition}. */
    public synchronized void add(int partition, long offset) {
        long[] span = byPartition.get(partition);
        if (span == null) {
            byPartition.put(partition, new long[] {offset, offset, 1});
        } else {
            span[0] = Math.min(span[0], offset);
            span[1] = Math.max(span[1], offset);
            span[2]++;
        }
    }

    /**
     * The offset just past the records written to {@code partition}, when they start at
     * {@code from} and follow one another with nothing else between them; else -1.
     */
    synchronized long endIfRightAfter(int partition, long from) {
        long[] span = byPartition.get(partition);
        if (span == null || span[0] != from || span[1] - span[0] + 1 != span[2]) {
            return -1;
        }
        return span[1] + 1;
    }

    public synchronized boolean isEmpty() {
        return byPartition.isEmpty();
    }
}
