package io.roleradar.reporter.input;

import io.roleradar.reporter.aggregate.Decoded;
import io.roleradar.reporter.aggregate.LatestPostings;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Decodes records on worker threads, one per core, while the next batch is fetched or read, and
 * applies the results to the latest postings strictly in the order the records came, so the latest
 * record of an id still wins. Decoding a tagged posting with the model's codec is most of a
 * report's time, so it runs on every core; the workers hand back only the small facts of each
 * record, so a batch in flight costs little memory. At most {@link #MAX_BATCHES_IN_FLIGHT} batches
 * wait to be applied.
 *
 * @param <T> what an input item is (a consumer record, a numbered line)
 */
final class DecodePipeline<T> implements AutoCloseable {
    private static final int CHUNK = 200;
    private static final int MAX_BATCHES_IN_FLIGHT = 2;
    /** One decoding thread per core: decoding is CPU-bound and the fetching thread mostly waits. */
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final LatestPostings sink;
    private final Function<T, byte[]> keyOf;
    private final Function<T, byte[]> valueOf;
    private final Function<T, String> whereOf;
    private final ExecutorService workers;
    private final ArrayDeque<List<Future<List<Decoded>>>> inFlight = new ArrayDeque<>();

    /**
     * @param keyOf   the item's key (the posting id of a tombstone), or null
     * @param valueOf the item's value (JSON of a tagged posting), null for a tombstone
     * @param whereOf where the item was, for the manifest's list of unreadable records
     */
    DecodePipeline(LatestPostings sink, Function<T, byte[]> keyOf, Function<T, byte[]> valueOf,
                   Function<T, String> whereOf) {
        this.sink = sink;
        this.keyOf = keyOf;
        this.valueOf = valueOf;
        this.whereOf = whereOf;
        this.workers = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "reporter-decode");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues the records for decoding; applies the oldest batches when too many are waiting. */
    void submit(List<T> records) {
        List<Future<List<Decoded>>> chunks = new ArrayList<>();
        for (int from = 0; from < records.size(); from += CHUNK) {
            List<T> chunk = records.subList(from, Math.min(records.size(), from + CHUNK));
            chunks.add(workers.submit(() -> chunk.stream().map(this::decode).toList()));
        }
        inFlight.add(chunks);
        while (inFlight.size() > MAX_BATCHES_IN_FLIGHT) {
            applyOldest();
        }
    }

    /** Applies everything still in flight. */
    void finish() {
        while (!inFlight.isEmpty()) {
            applyOldest();
        }
    }

    private void applyOldest() {
        for (Future<List<Decoded>> chunk : inFlight.removeFirst()) {
            try {
                chunk.get().forEach(d -> d.applyTo(sink));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicSnapshotReader.InterruptedRead("interrupted while decoding");
            } catch (ExecutionException e) {
                throw new IllegalStateException("decoding failed unexpectedly: " + e.getCause(), e.getCause());
            }
        }
    }

    private Decoded decode(T item) {
        return Decoded.of(keyOf.apply(item), valueOf.apply(item), () -> whereOf.apply(item), sink::decode);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
