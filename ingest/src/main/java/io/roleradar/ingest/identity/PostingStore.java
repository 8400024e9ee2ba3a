package io.roleradar.ingest.identity;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatchWithIndex;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What has been published to {@code postings.raw}, kept on disk in RocksDB so that it does not
 * grow the heap with the topic: per posting id its {@link Fingerprint} and the board that lists
 * it; per content key the id it was published under; per board the postings it lists as open
 * (with their last published value, to publish them again as closed); and the topic id and
 * positions the store covers. The topic stays the source of truth: {@link TopicStateLoader} brings
 * the store up to date from those positions, or rebuilds it from the whole topic when it is
 * missing, of another topic, or its positions are no longer in the topic.
 *
 * <p>Changes go through a {@link Batch}, written atomically with the positions they cover, so
 * the store never claims to cover records it has not taken in. Not thread-safe.
 */
public final class PostingStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostingStore.class);
    private static final byte[] TOPIC_ID = "topic-id".getBytes(StandardCharsets.UTF_8);
    private static final String POSITION = "position:";
    /** The column families of what is known of postings, in the order of the fields that hold them. */
    private static final List<String> POSTING_FAMILIES = List.of("ids", "contents", "open");

    static {
        RocksDB.loadLibrary();
    }

    /** What the store knows of one published posting. {@code board} is null for a posting no board lists. */
    public record Entry(Fingerprint fingerprint, String board) {
    }

    private final Path dir;
    private final boolean temporary;
    private final DBOptions options;
    private final ColumnFamilyOptions columnOptions;
    private final LRUCache cache;
    private final RocksDB db;
    // Not final: clear() replaces the column families of postings with new, empty ones.
    private ColumnFamilyHandle ids;
    private ColumnFamilyHandle contents;
    private ColumnFamilyHandle open;
    private final ColumnFamilyHandle meta;
    private final List<ColumnFamilyHandle> handles;
    private final WriteOptions writeOptions = new WriteOptions();
    private final ReadOptions readOptions = new ReadOptions();
    private boolean closed;

    private PostingStore(Path dir, boolean temporary) throws RocksDBException {
        this.dir = dir;
        this.temporary = temporary;
        this.cache = new LRUCache(32L << 20);
        this.columnOptions = new ColumnFamilyOptions()
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setWriteBufferSize(16L << 20)
                .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache));
        this.options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                .setInfoLogLevel(InfoLogLevel.WARN_LEVEL).setKeepLogFileNum(2).setMaxOpenFiles(256);
        List<ColumnFamilyDescriptor> descriptors = Stream.concat(Stream.of("default"), POSTING_FAMILIES.stream())
                .map(this::descriptor).toList();
        this.handles = new ArrayList<>();
        this.db = RocksDB.open(options, dir.toString(), descriptors, handles);
        this.meta = handles.get(0);
        this.ids = handles.get(1);
        this.contents = handles.get(2);
        this.open = handles.get(3);
    }

    /**
     * Opens (or creates) the store in {@code dir}. When another process holds it, this process gets
     * a temporary store of its own instead (rebuilt from the topic, deleted on close), with a
     * warning: two ingest processes must not share one store, and neither should fail for it.
     *
     * @throws UncheckedIOException when the folder cannot be created or the store cannot be opened
     */
    public static PostingStore open(Path dir) {
        try {
            Files.createDirectories(dir);
            return new PostingStore(dir, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state folder " + dir + ": " + e.getMessage(), e);
        } catch (RocksDBException e) {
            if (e.getMessage() == null || !e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("lock")) {
                throw new UncheckedIOException(new IOException("cannot open the state store in " + dir + ": "
                        + e.getMessage(), e));
            }
            LOG.warn("the state store in {} is in use by another ingest process; this one uses a temporary store, "
                    + "rebuilt from the topic (give each process its own --state-dir)", dir);
            return temporary();
        }
    }

    /** A store in a new temporary folder, deleted on {@link #close()}. */
    public static PostingStore temporary() {
        try {
            return new PostingStore(Files.createTempDirectory("roleradar-ingest-state"), true);
        } catch (IOException | RocksDBException e) {
            throw new UncheckedIOException(new IOException("cannot create a temporary state store: " + e.getMessage(), e));
        }
    }

    public Path dir() {
        return dir;
    }

    /** What is known of a published id, or null. */
    public Entry entry(String id) {
        return decode(get(ids, utf8(id)));
    }

    /** The id a posting with this content key was published under, or null. */
    public String idWithContent(long contentKey) {
        byte[] id = get(contents, longKey(contentKey));
        return id == null ? null : new String(id, StandardCharsets.UTF_8);
    }

    /** The postings {@code board} lists as open, by id, each with its last published value. */
    public Map<String, byte[]> openOn(String board) {
        Map<String, byte[]> found = new LinkedHashMap<>();
        byte[] prefix = utf8(board + '\0');
        try (RocksIterator it = db.newIterator(open, readOptions)) {
            for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
                byte[] key = it.key();
                found.put(new String(key, prefix.length, key.length - prefix.length, StandardCharsets.UTF_8), it.value());
            }
        }
        return found;
    }

    /** The id of the topic the store covers, or null when it covers none yet. */
    public String topicId() {
        byte[] v = get(meta, TOPIC_ID);
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    /** Per partition, the offset up to which (exclusive) the store has taken in the topic. */
    public Map<Integer, Long> positions() {
        Map<Integer, Long> positions = new TreeMap<>();
        byte[] prefix = utf8(POSITION);
        try (RocksIterator it = db.newIterator(meta, readOptions)) {
            for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
                String partition = new String(it.key(), prefix.length, it.key().length - prefix.length, StandardCharsets.UTF_8);
                positions.put(Integer.parseInt(partition), ByteBuffer.wrap(it.value()).getLong());
            }
        }
        return positions;
    }

    /** How many ids the store knows, as RocksDB estimates it (for log lines). */
    public long size() {
        return rocks(() -> db.getLongProperty(ids, "rocksdb.estimate-num-keys"));
    }

    /**
     * Forgets everything, before a rebuild from the topic. The postings' column families are dropped
     * and made anew rather than emptied by range deletes: RocksDB's key estimate ({@link #size()})
     * does not subtract range deletes, so after a rebuild it counted the old postings as well as the
     * new ones; a dropped family also gives its disk space back at once.
     */
    public void clear() {
        List<ColumnFamilyHandle> fresh = new ArrayList<>();
        fresh.add(meta);
        for (int i = 0; i < POSTING_FAMILIES.size(); i++) {
            ColumnFamilyHandle old = handles.get(i + 1);
            String name = POSTING_FAMILIES.get(i);
            fresh.add(rocks(() -> {
                db.dropColumnFamily(old);
                old.close();
                return db.createColumnFamily(descriptor(name));
            }));
        }
        handles.clear();
        handles.addAll(fresh);
        ids = handles.get(1);
        contents = handles.get(2);
        open = handles.get(3);
        // RocksDB cannot drop the default family; its few keys (topic id, positions) go by a range delete.
        try (RocksIterator it = db.newIterator(meta, readOptions)) {
            it.seekToFirst();
            if (it.isValid()) {
                byte[] first = it.key();
                it.seekToLast();
                byte[] last = it.key();
                rocks(() -> {
                    db.deleteRange(meta, first, last);
                    db.delete(meta, last);
                    return null;
                });
            }
        }
    }

    private ColumnFamilyDescriptor descriptor(String name) {
        return new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), columnOptions);
    }

    public Batch batch() {
        return new Batch();
    }

    /** Changes to the store, read back by later calls of the same batch, written at once on {@link #commit()}. */
    public final class Batch implements AutoCloseable {
        private final WriteBatchWithIndex batch = new WriteBatchWithIndex(true);

        /**
         * Records a published posting: its fingerprint, its content key's id, and whether {@code board}
         * lists it open ({@code value} being what was published), dropping what an earlier version of
         * the posting left behind.
         */
        public void published(String id, Fingerprint fingerprint, String board, byte[] value) {
            byte[] key = utf8(id);
            Entry old = decode(read(ids, key));
            if (old != null) {
                byte[] oldContent = longKey(old.fingerprint().contentKey());
                if (old.fingerprint().contentKey() != fingerprint.contentKey()
                        && Arrays.equals(read(contents, oldContent), key)) {
                    delete(contents, oldContent);
                }
                if (old.board() != null && !old.board().equals(board)) {
                    delete(open, openKey(old.board(), id));
                }
            }
            put(ids, key, encode(new Entry(fingerprint, board)));
            put(contents, longKey(fingerprint.contentKey()), key);
            if (board != null) {
                if (fingerprint.closed()) {
                    delete(open, openKey(board, id));
                } else {
                    put(open, openKey(board, id), value);
                }
            }
        }

        /** Forgets an id, for a tombstone on the topic. */
        public void forget(String id) {
            byte[] key = utf8(id);
            Entry old = decode(read(ids, key));
            if (old == null) {
                return;
            }
            delete(ids, key);
            byte[] content = longKey(old.fingerprint().contentKey());
            if (Arrays.equals(read(contents, content), key)) {
                delete(contents, content);
            }
            if (old.board() != null) {
                delete(open, openKey(old.board(), id));
            }
        }

        /** The topic and positions the store covers once this batch is written. */
        public void covers(String topicId, Map<Integer, Long> positions) {
            put(meta, TOPIC_ID, utf8(topicId));
            positions.forEach((partition, offset) ->
                    put(meta, utf8(POSITION + partition), ByteBuffer.allocate(8).putLong(offset).array()));
        }

        public void commit() {
            rocks(() -> {
                db.write(writeOptions, batch);
                return null;
            });
        }

        @Override
        public void close() {
            batch.close();
        }

        private byte[] read(ColumnFamilyHandle cf, byte[] key) {
            return rocks(() -> batch.getFromBatchAndDB(db, cf, readOptions, key));
        }

        private void put(ColumnFamilyHandle cf, byte[] key, byte[] value) {
            rocks(() -> {
                batch.put(cf, key, value);
                return null;
            });
        }

        private void delete(ColumnFamilyHandle cf, byte[] key) {
            rocks(() -> {
                batch.delete(cf, key);
                return null;
            });
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ColumnFamilyHandle h : handles) {
            h.close();
        }
        db.close();
        options.close();
        columnOptions.close();
        cache.close();
        writeOptions.close();
        readOptions.close();
        if (temporary) {
            try (Options o = new Options()) {
                RocksDB.destroyDB(dir.toString(), o);
                Files.deleteIfExists(dir);
            } catch (RocksDBException | IOException e) {
                LOG.warn("cannot delete the temporary state store {}: {}", dir, e.toString());
            }
        }
    }

    private byte[] get(ColumnFamilyHandle cf, byte[] key) {
        return rocks(() -> db.get(cf, readOptions, key));
    }

    private interface RocksCall<T> {
        T call() throws RocksDBException;
    }

    /** Runs a RocksDB call; its failure (a full or broken disk) ends the run, saying where the store is. */
    private <T> T rocks(RocksCall<T> call) {
        try {
            return call.call();
        } catch (RocksDBException e) {
            throw new IllegalStateException("the state store in " + dir + " failed: " + e.getMessage(), e);
        }
    }

    /** An entry as stored: the fingerprint (see {@link Fingerprint#writeTo}), then the board (may be empty). */
    private static byte[] encode(Entry e) {
        byte[] board = e.board() == null ? new byte[0] : utf8(e.board());
        return e.fingerprint().writeTo(ByteBuffer.allocate(Fingerprint.BYTES + board.length)).put(board).array();
    }

    private static Entry decode(byte[] v) {
        if (v == null) {
            return null;
        }
        Fingerprint f = Fingerprint.readFrom(ByteBuffer.wrap(v));
        int n = Fingerprint.BYTES;
        return new Entry(f, v.length > n ? new String(v, n, v.length - n, StandardCharsets.UTF_8) : null);
    }

    private static byte[] openKey(String board, String id) {
        return utf8(board + '\0' + id);
    }

    private static byte[] longKey(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }
}
