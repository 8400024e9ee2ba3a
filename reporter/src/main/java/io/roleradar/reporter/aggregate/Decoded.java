package io.roleradar.reporter.aggregate;

import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.PostingJson;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * What one record of the tagged topic is to the reports: a tagged posting's facts, a tombstone, or
 * a value the codec refuses. Made by {@link #of}, the one place that decides it, whether the batch
 * run decodes the record ({@code DecodePipeline}) or the projector of {@code reporter follow} does
 * (which then carries it to the report writer as a {@link FactsMessage}); applied to the latest
 * postings in record order by {@link #applyTo}, which counts it for the manifest alike in both.
 */
public sealed interface Decoded permits Decoded.Readable, Decoded.Tombstone, Decoded.Unreadable {
    /** Decodes the value of a record ({@link LatestPostings#decode} or an equivalent). */
    @FunctionalInterface
    interface Decoder {
        PostingFacts decode(byte[] value) throws InvalidMessageException;
    }

    void applyTo(LatestPostings latest);

    /**
     * What a record is.
     *
     * @param key   the record's key (the posting id of a tombstone), or null
     * @param value the record's value, null for a tombstone
     * @param where where the record was ({@code topic-partition@offset}), asked only for a refused one
     */
    static Decoded of(byte[] key, byte[] value, Supplier<String> where, Decoder decoder) {
        if (value == null) {
            if (key != null) {
                return new Tombstone(new String(key, StandardCharsets.UTF_8));
            }
            return new Unreadable(where.get(), InvalidMessageException.Reason.MALFORMED_JSON,
                    "a record with neither key nor value", false);
        }
        try {
            return new Readable(decoder.decode(value));
        } catch (InvalidMessageException e) {
            boolean raw = isRawPosting(value);
            return new Unreadable(where.get(), raw ? InvalidMessageException.Reason.INVALID_FIELD : e.reason(),
                    raw ? LatestPostings.RAW_POSTING_MESSAGE : LatestPostings.message(e), raw);
        }
    }

    /**
     * Whether a value the reporter cannot read is a raw posting (what ingest writes), given by
     * mistake for a tagged one: then the user needs to hear "run classify first", not a field
     * error. Tried only on values already refused, so a good input costs nothing.
     */
    private static boolean isRawPosting(byte[] value) {
        try {
            PostingJson.readRaw(value);
            return true;
        } catch (InvalidMessageException | RuntimeException e) {
            return false;
        }
    }

    /** A tagged posting's facts. */
    record Readable(PostingFacts facts) implements Decoded {
        @Override
        public void applyTo(LatestPostings latest) {
            latest.accept(facts);
        }
    }

    /** A null value: the posting of that id is deleted. */
    record Tombstone(String id) implements Decoded {
        @Override
        public void applyTo(LatestPostings latest) {
            latest.remove(id);
        }
    }

    /**
     * A value the codec refused: where it was, the reason, the message the manifest lists, and
     * whether it is a raw posting (then the reason is INVALID_FIELD and the message says to run
     * classify first).
     */
    record Unreadable(String where, InvalidMessageException.Reason reason, String message, boolean rawPosting)
            implements Decoded {
        @Override
        public void applyTo(LatestPostings latest) {
            if (rawPosting) {
                latest.acceptRawPosting(where);
            } else {
                latest.acceptRejected(where, new InvalidMessageException(reason, message, null));
            }
        }
    }
}
