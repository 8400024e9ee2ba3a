package io.roleradar.ingest;

import io.roleradar.ingest.bench.BigFiles;
import io.roleradar.ingest.bench.StreamedRead;
import io.roleradar.ingest.source.SourceSpec;
import io.roleradar.model.RawPosting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Local record files are read one record at a time, and a sink takes each posting as it is read. */
class StreamingReadTest {
    @Test
    void aSinkTakesEachUniquePostingAsItIsReadAndTheResultKeepsNone(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("twice.jsonl");
        String lines = Files.readString(Fixtures.path("raw-postings.jsonl"));
        Files.writeString(file, lines + lines);
        List<String> taken = new ArrayList<>();
        ReadResult r = PostingSources.withDefaults().read(List.of(SourceSpec.parse(file.toString())), null, () -> false,
                (posting, contentKey, board) -> taken.add(posting.id()), 0);
        ReadResult inMemory = PostingSources.withDefaults().read(List.of(file.toString()));

        assertThat(r.postings()).isEmpty();
        assertThat(taken).containsExactlyElementsOf(inMemory.postings().stream().map(RawPosting::id).toList());
        assertThat(r.streamed()).isEqualTo(taken.size());
        assertThat(r.duplicates()).isEqualTo(inMemory.duplicates()).isPositive();
        assertThat(r.found()).isEqualTo(inMemory.found());
        assertThat(r.rejected()).hasSameSizeAs(inMemory.rejected());
    }

    @Test
    void aLocalFileLargerThanTheSizeCapAndTheHeapIsReadWhole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.jsonl");
        BigFiles.writeJsonLines(file, 20_000, 3_000);
        assertThat(Files.size(file)).isGreaterThan(50L << 20);
        // A 40 MiB heap cannot hold the 55 MB file, let alone its postings: only a streamed read,
        // its merge buffer handed on at a million characters, gets through.
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx40m",
                "-cp", System.getProperty("java.class.path"), StreamedRead.class.getName(), file.toString(), "1000000")
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("done within 3 minutes").isTrue();
        String out = Files.readString(dir.resolve("out.txt"));
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("20,000 postings (0 rejected, 0 duplicates)");
    }
}
