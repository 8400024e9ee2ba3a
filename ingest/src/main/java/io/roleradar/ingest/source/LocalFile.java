package io.roleradar.ingest.source;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A local file of records (JSON Lines or CSV) that is read one record at a time rather than whole,
 * so its size is bounded by the disk, not the heap.
 *
 * @param skip      bytes to skip at the start (a byte-order mark)
 * @param charset   how its text is encoded
 * @param company   the company's display name given with the source, else null
 */
public record LocalFile(Path path, String stem, Format format, long skip, Charset charset, Instant readAt, String company) {
    public enum Format { JSON_LINES, CSV }

    /** The document the parsers name and date this file's records by (its bytes are not in it). */
    public Document meta() {
        return new Document(path.toString(), null, stem, null, new byte[0], null, readAt, company);
    }
}
