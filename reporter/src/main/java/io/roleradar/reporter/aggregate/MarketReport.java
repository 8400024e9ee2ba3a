package io.roleradar.reporter.aggregate;

import io.roleradar.model.Domain;
import io.roleradar.model.Level;
import io.roleradar.model.Quadrant;
import io.roleradar.model.RemoteMode;
import io.roleradar.model.Round;

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
 * The market figures of one report, folded from the latest postings in one pass: counts per
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
    private final PayFigures pay = new PayFigures();
    private final LocationFigures locations = new LocationFigures();
    private final WeeklyChanges changes = new WeeklyChanges();
    /** The postings within the filters, sorted by id, and each one's role (the index of its first posting). */
    private PostingFacts[] rows = new PostingFacts[0];
    private int[] roleOf = new int[0];

    private MarketReport(boolean includeClosed) {
        this.includeClosed = includeClosed;
    }

    /** Folds the latest open postings that pass the filters into a report. */
    public static MarketReport of(LatestPostings latest, Filters filters) {
        return of(latest, filters, false);
    }

    /**
     * Folds the latest postings that pass the filters into a report: the open ones, or with
     * {@code includeClosed} every one ever seen.
     */
    public static MarketReport of(LatestPostings latest, Filters filters, boolean includeClosed) {
        MarketReport report = new MarketReport(includeClosed);
        List<PostingFacts> matching = new ArrayList<>(latest.size());
        latest.forEachFacts(f -> {
            if (filters.matches(f)) {
                matching.add(f);
            } else {
                report.filteredOut++;
            }
        });
        PostingFacts[] rows = matching.toArray(new PostingFacts[0]);
        matching.clear();
        // Sorted by id so postings.csv is the same from run to run and a role's first posting is its
        // lowest id. A million comparisons of ids scattered over the heap wait on memory: every core sorts.
        Arrays.parallelSort(rows, PostingFacts.BY_ID);
        report.rows = rows;
        report.roleOf = RoleGroups.leaders(rows);
        report.foldRoles();
        return report;
    }

    /** Walks each role's postings together (a linked list per role through the sorted rows). */
    private void foldRoles() {
        int n = rows.length;
        int[] next = new int[n];
        int[] head = new int[n];
        Arrays.fill(head, -1);
        for (int i = n - 1; i >= 0; i--) {
            next[i] = head[roleOf[i]];
            head[roleOf[i]] = i;
        }
        List<PostingFacts> counted = new ArrayList<>();
        List<PostingFacts> everMl = new ArrayList<>();
        for (int leader = 0; leader < n; leader++) {
            if (head[leader] < 0) {
                continue;
            }
            counted.clear();
            everMl.clear();
            for (int i = head[leader]; i >= 0; i = next[i]) {
                PostingFacts f = rows[i];
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

    /** The postings within the filters (ML or not, open or closed), sorted by id: postings.csv's rows. */
    public PostingFacts[] rows() {
        return rows;
    }

    /** The id of the first posting of the role of row {@code i} of {@link #rows()}. */
    public String roleGroup(int i) {
        return rows[roleOf[i]].id();
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

    /** Per company: postings, quadrant mix and domain counts. */
    public static final class CompanyFigures {
        private PostingFacts first;
        private long postings;
        private final long[] quadrants = new long[Q];
        private final long[] domains = new long[D];

        void add(PostingFacts f) {
            postings++;
            quadrants[f.quadrant().ordinal()]++;
            f.domains().forEach(d -> domains[d.ordinal()]++);
            if (first == null) {
                first = f; // roles come in id order: the company's lowest id
            }
        }

        public long postings() {
            return postings;
        }

        /** The source URL of the company's first counted posting (lowest id, so runs agree), or null. */
        public String sourceUrl() {
            return first == null ? null : first.sourceUrl();
        }

        public long quadrant(Quadrant q) {
            return quadrants[q.ordinal()];
        }

        public long domain(Domain d) {
            return domains[d.ordinal()];
        }

        /** Up to {@code n} domains, most postings first, ties in taxonomy order; never zero counts. */
        public List<Domain> topDomains(int n) {
            List<Domain> list = new ArrayList<>();
            for (Domain d : Domain.values()) {
                if (domains[d.ordinal()] > 0) {
                    list.add(d);
                }
            }
            list.sort(Comparator.comparingLong((Domain d) -> -domains[d.ordinal()]).thenComparing(Domain::ordinal));
            return list.subList(0, Math.min(n, list.size()));
        }
    }

    /** Per ISO week: postings in total, per quadrant and per domain. */
    public static final class WeekFigures {
        private final LocalDate start;
        private long postings;
        private final long[] quadrants = new long[Q];
        private final long[] domains = new long[D];

        WeekFigures(LocalDate start) {
            this.start = start;
        }

        void add(PostingFacts f) {
            postings++;
            quadrants[f.quadrant().ordinal()]++;
            f.domains().forEach(d -> domains[d.ordinal()]++);
        }

        /** The Monday the week starts on. */
        public LocalDate start() {
            return start;
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

    /** One of the most recent postings, for the HTML report. */
    public record Recent(LocalDate date, PostingFacts facts) {
        static final Comparator<Recent> ORDER = Comparator.comparing(Recent::date)
                .thenComparing(Recent::facts, PostingFacts.BY_ID);

        public String id() {
            return facts.id();
        }
    }
}
