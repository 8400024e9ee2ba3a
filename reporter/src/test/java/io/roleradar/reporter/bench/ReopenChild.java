package io.roleradar.reporter.bench;

import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reopens a facts store a report kept ({@code --keep-state}) and reads every posting's facts once:
 * what a restart that finds the store costs (the open), and a pass over it (the scan). Prints
 * {@code open_ms=}, {@code scan_ms=}, {@code postings=} and {@code cpu_ms=}.
 */
public final class ReopenChild {
    private ReopenChild() {
    }

    public static void main(String[] args) throws Exception {
        RocksDB.loadLibrary();
        long t0 = System.nanoTime();
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (String name : new String[] {"default", "work"}) {
            descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8)));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions();
             RocksDB db = RocksDB.openReadOnly(options, args[0], descriptors, handles)) {
            long opened = System.nanoTime();
            long postings = 0;
            long bytes = 0;
            try (RocksIterator it = db.newIterator(handles.get(0))) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    postings++;
                    bytes += it.value().length;
                }
            }
            long scanned = System.nanoTime();
            System.out.printf("open_ms=%d scan_ms=%d postings=%d value_bytes=%d%n", (opened - t0) / 1_000_000,
                    (scanned - opened) / 1_000_000, postings, bytes);
            handles.forEach(ColumnFamilyHandle::close);
        }
        System.out.println("cpu_ms=" + ReportChild.cpuMillis());
    }
}
