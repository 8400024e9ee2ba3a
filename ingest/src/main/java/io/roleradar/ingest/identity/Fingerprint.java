package io.roleradar.ingest.identity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;

/**
 * What the state keeps of a published posting: the 64-bit hash of its value (without
 * {@code fetchedAt}: a posting read again unchanged has the same hash), its 64-bit
 * {@link ContentKey} (the job whatever its id), the date it was first published and whether it
 * was published as closed. Ingest writes it as the {@value #HEADER} header of every record it
 * publishes, so the state can be rebuilt from the topic's headers without parsing a value; a
 * record without the header (written by another tool) is parsed instead.
 *
 * <p>64 bits of SHA-256: two different postings share a hash with probability about n^2 / 2^65,
 * 3 x 10^-8 for a million postings.
 *
 * @param firstSeenAt the date of the run that first published the posting; null when unknown (a
 *                    record written before ingest kept it)
 */
public record Fingerprint(long valueHash, long contentKey, LocalDate firstSeenAt, boolean closed) {
    /** The record header that carries a fingerprint. */
    public static final String HEADER = "roleradar.fingerprint";
    /** First byte of the header: bump it whenever its layout or either hash changes. */
    static final byte HEADER_VERSION = 2;
    private static final int V1_LENGTH = 17;
    /** The length of a fingerprint as {@link #writeTo} lays it out. */
    static final int BYTES = 21;
    private static final int NO_DATE = Integer.MIN_VALUE;
    /**
     * The value hash is taken of the posting's JSON as ingest wrote it until {@code "closed"}, a
     * field derived from {@code closedAt}, was dropped from the message. With the flag still in
     * the hashed text every posting keeps the hash the state store and the topic's headers hold,
     * so the first run after that change does not publish every posting known again as changed.
     */
    private static final ObjectWriter HASHED = PostingJson.mapper().copy()
            .addMixIn(RawPosting.class, WithClosedFlag.class).writer();

    /** The fingerprint of a posting as it would be published. */
    public static Fingerprint of(RawPosting posting) {
        return of(posting, ContentKey.of(posting));
    }

    /** As {@link #of(RawPosting)}, with the posting's {@link ContentKey} already computed. */
    public static Fingerprint of(RawPosting posting, long contentKey) {
        return new Fingerprint(valueHash(posting), contentKey, posting.firstSeenAt(), posting.closedAt() != null);
    }

    /**
     * The hash of what a posting says, without when it was read: a posting seen again with the same
     * hash is unchanged and is not published again.
     */
    public static long valueHash(RawPosting posting) {
        try {
            return hash64(HASHED.writeValueAsBytes(posting.toBuilder().fetchedAt(null).build()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a valid posting always serialises", e);
        }
    }

    /** Puts {@link RawPosting#isClosed()} back into the JSON, as {@code "closed"}, for {@link #HASHED}. */
    private abstract static class WithClosedFlag {
        @JsonIgnore(false)
        @JsonProperty("closed")
        abstract boolean isClosed();
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

    /** The header value: a version byte, then the fingerprint as {@link #writeTo} lays it out. */
    public byte[] toHeader() {
        return writeTo(ByteBuffer.allocate(1 + BYTES).put(HEADER_VERSION)).array();
    }

    /** Puts the two hashes, the first-seen day and a closed flag: as the header and the state store keep them. */
    ByteBuffer writeTo(ByteBuffer b) {
        return b.putLong(valueHash).putLong(contentKey)
                .putInt(firstSeenAt == null ? NO_DATE : (int) firstSeenAt.toEpochDay()).put((byte) (closed ? 1 : 0));
    }

    static Fingerprint readFrom(ByteBuffer b) {
        long value = b.getLong();
        long key = b.getLong();
        int day = b.getInt();
        return new Fingerprint(value, key, day == NO_DATE ? null : LocalDate.ofEpochDay(day), b.get() == 1);
    }

    /**
     * The fingerprint in a header value, or null when the header is absent, of an unknown version or
     * damaged. A version-1 header (before postings had a lifecycle) gives an open posting whose
     * first-seen date is unknown.
     */
    public static Fingerprint fromHeader(byte[] header) {
        if (header == null || header.length == 0) {
            return null;
        }
        if (header[0] == 1 && header.length == V1_LENGTH) {
            ByteBuffer b = ByteBuffer.wrap(header, 1, V1_LENGTH - 1);
            return new Fingerprint(b.getLong(), b.getLong(), null, false);
        }
        if (header[0] != HEADER_VERSION || header.length != 1 + BYTES) {
            return null;
        }
        return readFrom(ByteBuffer.wrap(header, 1, BYTES));
    }
}
