package io.roleradar.reporter.aggregate;

import io.roleradar.model.InvalidMessageException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The value of a record of the facts topic ({@code postings.facts}), which carries a
 * {@link Decoded} from the projector of {@code reporter follow} to its report writer: a kind byte,
 * then {@link FactsCodec}'s bytes for a readable posting, or the where, reason, message and
 * raw-posting flag of a refused one; a tombstone is a null value, as on the tagged topic. The kind
 * byte is the format's version too: a change of {@link FactsCodec}'s layout takes a new kind, and a
 * writer refuses a kind it does not know rather than misread it.
 */
public final class FactsMessage {
    /** A readable posting's facts, {@link FactsCodec} layout 1. */
    static final byte FACTS_V1 = 1;
    /** A record the codec refused: where it was and why, so the report counts it as a batch run does. */
    static final byte REJECTED_V1 = 2;

    private FactsMessage() {
    }

    /** The value for {@code decoded}: null for a tombstone. */
    public static byte[] encode(Decoded decoded) {
        if (decoded instanceof Decoded.Readable r) {
            byte[] facts = FactsCodec.encode(r.facts());
            return ByteBuffer.allocate(facts.length + 1).put(FACTS_V1).put(facts).array();
        }
        if (decoded instanceof Decoded.Unreadable u) {
            byte[] where = u.where().getBytes(StandardCharsets.UTF_8);
            byte[] message = u.message().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(1 + 1 + 1 + 4 + where.length + 4 + message.length)
                    .put(REJECTED_V1).put((byte) u.reason().ordinal()).put((byte) (u.rawPosting() ? 1 : 0))
                    .putInt(where.length).put(where).putInt(message.length).put(message).array();
        }
        return null;
    }

    /** Whether a facts value is a rejected record's (without decoding it). */
    public static boolean isRejected(byte[] value) {
        return value != null && value.length > 0 && value[0] == REJECTED_V1;
    }

    /**
     * What a facts record says.
     *
     * @param key   the record's key: the posting id of a tombstone
     * @throws IllegalArgumentException for a value of a kind this version does not know
     */
    public static Decoded decode(byte[] key, byte[] value) {
        if (value == null) {
            return new Decoded.Tombstone(new String(key, StandardCharsets.UTF_8));
        }
        if (value.length > 0 && value[0] == FACTS_V1) {
            return new Decoded.Readable(FactsCodec.decode(Arrays.copyOfRange(value, 1, value.length)));
        }
        if (value.length > 0 && value[0] == REJECTED_V1) {
            ByteBuffer b = ByteBuffer.wrap(value, 1, value.length - 1);
            InvalidMessageException.Reason reason = InvalidMessageException.Reason.values()[b.get()];
            boolean raw = b.get() == 1;
            String where = string(b);
            String message = string(b);
            return new Decoded.Unreadable(where, reason, message, raw);
        }
        throw new IllegalArgumentException("a facts record of unknown kind " + (value.length == 0 ? "(empty)"
                : value[0]) + ": written by a newer reporter? Run the same version as the projector");
    }

    private static String string(ByteBuffer b) {
        byte[] s = new byte[b.getInt()];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }
}
