package io.roleradar.ingest.identity;

import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What the dedup state keeps of a published posting: the 64-bit hash of its value (without
 * {@code fetchedAt}: a posting read again unchanged has the same hash) and its 64-bit
 * {@link ContentKey} (the job whatever its id). Ingest writes it as the {@value #HEADER} header of
 * every record it publishes, so the state can be rebuilt from the topic's headers without parsing
 * a single value; a record without the header (written by another tool, or before the header
 * existed) is parsed instead.
 *
 * <p>64 bits of SHA-256: two different postings share a hash with probability about n^2 / 2^65,
 * 3 x 10^-8 for a million postings.
 */
public record Fingerprint(long valueHash, long contentKey) {
    /** The record header that carries a fingerprint. */
    public static final String HEADER = "roleradar.fingerprint";
    /** First byte of the header: bump it whenever either hash is computed differently. */
    static final byte HEADER_VERSION = 1;
    private static final int HEADER_LENGTH = 17;

    /** The fingerprint of a posting as it would be published. */
    public static Fingerprint of(RawPosting posting) {
        return new Fingerprint(valueHash(posting), ContentKey.of(posting));
    }

    /**
     * The hash of what a posting says, without when it was read: a posting seen again with the same
     * hash is unchanged and is not published again.
     */
    public static long valueHash(RawPosting posting) {
        return hash64(PostingJson.write(posting.toBuilder().fetchedAt(null).build()));
    }

    /** The first 64 bits of the SHA-256 of the UTF-8 text. */
    public static long hash64(String text) {
        return hash64(text.getBytes(StandardCharsets.UTF_8));
    }

    static long hash64(byte[] bytes) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(bytes)).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The header value: a version byte, then the two hashes big-endian. */
    public byte[] toHeader() {
        return ByteBuffer.allocate(HEADER_LENGTH).put(HEADER_VERSION).putLong(valueHash).putLong(contentKey).array();
    }

    /** The fingerprint in a header value, or null when the header is absent, of another version or damaged. */
    public static Fingerprint fromHeader(byte[] header) {
        if (header == null || header.length != HEADER_LENGTH || header[0] != HEADER_VERSION) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(header, 1, HEADER_LENGTH - 1);
        return new Fingerprint(b.getLong(), b.getLong());
    }
}
