package io.roleradar.reporter.aggregate;

import io.roleradar.model.Domain;
import io.roleradar.model.Level;
import io.roleradar.model.Quadrant;
import io.roleradar.model.RemoteMode;
import io.roleradar.model.Round;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@link PostingFacts} as bytes, the value {@link FactsStore} keeps per posting id: about 100-200
 * bytes, the id, title and URL as UTF-8, the other facts as ordinals, epoch days and raw doubles.
 * Read back, the facts are equal to the ones written ({@code SameReportTest} holds the reports to
 * that, byte for byte). It is also the payload of the facts topic of {@code reporter follow} and
 * of its persistent store, where {@link FactsMessage}'s kind byte versions it: a change of this layout
 * needs a new kind there (and a new store).
 */
final class FactsCodec {
    private static final Quadrant[] QUADRANTS = Quadrant.values();
    private static final Level[] LEVELS = Level.values();
    private static final Domain[] DOMAINS = Domain.values();
    private static final Round[] ROUNDS = Round.values();
    private static final RemoteMode[] MODES = RemoteMode.values();
    private static final long NO_DATE = Long.MIN_VALUE;
    private static final int NO_STATED_ROUNDS = -1;

    private FactsCodec() {
    }

    static byte[] encode(PostingFacts f) {
        byte[] text = f.text().utf8();
        byte[] company = utf8(f.company());
        byte[] source = utf8(f.source());
        byte[] taxonomy = utf8(f.taxonomyVersion());
        byte[] country = utf8(f.country());
        byte[] city = utf8(f.city());
        Pay pay = f.pay();
        byte[] currency = pay == null ? null : utf8(pay.currency());
        byte[] period = pay == null ? null : utf8(pay.period());
        int size = 12 + text.length + len(company) + len(source) + len(taxonomy) + len(country) + len(city)
                + 4 * 8 + 5 + 1 + f.domains().size() + 4 * ROUNDS.length + 1 + 1 + 8
                + 1 + (pay == null ? 0 : 16 + len(currency) + len(period));
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putInt(f.text().idBytes()).putInt(f.text().titleBytes()).putInt(text.length).put(text);
        put(b, company);
        put(b, source);
        put(b, taxonomy);
        put(b, country);
        put(b, city);
        date(b, f.postedAt());
        date(b, f.fetchedOn());
        date(b, f.firstSeenAt());
        date(b, f.closedAt());
        b.put((byte) (f.mlRole() ? 1 : 0));
        b.put((byte) (f.quadrant() == null ? -1 : f.quadrant().ordinal()));
        b.put((byte) (f.level() == null ? -1 : f.level().ordinal()));
        b.put((byte) (f.manager() == null ? -1 : f.manager() ? 1 : 0));
        b.put((byte) f.remote().ordinal());
        b.put((byte) f.domains().size());
        for (Domain d : f.domains()) {
            b.put((byte) d.ordinal());
        }
        for (int r = 0; r < ROUNDS.length; r++) {
            b.putFloat(f.rounds().floatWeight(r));
        }
        b.put((byte) (f.rounds() == RoundWeights.NONE ? 1 : 0));
        int stated = NO_STATED_ROUNDS;
        if (f.statedRounds() != null) {
            stated = 0;
            for (Round r : f.statedRounds()) {
                stated |= 1 << r.ordinal();
            }
        }
        b.put((byte) stated);
        b.putLong(f.signature());
        b.put((byte) (pay == null ? 0 : 1));
        if (pay != null) {
            b.putDouble(pay.min()).putDouble(pay.max());
            put(b, currency);
            put(b, period);
        }
        if (b.hasRemaining()) {
            return java.util.Arrays.copyOf(b.array(), b.position());
        }
        return b.array();
    }

    static PostingFacts decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int idBytes = b.getInt();
        int titleBytes = b.getInt();
        byte[] text = new byte[b.getInt()];
        b.get(text);
        String company = string(b);
        String source = string(b);
        String taxonomy = string(b);
        String country = string(b);
        String city = string(b);
        LocalDate postedAt = date(b);
        LocalDate fetchedOn = date(b);
        LocalDate firstSeenAt = date(b);
        LocalDate closedAt = date(b);
        boolean ml = b.get() == 1;
        int q = b.get();
        int l = b.get();
        int m = b.get();
        RemoteMode remote = MODES[b.get()];
        int domainCount = b.get();
        List<Domain> domains = new ArrayList<>(domainCount);
        for (int i = 0; i < domainCount; i++) {
            domains.add(DOMAINS[b.get()]);
        }
        float[] weights = new float[ROUNDS.length];
        for (int r = 0; r < ROUNDS.length; r++) {
            weights[r] = b.getFloat();
        }
        boolean none = b.get() == 1;
        int stated = b.get();
        Set<Round> statedRounds = null;
        if (stated != NO_STATED_ROUNDS) {
            statedRounds = EnumSet.noneOf(Round.class);
            for (Round r : ROUNDS) {
                if ((stated & (1 << r.ordinal())) != 0) {
                    statedRounds.add(r);
                }
            }
        }
        long signature = b.getLong();
        Pay pay = null;
        if (b.get() == 1) {
            double min = b.getDouble();
            double max = b.getDouble();
            pay = new Pay(min, max, string(b), string(b));
        }
        return new PostingFacts(new PostingText(text, idBytes, titleBytes), company, source, taxonomy, postedAt,
                fetchedOn, ml, q < 0 ? null : QUADRANTS[q], l < 0 ? null : LEVELS[l], m < 0 ? null : m == 1,
                domains, none ? RoundWeights.NONE : RoundWeights.ofWeights(weights), statedRounds, remote, country,
                city, pay, firstSeenAt, closedAt, signature);
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static int len(byte[] s) {
        return 4 + (s == null ? 0 : s.length);
    }

    private static void put(ByteBuffer b, byte[] s) {
        if (s == null) {
            b.putInt(-1);
        } else {
            b.putInt(s.length).put(s);
        }
    }

    private static String string(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0) {
            return null;
        }
        String s = new String(b.array(), b.position(), n, StandardCharsets.UTF_8);
        b.position(b.position() + n);
        return s;
    }

    private static void date(ByteBuffer b, LocalDate d) {
        b.putLong(d == null ? NO_DATE : d.toEpochDay());
    }

    private static LocalDate date(ByteBuffer b) {
        long day = b.getLong();
        return day == NO_DATE ? null : LocalDate.ofEpochDay(day);
    }
}
