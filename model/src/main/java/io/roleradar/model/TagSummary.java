package io.roleradar.model;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a market report needs of a tagged posting, in a small binary form that the classifier writes
 * as the Kafka header {@value #HEADER} of every record it puts on {@code postings.tagged}, next to
 * the JSON value.
 *
 * <p>Why a header: the JSON value is for every consumer and carries the description and the
 * evidence of every tag (about 5 KB a posting); a report reads a million of them and uses a few
 * fields of each. Decoding the JSON was most of a report's cost. The summary is a few hundred bytes,
 * read without a JSON parser. The JSON value stays the record's content: a record without the
 * header (another producer, a file) or with one this code cannot read is read from its value.
 * The classifier writes both from the same {@link TaggedPosting} in the same transaction.
 *
 * <p>Format, version 1 (big-endian; a text is an int byte length, -1 for null, then UTF-8):
 * <pre>
 * byte    version (1)
 * text    id, title, sourceUrl, company, source, taxonomyVersion
 * int     postedAt as an epoch day, Integer.MIN_VALUE for none
 * long    fetchedAt as epoch seconds, Long.MIN_VALUE for none; int its nanoseconds
 * byte    flags: 1 mlRole, 2 manager is known, 4 manager
 * double  mlConfidence
 * byte    responsibility, specialization, level: the value's code (below), -1 for none
 * byte    number of domains; each: byte domain code, double score
 * byte    number of rounds; each: byte round code, double weight
 * </pre>
 * A code is the value's position in its enum as declared in this version ({@link #codes}); a new
 * value or a new order means a new version. Evidence and round reasons are not in the summary.
 *
 * @param tags the tags without their evidence and without round reasons
 */
public record TagSummary(String id, String title, String sourceUrl, String company, String source,
                         LocalDate postedAt, Instant fetchedAt, Tags tags) {
    /** The Kafka header that carries the summary. */
    public static final String HEADER = "roleradar.summary";
    /** The format version this code writes and reads. */
    public static final byte VERSION = 1;
    private static final int NO_DAY = Integer.MIN_VALUE;
    private static final long NO_INSTANT = Long.MIN_VALUE;
    private static final Responsibility[] RESPONSIBILITIES = Responsibility.values();
    private static final Specialization[] SPECIALIZATIONS = Specialization.values();
    private static final Level[] LEVELS = Level.values();
    private static final Domain[] DOMAINS = Domain.values();
    private static final Round[] ROUNDS = Round.values();

    public TagSummary {
        Checks.requireText(id, "id");
        Checks.requireText(title, "title");
        Objects.requireNonNull(tags, "tags");
    }

    /** The summary of a tagged posting. */
    public static TagSummary of(TaggedPosting tagged) {
        RawPosting p = tagged.posting();
        Tags t = tagged.tags();
        List<DomainTag> domains = new ArrayList<>(t.domains().size());
        for (DomainTag d : t.domains()) {
            domains.add(new DomainTag(d.domain(), d.score(), List.of()));
        }
        List<RoundTag> rounds = new ArrayList<>(t.rounds().size());
        for (RoundTag r : t.rounds()) {
            rounds.add(new RoundTag(r.round(), r.weight(), List.of(), List.of()));
        }
        Tags bare = new Tags(t.mlRole(), t.mlConfidence(), t.responsibility(), t.specialization(), t.quadrant(),
                domains, t.level(), t.manager(), rounds, TagEvidence.NONE, null, t.taxonomyVersion());
        return new TagSummary(p.id(), p.title(), p.sourceUrl(), p.company(), p.source(), p.postedAt(),
                p.fetchedAt(), bare);
    }

    /** The header value of a tagged posting. */
    public static byte[] encode(TaggedPosting tagged) {
        return of(tagged).encode();
    }

    /** The header value. */
    public byte[] encode() {
        byte[][] texts = {utf8(id), utf8(title), utf8(sourceUrl), utf8(company), utf8(source),
                utf8(tags.taxonomyVersion())};
        int size = 1 + 4 + 8 + 4 + 1 + 8 + 3 + 1 + 9 * tags.domains().size() + 1 + 9 * tags.rounds().size();
        for (byte[] t : texts) {
            size += 4 + (t == null ? 0 : t.length);
        }
        if (tags.domains().size() > 127 || tags.rounds().size() > 127) {
            throw new IllegalArgumentException("more tags than a summary holds");
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(VERSION);
        for (byte[] t : texts) {
            if (t == null) {
                b.putInt(-1);
            } else {
                b.putInt(t.length).put(t);
            }
        }
        b.putInt(postedAt == null ? NO_DAY : Math.toIntExact(postedAt.toEpochDay()));
        b.putLong(fetchedAt == null ? NO_INSTANT : fetchedAt.getEpochSecond());
        b.putInt(fetchedAt == null ? 0 : fetchedAt.getNano());
        int flags = (tags.mlRole() ? 1 : 0) | (tags.manager() == null ? 0 : 2 | (tags.manager() ? 4 : 0));
        b.put((byte) flags);
        b.putDouble(tags.mlConfidence());
        b.put(code(tags.responsibility()));
        b.put(code(tags.specialization()));
        b.put(code(tags.level()));
        b.put((byte) tags.domains().size());
        for (DomainTag d : tags.domains()) {
            b.put(code(d.domain())).putDouble(d.score());
        }
        b.put((byte) tags.rounds().size());
        for (RoundTag r : tags.rounds()) {
            b.put(code(r.round())).putDouble(r.weight());
        }
        return b.array();
    }

    /**
     * Reads a header value.
     *
     * @throws IllegalArgumentException when it is not a summary this code reads (another version,
     *                                  truncated, trailing bytes, an unknown code, tags that break
     *                                  the rules of {@link Tags}); the reason is in the message
     */
    public static TagSummary decode(byte[] header) {
        if (header == null || header.length == 0) {
            throw new IllegalArgumentException("empty summary");
        }
        if (header[0] != VERSION) {
            throw new IllegalArgumentException("summary version " + header[0] + ", this code reads " + VERSION);
        }
        ByteBuffer b = ByteBuffer.wrap(header, 1, header.length - 1);
        try {
            String id = text(b);
            String title = text(b);
            String sourceUrl = text(b);
            String company = text(b);
            String source = text(b);
            String taxonomyVersion = text(b);
            int day = b.getInt();
            long seconds = b.getLong();
            int nanos = b.getInt();
            int flags = b.get();
            double confidence = b.getDouble();
            Responsibility responsibility = value(RESPONSIBILITIES, b.get(), "responsibility");
            Specialization specialization = value(SPECIALIZATIONS, b.get(), "specialization");
            Level level = value(LEVELS, b.get(), "level");
            int domainCount = count(b);
            List<DomainTag> domains = new ArrayList<>(domainCount);
            for (int i = 0; i < domainCount; i++) {
                domains.add(new DomainTag(required(DOMAINS, b.get(), "domain"), b.getDouble(), List.of()));
            }
            int roundCount = count(b);
            List<RoundTag> rounds = new ArrayList<>(roundCount);
            for (int i = 0; i < roundCount; i++) {
                rounds.add(new RoundTag(required(ROUNDS, b.get(), "round"), b.getDouble(), List.of(), List.of()));
            }
            if (b.hasRemaining()) {
                throw new IllegalArgumentException("summary has " + b.remaining() + " bytes after its end");
            }
            if (seconds != NO_INSTANT && (nanos < 0 || nanos > 999_999_999)) {
                throw new IllegalArgumentException("summary fetchedAt nanoseconds " + nanos);
            }
            if ((flags & ~7) != 0 || (flags & 6) == 4) {
                throw new IllegalArgumentException("summary flags " + flags);
            }
            Boolean manager = (flags & 2) == 0 ? null : (flags & 4) != 0;
            Tags tags = new Tags((flags & 1) != 0, confidence, responsibility, specialization, null, domains, level,
                    manager, rounds, TagEvidence.NONE, null, taxonomyVersion);
            return new TagSummary(id, title, sourceUrl, company, source,
                    day == NO_DAY ? null : LocalDate.ofEpochDay(day),
                    seconds == NO_INSTANT ? null : Instant.ofEpochSecond(seconds, nanos), tags);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("summary ends early", e);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // A null where a value is required, a date out of range: not a summary this code wrote.
            throw new IllegalArgumentException("summary not readable: " + e, e);
        }
    }

    /** The code of each value of each enum the summary carries, as this version writes them (for the format's tests). */
    static List<List<String>> codes() {
        return List.of(names(RESPONSIBILITIES), names(SPECIALIZATIONS), names(LEVELS), names(DOMAINS), names(ROUNDS));
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ByteBuffer b) {
        int length = b.getInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > b.remaining()) {
            throw new IllegalArgumentException("summary text of " + length + " bytes, " + b.remaining() + " left");
        }
        String s = new String(b.array(), b.arrayOffset() + b.position(), length, StandardCharsets.UTF_8);
        b.position(b.position() + length);
        return s;
    }

    private static int count(ByteBuffer b) {
        int n = b.get();
        if (n < 0) {
            throw new IllegalArgumentException("summary list of " + n + " items");
        }
        return n;
    }

    private static byte code(Enum<?> value) {
        return value == null ? -1 : (byte) value.ordinal();
    }

    private static <E> E value(E[] values, byte code, String what) {
        return code == -1 ? null : required(values, code, what);
    }

    private static <E> E required(E[] values, byte code, String what) {
        if (code < 0 || code >= values.length) {
            throw new IllegalArgumentException("summary " + what + " code " + code + " unknown");
        }
        return values[code];
    }
}
