package io.roleradar.ingest.identity;

import java.util.HashMap;
import java.util.Map;

/**
 * Where a run's own records landed on the topic, per partition: the lowest and highest offset and
 * how many records. Filled from the producer's send callbacks (on its I/O thread), read after the
 * transaction committed; lets the checkpoint cover the run's own records (see
 * {@link #advance}).
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

    /**
     * {@code positions}, moved past the run's own records in each partition where those records
     * start right at the position and follow one another (so nothing another producer wrote lies
     * between them, or before them, unread). Elsewhere the position stays, and the next start
     * reads from there again, which changes nothing (taking a record in twice is harmless).
     */
    public Map<Integer, Long> advance(Map<Integer, Long> positions) {
        Map<Integer, Long> moved = new java.util.TreeMap<>(positions);
        for (Map.Entry<Integer, Long> e : positions.entrySet()) {
            long end = endIfRightAfter(e.getKey(), e.getValue());
            if (end >= 0) {
                moved.put(e.getKey(), end);
            }
        }
        return moved;
    }

    public synchronized boolean isEmpty() {
        return byPartition.isEmpty();
    }
}
