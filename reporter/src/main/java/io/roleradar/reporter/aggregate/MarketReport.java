package io.roleradar.reporter.aggregate;

import io.roleradar.model.Domain;
import io.roleradar.model.Level;
import io.roleradar.model.Quadrant;
import io.roleradar.model.RemoteMode;
import io.roleradar.model.Round;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The market figures of one report, folded from the latest postings (passes over the
 * {@link FactsStore}, see {@link #of(LatestPostings, Filters, boolean)}): counts per
 * quadrant, domain, level, company and ISO week, the summed round weights roleradar infers, the
 * rounds employers state ({@link StatedRounds}), pay, work modes, locations and the weekly changes.
 * The figures count <em>roles</em>: near-duplicate postings of one company ({@link RoleGroups}) are
 * one role. By default only open postings count (no {@code closedAt}); with {@code includeClosed}
 * every posting ever seen does. Arrays are indexed by enum ordinal; the extra last row of a
 * per-quadrant array ({@link #ALL}) is the overall figure. Non-ML postings, closed ones (by default)
 * and postings outside the filters are only counted.
 */
public final class MarketReport {
    public static final int ALL = Quadrant.values().length;
    /** How many of the most recent postings the HTML report lists. */
    public static final int RECENT = 15;
    private static final int Q = Quadrant.values().length;
    private static final int D = Domain.values().length;
    private static final int L = Level.values().length;
    private static final int R = Round.values().length;
    private static final Round[] ROUNDS = Round.values();
    private static final RemoteMode[] MODES = RemoteMode.values();

    private final boolean includeClosed;
    private long postings;
    private long mlPostings;
    private long nonMl;
    private long filteredOut;
    private long closedLeftOut;
    private long undated;
    private long statingPay;
    private long implausiblePay;
    private final long[] byQuadrant = new long[Q + 1];
    private final long[][] domainByQuadrant = new long[Q + 1][D];
    private final long[] noDomainByQuadrant = new long[Q + 1];
    private final double[][] roundByQuadrant = new double[Q + 1][R];
    private final double[][] roundByLevel = new double[L][R];
    private final long[][] levelByQuadrant = new long[Q + 1][L];
    private final double[][] roundByDomain = new double[D][R];
    private final long[][] modeByQuadrant = new long[Q + 1][MODES.length];
    private final StatedRounds statedOverall = new StatedRounds();
    private final Map<Quadrant, StatedRounds> statedByQuadrant = groups(Quadrant.class);
    private final Map<Level, StatedRounds> statedByLevel = groups(Level.class);
    private final Map<String, CompanyFigures> companies = new HashMap<>();
    /** Keyed by week-based year * 100 + week, so no string is made per posting. */
    private final TreeMap<Integer, WeekFigures> weeks = new TreeMap<>();
    private final PriorityQueue<Recent> recent = new PriorityQueue<>(Recent.ORDER);
    private final PayFigures pay;
    private final LocationFigures locations = new LocationFigures();
    private final WeeklyChanges changes = new WeeklyChanges();
    /** Where the facts are: the latest postings, and under {@link #leaders} each posting's role group. */
    private final LatestPostings latest;
    /** The key prefix of each posting's role group (id to the id of its role's first posting). */
    private final byte[] leaders;

    private MarketReport(boolean includeClosed, LatestPostings latest, int serial) {
        this.includeClosed = includeClosed;
        this.latest = latest;
        this.leaders = prefix(serial, LEADER);
        this.pay = new PayFigures(latest.store(), prefix(serial, PAY));
    }

    /**
     * Folds the latest postings that pass the filters into a report: the open ones, or with
     * {@code includeClosed} every one ever seen. In three passes over the {@link FactsStore}, each
     * holding at most one company's or one role's postings on the heap:
     * <ol>
     * <li>the latest facts in id order: postings outside the filters are counted; a posting that may
     *     have near-duplicates (a company and a {@link TextSignature}) is filed under its company,
     *     every other one is a role of its own;</li>
     * <li>company by company (its postings in id order): {@link RoleGroups} finds its roles, and each
     *     posting is filed under its role's first (lowest) id, with that id as its role group;</li>
     * <li>role by role, in the order of their first ids, each role's postings in id order: the
     *     figures, folded in the same order as when every posting was on the heap and sorted by id, so
     *     the sums come out the same to the last bit.</li>
     * </ol>
     * Pay values go to the store too ({@link PayFigures}); postings.csv is read back from the store in
     * id order ({@link #forEachRow}). The store must stay open while the report is used.
     */
    public static MarketReport of(LatestPostings latest, Filters filters, boolean includeClosed) {
        FactsStore store = latest.store();
        int serial = store.newReport();
        MarketReport report = new MarketReport(includeClosed, latest, serial);
        byte[] companies = prefix(serial, COMPANY);
        byte[] roles = prefix(serial, ROLE);
        try (FactsStore.Writer out = store.writer()) {
            try (FactsStore.Cursor c = store.latest()) {
                int distinct = 0;
                while (c.next()) {
                    distinct++;
                    byte[] value = c.value();
                    PostingFacts f = FactsCodec.decode(value);
                    if (!filters.matches(f)) {
                        report.filteredOut++;
                    } else if (f.company() != null && f.signature() != TextSignature.NONE) {
                        out.put(companyKey(companies, f.company(), c.key()), value);
                    } else {
                        byte[] id = c.key();
                        out.put(roleKey(roles, id, id), value);
                        out.put(join(report.leaders, id), id);
                    }
                }
                latest.counted(distinct);
            }
            out.flush();
            try (FactsStore.Cursor c = store.work(companies)) {
                List<byte[]> values = new ArrayList<>();
                byte[] company = null;
                while (c.next()) {
                    byte[] key = c.key();
                    int end = companies.length + 4 + ByteBuffer.wrap(key, companies.length, 4).getInt();
                    if (company != null && !Arrays.equals(key, 0, end, company, 0, company.length)) {
                        report.groupCompany(values, roles, out);
                        values.clear();
                    }
                    company = Arrays.copyOf(key, end);
                    values.add(c.value());
                }
                if (!values.isEmpty()) {
                    report.groupCompany(values, roles, out);
                }
            }
        }
        store.deleteWork(companies);
        try (FactsStore.Cursor c = store.work(roles)) {
            List<PostingFacts> members = new ArrayList<>();
            byte[] leader = null;
            int leaderEnd = 0;
            while (c.next()) {
                byte[] key = c.key();
                int end = leaderEnd(key, roles.length);
                if (leader != null && !Arrays.equals(key, 0, end, leader, 0, leaderEnd)) {
                    report.foldRole(members);
                    members.clear();
                }
                leader = key;
                leaderEnd = end;
                members.add(FactsCodec.decode(c.value()));
            }
            if (!members.isEmpty()) {
                report.foldRole(members);
            }
        }
        store.deleteWork(roles);
        report.pay.finish();
        return report;
    }

    /** Finds one company's roles (its postings in id order) and files each posting under its role. */
    private void groupCompany(List<byte[]> values, byte[] roles, FactsStore.Writer out) {
        PostingFacts[] rows = new PostingFacts[values.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = FactsCodec.decode(values.get(i));
        }
        int[] roleOf = RoleGroups.leaders(rows);
        byte[][] ids = new byte[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            ids[i] = rows[i].text().idUtf8();
        }
        for (int i = 0; i < rows.length; i++) {
            out.put(roleKey(roles, ids[roleOf[i]], ids[i]), values.get(i));
            out.put(join(leaders, ids[i]), ids[roleOf[i]]);
        }
    }

    /** Scratch data kinds, after the report's number in a key. */
    private static final byte COMPANY = 'C';
    private static final byte ROLE = 'R';
    private static final byte LEADER = 'L';
    static final byte PAY = 'P';

    static byte[] prefix(int serial, byte kind) {
        return ByteBuffer.allocate(5).putInt(serial).put(kind).array();
    }

    /** Company (length first, so one company's keys are one range), then id. */
    private static byte[] companyKey(byte[] prefix, String company, byte[] id) {
        byte[] name = company.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(prefix.length + 4 + name.length + id.length).put(prefix).putInt(name.length)
                .put(name).put(id).array();
    }

    /** The role's first id, then the member's id: roles in the order of their first ids, members in id order. */
    private static byte[] roleKey(byte[] prefix, byte[] leader, byte[] id) {
        return join(ordered(prefix, leader), id);
    }

    /** {@code prefix}, then {@code id}. */
    private static byte[] join(byte[] prefix, byte[] id) {
        byte[] key = Arrays.copyOf(prefix, prefix.length + id.length);
        System.arraycopy(id, 0, key, prefix.length, id.length);
        return key;
    }

    /**
     * {@code prefix}, then {@code bytes} with each 0x00 written 0x00 0xFF, then 0x00 0x01: keys that
     * sort by {@code bytes} as the bytes themselves sort, whatever follows them.
     */
    static byte[] ordered(byte[] prefix, byte[] bytes) {
        int zeros = 0;
        for (byte b : bytes) {
            if (b == 0) {
                zeros++;
            }
        }
        byte[] key = new byte[prefix.length + bytes.length + zeros + 2];
        System.arraycopy(prefix, 0, key, 0, prefix.length);
        int at = prefix.length;
        for (byte b : bytes) {
            key[at++] = b;
            if (b == 0) {
                key[at++] = (byte) 0xFF;
            }
        }
        key[at++] = 0;
        key[at] = 1;
        return key;
    }

    /** Where the part written by {@link #ordered} that starts at {@code from} ends (after its 0x00 0x01). */
    static int leaderEnd(byte[] key, int from) {
        for (int i = from; i < key.length - 1; i++) {
            if (key[i] == 0) {
                if (key[i + 1] == 1) {
                    return i + 2;
                }
                i++; // an escaped 0x00
            }
        }
        throw new IllegalStateException("a scratch key without its terminator");
    }

    /** The bytes {@link #ordered} wrote from {@code from} up to (not including) {@code end}, unescaped. */
    static byte[] unordered(byte[] key, int from, int end) {
        byte[] out = new byte[end - from - 2];
        int n = 0;
        for (int i = from; i < end - 2; i++) {
            out[n++] = key[i];
            if (key[i] == 0) {
                i++;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Folds one role: its postings (every one within the filters, ML or not, open or closed), in id order. */
    private void foldRole(List<PostingFacts> group) {
        List<PostingFacts> counted = new ArrayList<>();
        List<PostingFacts> everMl = new ArrayList<>();
        for (PostingFacts f : group) {
            if (!f.mlRole()) {
                nonMl++;
                continue;
            }
            everMl.add(f);
            if (!includeClosed && f.closed()) {
                closedLeftOut++;
            } else {
                counted.add(f);
            }
        }
        if (!everMl.isEmpty()) {
            changes.add(Role.of(everMl), closedOn(everMl));
        }
        if (!counted.isEmpty()) {
            add(counted);
        }
    }

    /** The day the last of a role's postings closed, or null while one of them is open. */
    private static LocalDate closedOn(List<PostingFacts> members) {
        LocalDate last = null;
        for (PostingFacts m : members) {
            if (!m.closed()) {
                return null;
            }
            last = last == null || m.closedAt().isAfter(last) ? m.closedAt() : last;
        }
        return last;
    }

    private void add(List<PostingFacts> members) {
        Role role = Role.of(members);
        PostingFacts f = role.first();
        postings++;
        mlPostings += members.size();
        for (PostingFacts m : members) {
            if (m.pay() != null && !m.pay().countable()) {
                implausiblePay++;
            }
        }
        int q = f.quadrant().ordinal();
        int l = f.level().ordinal();
        byQuadrant[q]++;
        byQuadrant[ALL]++;
        levelByQuadrant[q][l]++;
        levelByQuadrant[ALL][l]++;
        modeByQuadrant[q][role.remote().ordinal()]++;
        modeByQuadrant[ALL][role.remote().ordinal()]++;
        for (int r = 0; r < R; r++) {
            double w = f.weight(ROUNDS[r]);
            roundByQuadrant[q][r] += w;
            roundByQuadrant[ALL][r] += w;
            roundByLevel[l][r] += w;
        }
        statedOverall.add(f);
        statedByQuadrant.get(f.quadrant()).add(f);
        statedByLevel.get(f.level()).add(f);
        if (f.domains().isEmpty()) {
            noDomainByQuadrant[q]++;
            noDomainByQuadrant[ALL]++;
        }
        for (Domain domain : f.domains()) {
            int d = domain.ordinal();
            domainByQuadrant[q][d]++;
            domainByQuadrant[ALL][d]++;
            for (int r = 0; r < R; r++) {
                roundByDomain[d][r] += f.weight(ROUNDS[r]);
            }
        }
        if (role.pay() != null) {
            statingPay++;
        }
        pay.add(role);
        locations.add(role);
        String company = f.company() == null ? UNKNOWN_COMPANY : f.company();
        companies.computeIfAbsent(company, c -> new CompanyFigures()).add(f);
        LocalDate date = role.date();
        if (date == null) {
            undated++;
        } else {
            weeks.computeIfAbsent(weekKey(date), w -> new WeekFigures(weekStart(date))).add(f);
            recent.add(new Recent(date, f));
            if (recent.size() > RECENT) {
                recent.poll();
            }
        }
    }

    private static <E extends Enum<E>> Map<E, StatedRounds> groups(Class<E> type) {
        Map<E, StatedRounds> groups = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            groups.put(e, new StatedRounds());
        }
        return groups;
    }

    /** How companies.csv names postings without a company. */
    public static final String UNKNOWN_COMPANY = "(unknown)";

    /** The ISO week of a date, e.g. {@code 2026-W05} (week-based year, so 2027-01-01 may be 2026-W53). */
    public static String isoWeek(LocalDate date) {
        int week = date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return date.get(IsoFields.WEEK_BASED_YEAR) + (week < 10 ? "-W0" : "-W") + week;
    }

    private static int weekKey(LocalDate date) {
        return date.get(IsoFields.WEEK_BASED_YEAR) * 100 + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    static LocalDate weekStart(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** ML roles in the report (after filters, near-duplicates merged): what every figure counts. */
    public long postings() {
        return postings;
    }

    /** ML postings the roles are made of (before near-duplicates are merged). */
    public long mlPostings() {
        return mlPostings;
    }

    /** ML postings merged into another posting's role: {@link #mlPostings()} - {@link #postings()}. */
    public long mergedPostings() {
        return mlPostings - postings;
    }

    /** Whether closed postings are counted too (else only open ones). */
    public boolean includeClosed() {
        return includeClosed;
    }

    /** Closed ML postings within the filters, left out because only open ones are counted. */
    public long closedLeftOut() {
        return closedLeftOut;
    }

    /** Roles that state a pay range the figures can count. */
    public long statingPay() {
        return statingPay;
    }

    /** Counted ML postings whose stated pay the figures cannot trust (kept raw in postings.csv). */
    public long implausiblePay() {
        return implausiblePay;
    }

    /** Roles of a quadrant (or {@link #ALL}) with the work mode. */
    public long workMode(int quadrant, RemoteMode mode) {
        return modeByQuadrant[quadrant][mode.ordinal()];
    }

    public PayFigures pay() {
        return pay;
    }

    public LocationFigures locations() {
        return locations;
    }

    public WeeklyChanges changes() {
        return changes;
    }

    /**
     * Calls {@code action} with each posting within the filters (ML or not, open or closed) and the
     * id of its role's first posting, in id order: postings.csv's rows, read from the store.
     */
    public void forEachRow(java.util.function.BiConsumer<PostingFacts, String> action) {
        try (FactsStore.Cursor rolesOf = latest.store().work(leaders);
             FactsStore.Cursor facts = latest.store().latest()) {
            while (rolesOf.next()) {
                byte[] key = rolesOf.key();
                byte[] id = Arrays.copyOfRange(key, leaders.length, key.length);
                // Both in id order: usually the next entry, else a seek past postings left out by the filters.
                if (!facts.next() || !Arrays.equals(facts.key(), id)) {
                    if (!facts.seek(id) || !Arrays.equals(facts.key(), id)) {
                        throw new IllegalStateException("the facts store lost posting "
                                + new String(id, StandardCharsets.UTF_8));
                    }
                }
                action.accept(FactsCodec.decode(facts.value()),
                        new String(rolesOf.value(), StandardCharsets.UTF_8));
            }
        }
    }

    /** Postings that passed the filters but are not ML roles; they are only counted. */
    public long nonMl() {
        return nonMl;
    }

    public long filteredOut() {
        return filteredOut;
    }

    /** ML roles without a date ({@link PostingFacts#date()}): in every report but trends. */
    public long undated() {
        return undated;
    }

    /** ML postings in a quadrant, or all of them for {@link #ALL}. */
    public long postings(int quadrant) {
        return byQuadrant[quadrant];
    }

    public long domain(int quadrant, Domain domain) {
        return domainByQuadrant[quadrant][domain.ordinal()];
    }

    /** ML postings without any domain tag, in a quadrant or {@link #ALL}. */
    public long noDomain(int quadrant) {
        return noDomainByQuadrant[quadrant];
    }

    public double roundDemand(int quadrant, Round round) {
        return roundByQuadrant[quadrant][round.ordinal()];
    }

    public double roundDemandAtLevel(Level level, Round round) {
        return roundByLevel[level.ordinal()][round.ordinal()];
    }

    public long level(int quadrant, Level level) {
        return levelByQuadrant[quadrant][level.ordinal()];
    }

    public double roundDemandInDomain(Domain domain, Round round) {
        return roundByDomain[domain.ordinal()][round.ordinal()];
    }

    /** What the employers of all ML postings state about their hiring process. */
    public StatedRounds statedRounds() {
        return statedOverall;
    }

    /** What the employers of a quadrant's postings state about their hiring process. */
    public StatedRounds statedRounds(Quadrant quadrant) {
        return statedByQuadrant.get(quadrant);
    }

    /** What the employers of a level's postings state about their hiring process. */
    public StatedRounds statedRounds(Level level) {
        return statedByLevel.get(level);
    }

    /** Companies, most postings first, then by name. */
    public List<Map.Entry<String, CompanyFigures>> companies() {
        List<Map.Entry<String, CompanyFigures>> list = new ArrayList<>(companies.entrySet());
        list.sort(Comparator.<Map.Entry<String, CompanyFigures>>comparingLong(e -> -e.getValue().postings())
                .thenComparing(Map.Entry::getKey));
        return list;
    }

    /**
     * ISO weeks in order, with their figures; weeks without postings between the first and the last
     * are included with zeros, so a trend has no silent gaps (unless the span exceeds
     * {@link #MAX_FILLED_WEEKS}, a sign of a stray date, when only weeks with postings are given).
     */
    public Map<String, WeekFigures> weeks() {
        TreeMap<String, WeekFigures> named = new TreeMap<>();
        if (weeks.isEmpty()) {
            return named;
        }
        weeks.values().forEach(w -> named.put(isoWeek(w.start()), w));
        LocalDate first = weeks.firstEntry().getValue().start();
        LocalDate last = weeks.lastEntry().getValue().start();
        if (java.time.temporal.ChronoUnit.WEEKS.between(first, last) <= MAX_FILLED_WEEKS) {
            for (LocalDate w = first; !w.isAfter(last); w = w.plusWeeks(1)) {
                named.putIfAbsent(isoWeek(w), new WeekFigures(w));
            }
        }
        return Collections.unmodifiableMap(named);
    }

    /** The longest span of weeks a trend is filled in for (ten years). */
    public static final int MAX_FILLED_WEEKS = 520;

    /** The most recent ML postings (by report date), newest first. */
    public List<Recent> recent() {
        List<Recent> list = new ArrayList<>(recent);
        list.sort(Recent.ORDER.reversed());
        return list;
    }

    /** Roles per quadrant and per domain: what a company's and a week's figures count. */
    public static class Counts {
        private long postings;
        private final long[] quadrants = new long[Q];
        private final long[] domains = new long[D];

        void add(PostingFacts f) {
            postings++;
            quadrants[f.quadrant().ordinal()]++;
            f.domains().forEach(d -> domains[d.ordinal()]++);
        }

        public long postings() {
            return postings;
        }

        public long quadrant(Quadrant q) {
            return quadrants[q.ordinal()];
        }

        public long domain(Domain d) {
            return domains[d.ordinal()];
        }
    }

    /** Per company: postings, quadrant mix and domain counts. */
    public static final class CompanyFigures extends Counts {
        private PostingFacts first;

        @Override
        void add(PostingFacts f) {
            super.add(f);
            if (first == null) {
                first = f; // roles come in id order: the company's lowest id
            }
        }

        /** The source URL of the company's first counted posting (lowest id, so runs agree), or null. */
        public String sourceUrl() {
            return first == null ? null : first.sourceUrl();
        }

        /** Up to {@code n} domains, most postings first, ties in taxonomy order; never zero counts. */
        public List<Domain> topDomains(int n) {
            List<Domain> list = new ArrayList<>();
            for (Domain d : Domain.values()) {
                if (domain(d) > 0) {
                    list.add(d);
                }
            }
            list.sort(Comparator.comparingLong((Domain d) -> -domain(d)).thenComparing(Domain::ordinal));
            return list.subList(0, Math.min(n, list.size()));
        }
    }

    /** Per ISO week: postings in total, per quadrant and per domain. */
    public static final class WeekFigures extends Counts {
        private final LocalDate start;

        WeekFigures(LocalDate start) {
            this.start = start;
        }

        /** The Monday the week starts on. */
        public LocalDate start() {
            return start;
        }
    }

    /** One of the most recent postings, for the HTML report. */
    public record Recent(LocalDate date, PostingFacts facts) {
        static final Comparator<Recent> ORDER = Comparator.comparing(Recent::date)
                .thenComparing(Recent::facts, PostingFacts.BY_ID);

        public String id() {
            return facts.id();
        }
    }
}
