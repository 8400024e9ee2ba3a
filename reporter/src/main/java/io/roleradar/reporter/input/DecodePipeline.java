package io.roleradar.reporter.input;

import io.roleradar.model.InvalidMessageException;
import io.roleradar.reporter.aggregate.LatestPostings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Decodes polled records on worker threads while the consumer fetches the next batch, and applies
 * the results to the latest postings strictly in the order the records were polled, so the latest
 * record of an id still wins. Decoding ({@link TaggedFactsReader}: the summary header, or the JSON
 * value straight into compact facts) was most of a report's time when every value was JSON, and
 * still is for files and for records without the header; the workers return only the small facts,
 * so a batch in flight costs little memory. At most {@code maxBatchesInFlight} batches wait to be applied.
 *
 * @param <T> what an input item is (a consumer record, a numbered line)
 */
final class DecodePipeline<T> implements AutoCloseable {
    private static final int CHUNK = 200;

    private final LatestPostings sink;
    private final TaggedFactsReader reader;
    private final Function<T, byte[]> keyOf;
    private final Function<T, byte[]> valueOf;
    private final Function<T, byte[]> summaryOf;
    private final Function<T, String> whereOf;
    private final ExecutorService workers;
    private final int maxBatchesInFlight;
    private final ArrayDeque<List<Future<Object[]>>> inFlight = new ArrayDeque<>();

    /**
     * @param keyOf   the item's key (the posting id of a tombstone), or null
     * @param valueOf the item's value (JSON of a tagged posting), null for a tombstone
     * @param summaryOf the item's summary header ({@link io.roleradar.model.TagSummary}), or null
     * @param whereOf where the item was, for the manifest's list of unreadable records
     */
    DecodePipeline(LatestPostings sink, Function<T, byte[]> keyOf, Function<T, byte[]> valueOf,
                   Function<T, byte[]> summaryOf, Function<T, String> whereOf, int threads, int maxBatchesInFlight) {
        this.sink = sink;
        this.reader = new TaggedFactsReader(sink.interner());
        this.keyOf = keyOf;
        this.valueOf = valueOf;
        this.summaryOf = summaryOf;
        this.whereOf = whereOf;
        this.maxBatchesInFlight = maxBatchesInFlight;
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "reporter-decode");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues the records for decoding; applies the oldest batches when too many are waiting. */
    void submit(List<T> records) {
        List<Future<Object[]>> chunks = new ArrayList<>();
        for (int from = 0; from < records.size(); from += CHUNK) {
            List<T> chunk = records.subList(from, Math.min(records.size(), from + CHUNK));
            chunks.add(workers.submit(() -> decode(chunk)));
        }
        inFlight.add(chunks);
        while (inFlight.size() > maxBatchesInFlight) {
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
        for (Future<Object[]> chunk : inFlight.removeFirst()) {
            Object[] results;
            try {
                results = chunk.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicSnapshotReader.InterruptedRead("interrupted while decoding");
            } catch (ExecutionException e) {
                throw new IllegalStateException("decoding failed unexpectedly: " + e.getCause(), e.getCause());
            }
            for (Object r : results) {
                if (r instanceof io.roleradar.reporter.aggregate.PostingFacts facts) {
                    sink.accept(facts);
                } else if (r instanceof Tombstone t) {
                    sink.remove(t.id());
                } else {
                    Unreadable u = (Unreadable) r;
                    sink.acceptRejected(u.where(), u.error());
                }
            }
        }
    }

    private Object[] decode(List<T> chunk) {
        Object[] out = new Object[chunk.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = decode(chunk.get(i));
        }
        return out;
    }

    private Object decode(T item) {
        byte[] value = valueOf.apply(item);
        if (value == null) {
            byte[] key = keyOf.apply(item);
            if (key != null) {
                return new Tombstone(new String(key, StandardCharsets.UTF_8));
            }
            return new Unreadable(whereOf.apply(item), new InvalidMessageException(
                    InvalidMessageException.Reason.MALFORMED_JSON, "a record with neither key nor value", null));
        }
        try {
            return reader.read(value, summaryOf.apply(item));
        } catch (InvalidMessageException e) {
            return new Unreadable(whereOf.apply(item), e);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private record Tombstone(String id) {
    }

    private record Unreadable(String where, InvalidMessageException error) {
    }
}
