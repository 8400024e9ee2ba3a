package io.roleradar.reporter.aggregate;

import org.rocksdb.AbstractWriteBatch;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
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
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBatchWithIndex;
import org.rocksdb.WriteOptions;

import io.roleradar.cli.LogLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reporter's state on disk: the latest {@link PostingFacts} of every posting id (column family
 * {@code default}, keyed by the id's UTF-8 bytes, so iterating gives postings.csv's order) and the
 * scratch data a report is folded from ({@code work}: postings by company, postings by role, each
 * posting's role, pay by group; see {@link MarketReport}). RocksDB, the engine ingest's state store
 * uses too: what grows with the topic is on disk, the heap keeps only what one company or one role
 * needs at a time. Every report reads its snapshot whole, so the store is made afresh for each run
 * and nothing is recovered from it: the write-ahead log is off, and a store found in the folder at
 * the start is destroyed first. Deleted (with RocksDB's own {@code destroyDB}, which removes only
 * its files) on {@link #close()}, unless kept; a store never closed (a test's) is closed and deleted
 * when it is collected or the JVM exits. Not thread-safe.
 *
 * <p>A <b>persistent</b> store ({@link #openPersistent}, for {@code reporter follow}) is the other
 * way round: it is kept current across runs, so it is reopened as found, written with the
 * write-ahead log, compacted as usual, and has a third column family, {@code meta}, for what must
 * change with the facts (the next offset of each partition, the counts of the manifest). Its
 * changes wait in one indexed batch (reads see them) until {@link #commit} writes them together
 * with the meta entries in one atomic write: a crash leaves the facts and the offsets they came up
 * to as they were at one commit, never one without the other.
 */
public final class FactsStore implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();
    /** Stores to delete at exit if nobody closed them. */
    private static final Set<Resources> OPEN = ConcurrentHashMap.newKeySet();
    /** Entries per write batch of the scratch data. */
    private static final int BATCH = 1_000;

    static {
        RocksDB.loadLibrary();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Resources r : OPEN.toArray(new Resources[0])) {
                r.run();
            }
        }, "reporter-store-cleanup"));
    }

    private final Resources resources;
    private final Cleaner.Cleanable cleanable;
    private int serial;
    /** Puts of the latest facts not written yet (deletes too, in a persistent store). */
    private final AbstractWriteBatch pending;
    private int pendingCount;

    private FactsStore(Path dir, boolean keep, boolean persistent) throws RocksDBException {
        this.resources = new Resources(dir, keep, persistent);
        this.cleanable = CLEANER.register(this, resources);
        OPEN.add(resources);
        // Indexed only where reads must see writes not committed yet (a tombstone after a put of
        // the same id in one poll); a report's bulk load keeps the cheaper plain batch.
        this.pending = persistent ? new WriteBatchWithIndex(true) : new WriteBatch();
    }

    /**
     * The persistent store in {@code dir} ({@code reporter follow --state-dir}): opened as it is, or
     * created empty when there is none. Never deleted on close. The scratch data of a report cut off
     * by a crash is dropped on opening.
     */
    public static FactsStore openPersistent(Path dir) {
        try {
            Files.createDirectories(dir);
            FactsStore store = new FactsStore(dir, true, true);
            store.clearScratch();
            return store;
        } catch (IOException | RocksDBException e) {
            throw cannotOpen(dir, e);
        }
    }

    private static UncheckedIOException cannotOpen(Path dir, Exception e) {
        if (e instanceof IOException io) {
            return new UncheckedIOException("cannot create the reporter's state folder " + dir + ": " + e.getMessage(), io);
        }
        return new UncheckedIOException(new IOException("cannot open the reporter's state store in " + dir + ": "
                + e.getMessage() + (lockHeld((RocksDBException) e) ? " (another reporter uses it: give each its own "
                + "--state-dir)" : ""), e));
    }

    /** Whether this store is kept current across runs ({@link #openPersistent}). */
    public boolean persistent() {
        return resources.persistent;
    }

    /**
     * A new, empty store in {@code dir} (created if missing; a store already there is destroyed
     * first), deleted on close unless {@code keep}.
     */
    public static FactsStore open(Path dir, boolean keep) {
        try {
            Files.createDirectories(dir);
            try (Options options = new Options()) {
                RocksDB.destroyDB(dir.toString(), options);
            }
            Files.createDirectories(dir);
            return new FactsStore(dir, keep, false);
        } catch (IOException | RocksDBException e) {
            throw cannotOpen(dir, e);
        }
    }

    /** A store in a new temporary folder, deleted on close unless {@code keep}. */
    public static FactsStore temporary(boolean keep) {
        try {
            return open(Files.createTempDirectory("roleradar-reporter-state"), keep);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the reporter's state: " + e.getMessage(), e);
        }
    }

    private static boolean lockHeld(RocksDBException e) {
        return e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("lock");
    }

    /** The store's folder. */
    public Path dir() {
        return resources.dir;
    }

    /** Whether the folder stays after {@link #close()}. */
    public boolean kept() {
        return resources.keep;
    }

    // --- the latest facts per id

    byte[] latest(byte[] id) {
        if (resources.persistent) {
            ensureOpen();
            return rocks(() -> ((WriteBatchWithIndex) pending).getFromBatchAndDB(resources.db, resources.latest,
                    resources.readOptions, id));
        }
        flushLatest();
        return rocks(() -> resources.db.get(resources.latest, resources.readOptions, id));
    }

    /** Puts the facts of an id, in a batch written before the next read (or every {@value #BATCH} puts). */
    void putLatest(byte[] id, byte[] value) {
        ensureOpen();
        run(() -> pending.put(resources.latest, id, value));
        if (++pendingCount >= BATCH && !resources.persistent) {
            flushLatest();
        }
    }

    /**
     * Writes the pending puts, so reads see them. A persistent store writes its changes only with
     * their offsets ({@link #commit}), so a scan with changes still pending is a mistake.
     */
    private void flushLatest() {
        ensureOpen();
        if (pendingCount > 0 && resources.persistent) {
            throw new IllegalStateException("the reporter's state store has changes not committed yet: commit them "
                    + "with their offsets before reading the store whole");
        }
        if (pendingCount > 0) {
            // A persistent store never gets here.
            run(() -> resources.db.write(resources.writeOptions, (WriteBatch) pending));
            pending.clear();
            pendingCount = 0;
        }
    }

    void deleteLatest(byte[] id) {
        if (resources.persistent) {
            ensureOpen();
            run(() -> pending.delete(resources.latest, id));
            pendingCount++;
            return;
        }
        flushLatest();
        run(() -> resources.db.delete(resources.latest, resources.writeOptions, id));
    }

    /** Every posting's latest facts, in id order. */
    Cursor latest() {
        flushLatest();
        return new Cursor(resources.db.newIterator(resources.latest, resources.readOptions), new byte[0]);
    }

    // --- a persistent store's meta data, committed with the facts

    /**
     * Writes the pending changes of the facts and {@code meta} (key to value; a null value deletes
     * the key) in one atomic write, with the write-ahead log: after a crash the store is as it was at
     * the last commit. Persistent stores only.
     */
    void commit(Map<byte[], byte[]> meta) {
        ensureOpen();
        if (!resources.persistent) {
            throw new IllegalStateException("only a persistent store commits");
        }
        run(() -> {
            for (Map.Entry<byte[], byte[]> e : meta.entrySet()) {
                if (e.getValue() == null) {
                    pending.delete(resources.meta, e.getKey());
                } else {
                    pending.put(resources.meta, e.getKey(), e.getValue());
                }
            }
            resources.db.write(resources.durableWriteOptions, (WriteBatchWithIndex) pending);
        });
        pending.clear();
        pendingCount = 0;
    }

    /** Drops the changes made since the last commit (a persistent store's, after a failure). */
    void rollback() {
        ensureOpen();
        pending.clear();
        pendingCount = 0;
    }

    /** Whether changes wait for {@link #commit}. */
    boolean uncommitted() {
        return pendingCount > 0;
    }

    /** A committed meta entry, or null. */
    byte[] meta(byte[] key) {
        ensureOpen();
        return rocks(() -> resources.db.get(resources.meta, resources.readOptions, key));
    }

    /** The committed meta entries whose keys start with {@code prefix}, in key order. */
    Cursor metaEntries(byte[] prefix) {
        ensureOpen();
        return new Cursor(resources.db.newIterator(resources.meta, resources.readOptions), prefix);
    }

    // --- scratch data of a report, under a prefix of its own

    /**
     * Drops every report's scratch data: a persistent store makes one report after another, and the
     * role groups and pay values a report leaves for postings.csv are not needed after it is written.
     */
    public void clearScratch() {
        ensureOpen();
        run(() -> resources.db.deleteRange(resources.work, resources.writeOptions, new byte[0],
                new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}));
    }

    /** A number no earlier report of this store had, for the prefix of its scratch data. */
    int newReport() {
        return ++serial;
    }

    /** Scratch entries in {@code prefix}'s range, in key order. */
    Cursor work(byte[] prefix) {
        flushLatest();
        return new Cursor(resources.db.newIterator(resources.work, resources.readOptions), prefix);
    }

    /** Writes scratch entries in batches. */
    Writer writer() {
        ensureOpen();
        return new Writer();
    }

    /** Drops the scratch entries under {@code prefix} (a range deletion: cheap, the space comes back at compaction). */
    void deleteWork(byte[] prefix) {
        run(() -> resources.db.deleteRange(resources.work, resources.writeOptions, prefix, after(prefix)));
    }

    /** The smallest key after every key that starts with {@code prefix}. */
    private static byte[] after(byte[] prefix) {
        byte[] end = Arrays.copyOf(prefix, prefix.length);
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xFF) {
                end[i]++;
                return Arrays.copyOf(end, i + 1);
            }
        }
        throw new IllegalArgumentException("no key follows a prefix of 0xFF bytes only");
    }

    private void ensureOpen() {
        if (resources.closed) {
            throw new IllegalStateException("the reporter's state store " + resources.dir + " is closed");
        }
    }

    /** Closes the store; deletes its files unless kept. */
    @Override
    public void close() {
        cleanable.clean();
        pending.close();
    }

    /** Key order iteration over the entries that start with a prefix. */
    final class Cursor implements AutoCloseable {
        private final RocksIterator it;
        private final byte[] prefix;
        private boolean started;

        private Cursor(RocksIterator it, byte[] prefix) {
            this.it = it;
            this.prefix = prefix;
        }

        /** Moves to the next entry; false past the last one. */
        boolean next() {
            if (!started) {
                started = true;
                it.seek(prefix);
            } else {
                it.next();
            }
            return valid();
        }

        /** Moves to the first entry at or after {@code key}; false when there is none. */
        boolean seek(byte[] key) {
            started = true;
            it.seek(key);
            return valid();
        }

        private boolean valid() {
            if (!it.isValid()) {
                run(it::status);
                return false;
            }
            byte[] key = it.key();
            return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
        }

        byte[] key() {
            return it.key();
        }

        byte[] value() {
            return it.value();
        }

        @Override
        public void close() {
            it.close();
        }
    }

    /** Puts into the scratch data, a batch at a time. */
    final class Writer implements AutoCloseable {
        private final WriteBatch batch = new WriteBatch();
        private int pending;

        void put(byte[] key, byte[] value) {
            run(() -> batch.put(resources.work, key, value));
            if (++pending >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (pending > 0) {
                run(() -> resources.db.write(resources.writeOptions, batch));
                batch.clear();
                pending = 0;
            }
        }

        @Override
        public void close() {
            flush();
            batch.close();
        }
    }

    /** The native handles and the folder: what closing (or the cleaner) releases. */
    private static final class Resources implements Runnable {
        private final Path dir;
        private final boolean keep;
        private final LRUCache cache = new LRUCache(32L << 20);
        private final BloomFilter bloom = new BloomFilter(10);
        private final ColumnFamilyOptions columnOptions;
        private final DBOptions options;
        private final List<ColumnFamilyHandle> handles = new ArrayList<>();
        private final RocksDB db;
        private final ColumnFamilyHandle latest;
        private final ColumnFamilyHandle work;
        /** A persistent store's offsets and counts; null in a report's own store. */
        private final ColumnFamilyHandle meta;
        private final boolean persistent;
        // The store is rebuilt from the topic by every run: nothing to recover, so no write-ahead log.
        // (Scratch data is never recovered either, in a persistent store too: it is dropped on opening.)
        private final WriteOptions writeOptions = new WriteOptions().setDisableWAL(true);
        /** A persistent store's commits: logged, so a crashed process finds its last commit. */
        private final WriteOptions durableWriteOptions = new WriteOptions();
        private final ReadOptions readOptions = new ReadOptions();
        private volatile boolean closed;

        Resources(Path dir, boolean keep, boolean persistent) throws RocksDBException {
            this.dir = dir;
            this.keep = keep;
            this.persistent = persistent;
            // Written once, read in a few ordered passes, then deleted: a bulk load. Compaction would
            // rewrite every entry to speed up reads that are scans anyway, so it is
            // off, as RocksDB's PrepareForBulkLoad has it, and the stalls that wait for it too;
            // larger memtables make fewer files for the scans to merge, all kept open.
            // A persistent store is the opposite case, updated for as long as it lives: RocksDB's
            // usual compaction keeps its files few and its replaced values from piling up.
            ColumnFamilyOptions cf = new ColumnFamilyOptions()
                    .setCompressionType(CompressionType.LZ4_COMPRESSION)
                    .setWriteBufferSize(persistent ? 16L << 20 : 64L << 20);
            if (!persistent) {
                cf.setDisableAutoCompactions(true)
                        .setLevel0FileNumCompactionTrigger(1 << 30).setLevel0SlowdownWritesTrigger(1 << 30)
                        .setLevel0StopWritesTrigger(1 << 30).setSoftPendingCompactionBytesLimit(0)
                        .setHardPendingCompactionBytesLimit(0);
            }
            this.columnOptions = cf
                    .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(bloom)
                            .setCacheIndexAndFilterBlocks(true));
            this.options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                    .setInfoLogLevel(InfoLogLevel.WARN_LEVEL).setKeepLogFileNum(2).setMaxOpenFiles(-1);
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            String[] families = persistent ? new String[] {"default", "work", "meta"} : new String[] {"default", "work"};
            for (String name : families) {
                descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), columnOptions));
            }
            this.db = RocksDB.open(options, dir.toString(), descriptors, handles);
            this.latest = handles.get(0);
            this.work = handles.get(1);
            this.meta = persistent ? handles.get(2) : null;
        }

        @Override
        public synchronized void run() {
            if (closed) {
                return;
            }
            closed = true;
            OPEN.remove(this);
            for (ColumnFamilyHandle h : handles) {
                h.close();
            }
            db.close();
            options.close();
            columnOptions.close();
            bloom.close();
            cache.close();
            writeOptions.close();
            durableWriteOptions.close();
            readOptions.close();
            if (!keep) {
                // Only a `reporter run` store is deleted (follow's is kept), so its command names the lines below.
                try (Options o = new Options()) {
                    RocksDB.destroyDB(dir.toString(), o);
                    Files.deleteIfExists(dir);
                } catch (DirectoryNotEmptyException e) {
                    // --state-dir named a folder that holds other files too: they, and so the folder, stay.
                    if (LogLevel.current().shows(LogLevel.INFO)) {
                        System.err.println("roleradar reporter run: deleted the facts store in " + dir
                                + "; the folder stays, as it holds other files");
                    }
                } catch (RocksDBException | IOException e) {
                    System.err.println("roleradar reporter run: warning: could not delete the facts store in " + dir
                            + " (" + (e instanceof AccessDeniedException ? "permission denied" : e.getMessage())
                            + "); the report is written, delete the folder by hand");
                }
            }
        }
    }

    /** A RocksDB call that may fail. */
    private interface RocksCall<T> {
        T call() throws RocksDBException;
    }

    /** A RocksDB call that may fail and returns nothing. */
    private interface RocksRun {
        void run() throws RocksDBException;
    }

    private static void run(RocksRun call) {
        rocks(() -> {
            call.run();
            return null;
        });
    }

    private static <T> T rocks(RocksCall<T> call) {
        try {
            return call.call();
        } catch (RocksDBException e) {
            throw new UncheckedIOException(new IOException("the reporter's state store failed: " + e.getMessage(), e));
        }
    }
}
