package io.roleradar.ingest.identity;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a run's own records landed on the topic, per partition: the lowest and highest offset and
 * how many records. Filled from the producer's send callbacks (on its I/O thread), read after the
 * transaction committed; lets the checkpoint cover the run's own records (see
 * {@link #advance}).
 */
public final class WrittenOffsets {
    private final Map<Integer, long[]> byPartition = new HashMap<>();

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
     * follow one another right after the position (so nothing another producer wrote lies between
     * them, or before them, unread). Elsewhere the position stays, and the next start reads from
     * there again, which changes nothing (taking a record in twice is harmless).
     *
     * <p>"Right after" allows one offset between the position and the records where
     * {@code ownMarkers} names the partition: the position was moved past an earlier committed part
     * of this run there, and that part's commit marker took the next offset. The marker is known to
     * be at that offset because it was written after the part's last record and before this part's
     * first. Without this, every part of a run after the first would be read again at the next start.
     *
     * @param ownMarkers the partitions where the position stands at this run's own commit marker; on
     *                   return, the partitions moved here (this part's marker follows each of them)
     */
    public synchronized Map<Integer, Long> advance(Map<Integer, Long> positions, Set<Integer> ownMarkers) {
        Map<Integer, Long> moved = new TreeMap<>(positions);
        for (Map.Entry<Integer, Long> e : positions.entrySet()) {
            int p = e.getKey();
            long end = endIfRightAfter(p, e.getValue());
            if (end < 0 && ownMarkers.contains(p)) {
                end = endIfRightAfter(p, e.getValue() + 1);
            }
            // A partition this part did not write to keeps its position, and the marker stays its next offset.
            if (end >= 0) {
                moved.put(p, end);
                ownMarkers.add(p);
            } else if (byPartition.containsKey(p)) {
                ownMarkers.remove(p);
            }
        }
        ownMarkers.retainAll(positions.keySet());
        return moved;
    }
}
