package io.roleradar.reporter.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.PostingJson;
import io.roleradar.model.TaggedPosting;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state the reports are made from: the latest tags of each posting id, as {@link PostingFacts},
 * built incrementally one record at a time in topic (or file) order. A later record for an id
 * replaces the earlier one, a tombstone (null value) removes it, and an unreadable record is
 * counted with its reason and kept in a capped list for the manifest; the run goes on. The facts are
 * kept on disk in a {@link FactsStore} (RocksDB), not on the heap, so the postings a report can
 * cover are bounded by the disk; the heap keeps only the counts. Close it to delete the store.
 *
 * <p>On a persistent store ({@code reporter follow}) the counts are kept in the store too:
 * {@link #commit} writes the facts applied since the last commit, the counts and the offsets read
 * up to in one atomic write, and {@link #resume} reads them back, so the manifest of a report made
 * after a restart counts every record once, as a batch run over the same topic does.
 */
public final class LatestPostings implements AutoCloseable {
    /** How many rejections the manifest lists one by one; the counts always cover all of them. */
    public static final int MAX_LISTED_REJECTIONS = 1000;

    private final FactsStore store;
    private final Interner interner = new Interner();
    private final Map<InvalidMessageException.Reason, Long> rejectedByReason =
            new EnumMap<>(InvalidMessageException.Reason.class);
    private final List<Rejection> rejections = new ArrayList<>();
    private final Map<String, Long> taxonomyVersions = new TreeMap<>();
    private long records;
    private long rawPostings;
    private long tombstones;
    /** Readable records applied, and tombstones that removed a posting: with the store's size, they give the replaced. */
    private long accepted;
    private long removedExisting;
    /** Distinct ids in the store, or -1 until counted again after a change. */
    private int size;
    /** Rejections already in a persistent store's meta data: the rest are written at the next commit. */
    private int rejectionsCommitted;

    // Keys of a persistent store's meta data.
    private static final String COUNTS = "counts";
    private static final String OFFSETS = "offset/";
    private static final String REJECTIONS = "rejection/";
    private static final String LABEL = "label/";

    /** Latest postings in {@code store}, which this closes on {@link #close()}. */
    public LatestPostings(FactsStore store) {
        this.store = store;
    }

    /**
     * The latest postings of a persistent store as its last commit left them: the facts on disk,
     * and the counts (records, tombstones, rejections, taxonomy versions) read back from its meta
     * data. A new store starts at zero.
     */
    public static LatestPostings resume(FactsStore store) {
        if (!store.persistent()) {
            throw new IllegalArgumentException("only a persistent store is resumed");
        }
        LatestPostings latest = new LatestPostings(store);
        latest.restoreCounts();
        return latest;
    }

    private void restoreCounts() {
        rejectedByReason.clear();
        rejections.clear();
        taxonomyVersions.clear();
        size = -1;
        byte[] saved = store.meta(utf8(COUNTS));
        if (saved == null) {
            records = rawPostings = tombstones = accepted = removedExisting = 0;
            rejectionsCommitted = 0;
            return;
        }
        JsonNode c = io.roleradar.model.PostingJson.tree(new String(saved, StandardCharsets.UTF_8));
        records = c.path("records").asLong();
        rawPostings = c.path("rawPostings").asLong();
        tombstones = c.path("tombstones").asLong();
        accepted = c.path("accepted").asLong();
        removedExisting = c.path("removedExisting").asLong();
        c.path("rejectedByReason").fields().forEachRemaining(e ->
                rejectedByReason.put(InvalidMessageException.Reason.valueOf(e.getKey()), e.getValue().asLong()));
        c.path("taxonomyVersions").fields().forEachRemaining(e -> taxonomyVersions.put(e.getKey(), e.getValue().asLong()));
        try (FactsStore.Cursor r = store.metaEntries(utf8(REJECTIONS))) {
            while (r.next()) {
                JsonNode j = io.roleradar.model.PostingJson.tree(new String(r.value(), StandardCharsets.UTF_8));
                rejections.add(new Rejection(j.path("where").asText(), j.path("reason").asText(),
                        j.path("message").asText()));
            }
        }
        rejectionsCommitted = rejections.size();
    }

    /**
     * Writes what was applied since the last commit, the counts, {@code offsets} and {@code labels}
     * to a persistent store in one atomic write: the store never holds facts without the offsets
     * they were read up to, nor counts without their facts.
     *
     * @param offsets how far each partition has been read (partitions not named keep their offsets)
     * @param labels  other meta data to keep with them (the topic followed), or empty
     */
    public void commit(Collection<PartitionOffsets> offsets, Map<String, String> labels) {
        Map<byte[], byte[]> meta = new LinkedHashMap<>();
        ObjectNode c = io.roleradar.model.PostingJson.mapper().createObjectNode();
        c.put("records", records).put("rawPostings", rawPostings).put("tombstones", tombstones)
                .put("accepted", accepted).put("removedExisting", removedExisting);
        ObjectNode reasons = c.putObject("rejectedByReason");
        rejectedByReason.forEach((r, n) -> reasons.put(r.name(), n));
        ObjectNode versions = c.putObject("taxonomyVersions");
        taxonomyVersions.forEach(versions::put);
        meta.put(utf8(COUNTS), utf8(c.toString()));
        for (int i = rejectionsCommitted; i < rejections.size(); i++) {
            Rejection r = rejections.get(i);
            ObjectNode j = io.roleradar.model.PostingJson.mapper().createObjectNode()
                    .put("where", r.where()).put("reason", r.reason()).put("message", r.message());
            // A fixed-width index, so the rejections come back in the order they were read.
            meta.put(ByteBuffer.allocate(REJECTIONS.length() + 4).put(utf8(REJECTIONS)).putInt(i).array(),
                    utf8(j.toString()));
        }
        for (PartitionOffsets o : offsets) {
            meta.put(offsetKey(o.partition()), ByteBuffer.allocate(16).putLong(o.start()).putLong(o.next()).array());
        }
        labels.forEach((k, v) -> meta.put(utf8(LABEL + k), v == null ? null : utf8(v)));
        store.commit(meta);
        rejectionsCommitted = rejections.size();
    }

    /**
     * Drops what was applied since the last commit and puts the counts back as they were then (a
     * read that failed half-way is read again from the committed offsets).
     */
    public void rollback() {
        store.rollback();
        restoreCounts();
    }

    /** How far each partition was read at the last commit, by partition. */
    public Map<Integer, PartitionOffsets> committedOffsets() {
        Map<Integer, PartitionOffsets> out = new TreeMap<>();
        try (FactsStore.Cursor c = store.metaEntries(utf8(OFFSETS))) {
            while (c.next()) {
                int partition = ByteBuffer.wrap(c.key(), OFFSETS.length(), 4).getInt();
                ByteBuffer v = ByteBuffer.wrap(c.value());
                out.put(partition, new PartitionOffsets(partition, v.getLong(), v.getLong()));
            }
        }
        return out;
    }

    /** A label kept with the last commit, or null. */
    public String label(String key) {
        byte[] v = store.meta(utf8(LABEL + key));
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    private static byte[] offsetKey(int partition) {
        return ByteBuffer.allocate(OFFSETS.length() + 4).put(utf8(OFFSETS)).putInt(partition).array();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Where the facts are kept. */
    public FactsStore store() {
        return store;
    }

    /** Closes the store (and deletes it unless it is kept); the counts stay readable. */
    @Override
    public void close() {
        try {
            if (!store.uncommitted()) {
                size(); // counted while the store is open, for the summary after the run
            }
        } finally {
            store.close();
        }
    }

    /** Reads one value (JSON bytes of a tagged posting) found at {@code where}. */
    public void accept(byte[] value, String where) {
        PostingFacts facts;
        try {
            facts = decode(value);
        } catch (InvalidMessageException e) {
            acceptRejected(where, e);
            return;
        }
        accept(facts);
    }

    /**
     * The facts of one value, decoded by the model's codec ({@link PostingJson#readTagged}), which
     * refuses what is not a valid tagged posting with its reason. Safe to call from several threads
     * at once, so decoding can run in parallel; the result is then applied in record order with
     * {@link #accept(PostingFacts)}.
     */
    public PostingFacts decode(byte[] value) throws InvalidMessageException {
        return factsOf(PostingJson.readTagged(value));
    }

    /** The facts of a decoded posting; thread-safe, like {@link #decode}. */
    public PostingFacts factsOf(TaggedPosting tagged) {
        return PostingFacts.of(tagged, interner);
    }

    /** Applies the facts of one readable record (counted as one record), in record order. */
    public void accept(PostingFacts facts) {
        records++;
        taxonomyVersions.merge(facts.taxonomyVersion(), 1L, Long::sum);
        // No read before the write: whether it replaced a posting follows from the counts
        // (replaced = applied - distinct at the end - removed by tombstones), so a record costs one put.
        accepted++;
        size = -1;
        store.putLatest(facts.text().idUtf8(), FactsCodec.encode(facts));
    }

    /** Counts a record that could not be decoded, without storing anything for it. */
    public void acceptRejected(String where, InvalidMessageException e) {
        records++;
        rejectedByReason.merge(e.reason(), 1L, Long::sum);
        if (rejections.size() < MAX_LISTED_REJECTIONS) {
            rejections.add(new Rejection(where, e.reason().name(), message(e)));
        }
    }

    /**
     * Counts a raw posting (what ingest writes) found where a tagged one belongs: unreadable, with
     * the reason the user can act on.
     */
    public void acceptRawPosting(String where) {
        rawPostings++;
        acceptRejected(where, new InvalidMessageException(InvalidMessageException.Reason.INVALID_FIELD,
                RAW_POSTING_MESSAGE, null));
    }

    /** What the manifest says of a raw posting given for a tagged one. */
    public static final String RAW_POSTING_MESSAGE = "a raw posting, not a tagged one: run classify first";

    /** Raw postings among the unreadable records. */
    public long rawPostings() {
        return rawPostings;
    }

    /** Records that were readable tagged postings (latest or not). */
    public long readable() {
        return records - rejected() - tombstones;
    }

    /** The codec's message; it has none for a few failures (a null list item), and the manifest should say something. */
    public static String message(InvalidMessageException e) {
        if (e.getMessage() != null) {
            return e.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "refused without a message (" + root.getClass().getSimpleName() + ")";
    }

    /** A tombstone: the posting is gone from a compacted topic, so it leaves the reports too. */
    public void remove(String id) {
        records++;
        tombstones++;
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        if (store.latest(key) != null) {
            store.deleteLatest(key);
            removedExisting++;
            size = -1;
        }
    }

    /** Calls {@code action} with each posting's latest facts, in id order (UTF-8 bytes). */
    public void forEachFacts(java.util.function.Consumer<PostingFacts> action) {
        try (FactsStore.Cursor c = store.latest()) {
            while (c.next()) {
                action.accept(FactsCodec.decode(c.value()));
            }
        }
    }

    /** Distinct posting ids held. */
    public int size() {
        if (size < 0) {
            int n = 0;
            try (FactsStore.Cursor c = store.latest()) {
                while (c.next()) {
                    n++;
                }
            }
            size = n;
        }
        return size;
    }

    /** The count a pass over every posting made, so {@link #size()} needs no pass of its own. */
    void counted(int distinct) {
        size = distinct;
    }

    /** Records read, readable or not, tombstones included. */
    public long records() {
        return records;
    }

    public long tombstones() {
        return tombstones;
    }

    /** Records that replaced an earlier record of the same id. */
    public long replaced() {
        return accepted - size() - removedExisting;
    }

    public long rejected() {
        return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<String, Long> rejectedByReason() {
        Map<String, Long> out = new TreeMap<>();
        rejectedByReason.forEach((r, n) -> out.put(r.name(), n));
        return out;
    }

    public List<Rejection> rejections() {
        return Collections.unmodifiableList(rejections);
    }

    /** Taxonomy versions of every readable record, with how many records carried each. */
    public Map<String, Long> taxonomyVersions() {
        return Collections.unmodifiableMap(taxonomyVersions);
    }

    /** The latest facts of a posting id, or null. */
    public PostingFacts get(String id) {
        byte[] value = store.latest(id.getBytes(StandardCharsets.UTF_8));
        return value == null ? null : FactsCodec.decode(value);
    }
}
