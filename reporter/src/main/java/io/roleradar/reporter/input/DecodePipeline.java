package io.roleradar.reporter.input;

import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.PostingJson;
import io.roleradar.reporter.aggregate.LatestPostings;
import io.roleradar.reporter.aggregate.PostingFacts;

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
 * Decodes records on worker threads, one per core, while the next batch is fetched or read, and
 * applies the results to the latest postings strictly in the order the records came, so the latest
 * record of an id still wins. Decoding a tagged posting with the model's codec is most of a
 * report's time, so it runs on every core; the workers hand back only the small facts of each
 * record, so a batch in flight costs little memory. At most {@code maxBatchesInFlight} batches wait
 * to be applied.
 *
 * @param <T> what an input item is (a consumer record, a numbered line)
 */
final class DecodePipeline<T> implements AutoCloseable {
    private static final int CHUNK = 200;

    private final LatestPostings sink;
    private final Function<T, byte[]> keyOf;
    private final Function<T, byte[]> valueOf;
    private final Function<T, String> whereOf;
    private final ExecutorService workers;
    private final int maxBatchesInFlight;
    private final ArrayDeque<List<Future<List<Decoded>>>> inFlight = new ArrayDeque<>();

    /**
     * @param keyOf   the item's key (the posting id of a tombstone), or null
     * @param valueOf the item's value (JSON of a tagged posting), null for a tombstone
     * @param whereOf where the item was, for the manifest's list of unreadable records
     */
    DecodePipeline(LatestPostings sink, Function<T, byte[]> keyOf, Function<T, byte[]> valueOf,
                   Function<T, String> whereOf, int threads, int maxBatchesInFlight) {
        this.sink = sink;
        this.keyOf = keyOf;
        this.valueOf = valueOf;
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
        List<Future<List<Decoded>>> chunks = new ArrayList<>();
        for (int from = 0; from < records.size(); from += CHUNK) {
            List<T> chunk = records.subList(from, Math.min(records.size(), from + CHUNK));
            chunks.add(workers.submit(() -> chunk.stream().map(this::decode).toList()));
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
            return new Readable(sink.decode(value));
        } catch (InvalidMessageException e) {
            return new Unreadable(whereOf.apply(item), e, isRawPosting(value));
        }
    }

    /**
     * Whether a value the reporter cannot read is a raw posting (what ingest writes), given by
     * mistake for a tagged one: then the user needs to hear "run classify first", not a field
     * error. Tried only on values already refused, so a good input costs nothing.
     */
    private static boolean isRawPosting(byte[] value) {
        try {
            PostingJson.readRaw(value);
            return true;
        } catch (InvalidMessageException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** What a worker made of one record, applied to the latest postings in record order. */
    private sealed interface Decoded permits Readable, Tombstone, Unreadable {
        void applyTo(LatestPostings latest);
    }

    /** A tagged posting's facts. */
    private record Readable(PostingFacts facts) implements Decoded {
        @Override
        public void applyTo(LatestPostings latest) {
            latest.accept(facts);
        }
    }

    /** A null value: the posting of that id is deleted. */
    private record Tombstone(String id) implements Decoded {
        @Override
        public void applyTo(LatestPostings latest) {
            latest.remove(id);
        }
    }

    /** A value the codec refused, with its reason, and whether it is a raw posting. */
    private record Unreadable(String where, InvalidMessageException error, boolean rawPosting) implements Decoded {
        Unreadable(String where, InvalidMessageException error) {
            this(where, error, false);
        }

        @Override
        public void applyTo(LatestPostings latest) {
            if (rawPosting) {
                latest.acceptRawPosting(where);
            } else {
                latest.acceptRejected(where, error);
            }
        }
    }
}
