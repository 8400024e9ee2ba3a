package io.roleradar.ingest.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A copy of ingest's dedup state on local disk, with the topic positions it covers, so that a new
 * ingest process reads only what was published since instead of the whole {@code postings.raw}
 * (at a million postings, 5 s and a gigabyte of fetches on every start). The topic stays the
 * source of truth: the checkpoint is used only when it is of the same topic (by topic id, so a
 * deleted and recreated topic does not match) with the same partitions and every position still
 * between the log start and the end; otherwise the state is rebuilt from the topic as without one.
 * Positions are those reached when the state was read, moved past the run's own records where
 * nothing else was written among them (their transaction marker and anything after are read on the
 * next start); where something was, the records from the position on are read again, which changes
 * nothing (remembering is idempotent).
 */
public final class StateCheckpoint {
    private static final Logger LOG = LoggerFactory.getLogger(StateCheckpoint.class);
    private static final int MAGIC = 0x52525354; // "RRST"
    private static final int FORMAT = 1;

    private final Path file;

    /** What a checkpoint holds: the state, and per partition the offset it covers up to (exclusive). */
    public record Saved(PublishedState state, String topicId, Map<Integer, Long> positions) {
        public Saved {
            positions = Map.copyOf(positions);
        }

        /**
         * These positions, moved past a committed run's own records in each partition where those
         * records start right at the position and follow one another (so nothing another producer
         * wrote lies between them, or before them, unread). The state must already remember them.
         * Elsewhere the position stays, and the next start reads from there as before.
         */
        public Saved advancedPast(WrittenOffsets written) {
            Map<Integer, Long> moved = new TreeMap<>(positions);
            for (Map.Entry<Integer, Long> e : positions.entrySet()) {
                long end = written.endIfRightAfter(e.getKey(), e.getValue());
                if (end >= 0) {
                    moved.put(e.getKey(), end);
                }
            }
            return new Saved(state, topicId, moved);
        }
    }

    /** The checkpoint of {@code topic} in {@code dir}. */
    public StateCheckpoint(Path dir, String topic) {
        this.file = dir.resolve(topic.replaceAll("[^A-Za-z0-9._-]", "_") + ".ingest-state");
    }

    public Path file() {
        return file;
    }

    /** The saved checkpoint, or empty when there is none or it cannot be read (then it is ignored, with a warning). */
    public Optional<Saved> read() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                LOG.warn("ignoring {}: not a checkpoint of this version", file);
                return Optional.empty();
            }
            String topicId = in.readUTF();
            int partitions = in.readInt();
            Map<Integer, Long> positions = new TreeMap<>();
            for (int i = 0; i < partitions; i++) {
                positions.put(in.readInt(), in.readLong());
            }
            PublishedState state = PublishedState.readFrom(in);
            if (in.readInt() != MAGIC) {
                LOG.warn("ignoring {}: truncated", file);
                return Optional.empty();
            }
            return Optional.of(new Saved(state, topicId, positions));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring {}: cannot read it ({}); the state is rebuilt from the topic", file, e.toString());
            return Optional.empty();
        }
    }

    /** Writes the checkpoint beside its place and moves it there, so a crash never leaves half a file. */
    public void write(Saved saved) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(saved.topicId());
            out.writeInt(saved.positions().size());
            for (Map.Entry<Integer, Long> e : new TreeMap<>(saved.positions()).entrySet()) {
                out.writeInt(e.getKey());
                out.writeLong(e.getValue());
            }
            saved.state().writeTo(out);
            out.writeInt(MAGIC); // a trailer: a file cut short is seen as such
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
