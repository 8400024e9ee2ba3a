package io.roleradar.ingest.identity;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * The postings a run has already handed on, by content key and by a 64-bit hash of the id. They
 * live in a temporary RocksDB, made when the first keys come and deleted on {@link #close()}, not on
 * the heap: a run hands postings on only when it is too big to merge in memory, and then it may hold
 * millions of them, more than a small heap has room for. Two different postings share a hash with
 * probability about n^2/2^65.
 */
final class SeenKeys implements AutoCloseable {
    private static final byte CONTENT = 'c';
    private static final byte ID = 'i';
    private static final byte[] NOTHING = new byte[0];

    private Path dir;
    private Options options;
    private WriteOptions writeOptions;
    private RocksDB db;

    /** Adds the content keys and the ids of postings just handed on, in one write. */
    void addAll(Collection<Long> contentKeys, Collection<String> ids) {
        if (contentKeys.isEmpty() && ids.isEmpty()) {
            return;
        }
        try {
            RocksDB store = open(); // first: it loads the native library the batch needs
            try (WriteBatch batch = new WriteBatch()) {
                for (long key : contentKeys) {
                    batch.put(key(CONTENT, key), NOTHING);
                }
                for (String id : ids) {
                    batch.put(key(ID, Fingerprint.hash64(id)), NOTHING);
                }
                store.write(writeOptions, batch);
            }
        } catch (RocksDBException e) {
            throw new IllegalStateException("could not note the postings handed on: " + e.getMessage(), e);
        }
    }

    /** True when the content key or the id was added before. */
    boolean contains(long contentKey, String id) {
        if (db == null) {
            return false;
        }
        try {
            return db.get(key(CONTENT, contentKey)) != null || db.get(key(ID, Fingerprint.hash64(id))) != null;
        } catch (RocksDBException e) {
            throw new IllegalStateException("could not look up the postings handed on: " + e.getMessage(), e);
        }
    }

    /** The store's folder, or null before the first keys came. */
    Path folder() {
        return dir;
    }

    /** Closes the store and deletes its folder. */
    @Override
    public void close() {
        if (db == null) {
            return;
        }
        db.close();
        writeOptions.close();
        options.close();
        db = null;
        try (Options o = new Options()) {
            RocksDB.destroyDB(dir.toString(), o);
            Files.deleteIfExists(dir);
        } catch (RocksDBException | IOException e) {
            throw new IllegalStateException("cannot delete the run's keys in " + dir + ": " + e, e);
        }
    }

    private RocksDB open() throws RocksDBException {
        if (db == null) {
            RocksDB.loadLibrary();
            try {
                dir = Files.createTempDirectory("roleradar-run-keys-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Most lookups are of keys never added: a Bloom filter answers those without a read.
            options = new Options().setCreateIfMissing(true)
                    .setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(new BloomFilter(10, false)));
            // Deleted at the end of the run whatever happens: nothing to recover, so no log.
            writeOptions = new WriteOptions().setDisableWAL(true);
            db = RocksDB.open(options, dir.toString());
        }
        return db;
    }

    private static byte[] key(byte kind, long value) {
        return ByteBuffer.allocate(9).put(kind).putLong(value).array();
    }
}
