package io.roleradar.reporter.aggregate;

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
import org.rocksdb.WriteOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    /** Puts of the latest facts not written yet. */
    private final WriteBatch pending = new WriteBatch();
    private int pendingCount;

    private FactsStore(Path dir, boolean keep) throws RocksDBException {
        this.resources = new Resources(dir, keep);
        this.cleanable = CLEANER.register(this, resources);
        OPEN.add(resources);
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
            return new FactsStore(dir, keep);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the reporter's state folder " + dir + ": " + e.getMessage(), e);
        } catch (RocksDBException e) {
            throw new UncheckedIOException(new IOException("cannot open the reporter's state store in " + dir + ": "
                    + e.getMessage() + (lockHeld(e) ? " (another reporter uses it: give each its own --state-dir)" : ""),
                    e));
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

    /** The size of the store's files now, in bytes. */
    public long diskBytes() {
        try (var files = Files.walk(resources.dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // a file compaction just removed
                }
            }).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    // --- the latest facts per id

    byte[] latest(byte[] id) {
        flushLatest();
        return rocks(() -> resources.db.get(resources.latest, resources.readOptions, id));
    }

    /** Puts the facts of an id, in a batch written before the next read (or every {@value #BATCH} puts). */
    void putLatest(byte[] id, byte[] value) {
        ensureOpen();
        rocks(() -> {
            pending.put(resources.latest, id, value);
            return null;
        });
        if (++pendingCount >= BATCH) {
            flushLatest();
        }
    }

    /** Writes the pending puts, so reads see them. */
    private void flushLatest() {
        ensureOpen();
        if (pendingCount > 0) {
            rocks(() -> {
                resources.db.write(resources.writeOptions, pending);
                return null;
            });
            pending.clear();
            pendingCount = 0;
        }
    }

    void deleteLatest(byte[] id) {
        flushLatest();
        rocks(() -> {
            resources.db.delete(resources.latest, resources.writeOptions, id);
            return null;
        });
    }

    /** Every posting's latest facts, in id order. */
    Cursor latest() {
        flushLatest();
        return new Cursor(resources.db.newIterator(resources.latest, resources.readOptions), new byte[0]);
    }

    // --- scratch data of a report, under a prefix of its own

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
        rocks(() -> {
            resources.db.deleteRange(resources.work, resources.writeOptions, prefix, after(prefix));
            return null;
        });
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
                rocks(() -> {
                    it.status();
                    return null;
                });
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
            rocks(() -> {
                batch.put(resources.work, key, value);
                return null;
            });
            if (++pending >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (pending > 0) {
                rocks(() -> {
                    resources.db.write(resources.writeOptions, batch);
                    return null;
                });
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
        // The store is rebuilt from the topic by every run: nothing to recover, so no write-ahead log.
        private final WriteOptions writeOptions = new WriteOptions().setDisableWAL(true);
        private final ReadOptions readOptions = new ReadOptions();
        private volatile boolean closed;

        Resources(Path dir, boolean keep) throws RocksDBException {
            this.dir = dir;
            this.keep = keep;
            // Written once, read in a few ordered passes, then deleted: a bulk load. Compaction would
            // rewrite every entry (its threads took about a fifth of a report's CPU, and the files
            // it rewrites doubled the disk used) to speed up reads that are scans anyway, so it is
            // off, as RocksDB's PrepareForBulkLoad has it, and the stalls that wait for it too;
            // larger memtables make fewer files for the scans to merge, all kept open.
            this.columnOptions = new ColumnFamilyOptions()
                    .setCompressionType(CompressionType.LZ4_COMPRESSION)
                    .setWriteBufferSize(64L << 20)
                    .setDisableAutoCompactions(true)
                    .setLevel0FileNumCompactionTrigger(1 << 30).setLevel0SlowdownWritesTrigger(1 << 30)
                    .setLevel0StopWritesTrigger(1 << 30).setSoftPendingCompactionBytesLimit(0)
                    .setHardPendingCompactionBytesLimit(0)
                    .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(bloom)
                            .setCacheIndexAndFilterBlocks(true));
            this.options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                    .setInfoLogLevel(InfoLogLevel.WARN_LEVEL).setKeepLogFileNum(2).setMaxOpenFiles(-1);
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (String name : new String[] {"default", "work"}) {
                descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), columnOptions));
            }
            this.db = RocksDB.open(options, dir.toString(), descriptors, handles);
            this.latest = handles.get(0);
            this.work = handles.get(1);
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
            readOptions.close();
            if (!keep) {
                try (Options o = new Options()) {
                    RocksDB.destroyDB(dir.toString(), o);
                    Files.deleteIfExists(dir);
                } catch (RocksDBException | IOException e) {
                    System.err.println("warning: cannot delete the reporter's state store " + dir + ": " + e);
                }
            }
        }
    }

    /** A RocksDB call that may fail. */
    private interface RocksCall<T> {
        T call() throws RocksDBException;
    }

    private static <T> T rocks(RocksCall<T> call) {
        try {
            return call.call();
        } catch (RocksDBException e) {
            throw new UncheckedIOException(new IOException("the reporter's state store failed: " + e.getMessage(), e));
        }
    }
}
