package io.roleradar.ingest.bench;

import io.roleradar.ingest.PostingSources;
import io.roleradar.ingest.ReadResult;
import io.roleradar.ingest.source.SourceSpec;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a local file through {@code PostingSources} with a sink, as a big import does, and prints
 * the postings, the rate, and the heap's peak (run it with {@code -Xmx256m} to show a file far
 * larger than the heap streams). A harness, not a test: see BENCHMARKS.md.
 *
 * <pre>java -Xmx256m -cp ... io.roleradar.ingest.bench.StreamedRead FILE [BUFFER_CHARS]</pre>
 */
public final class StreamedRead {
    private StreamedRead() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        // As ingest run's buffer (IngestService.READ_BUFFER_CHARS) unless given.
        long bufferChars = args.length > 1 ? Long.parseLong(args[1]) : 32L << 20;
        AtomicLong bytes = new AtomicLong();
        long start = System.nanoTime();
        ReadResult r = PostingSources.withDefaults().read(List.of(SourceSpec.parse(file.toString())), null, () -> false,
                (posting, key, board) -> bytes.addAndGet(posting.description().length()), bufferChars);
        double secs = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%s: %,d bytes, %,d postings (%,d rejected, %,d duplicates) in %.1f s = %,.0f postings/s; "
                        + "heap max %d MiB, peak used %d MiB (sum of pools' peaks)%n", file, Files.size(file), r.found(),
                r.rejected().size(), r.duplicates(), secs, r.found() / secs,
                Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
        if (!r.rejected().isEmpty()) {
            System.out.println("first reject: " + r.rejected().get(0));
        }
    }
}
