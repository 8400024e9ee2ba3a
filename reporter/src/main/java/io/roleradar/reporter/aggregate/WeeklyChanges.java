package io.roleradar.reporter.aggregate;

import io.roleradar.model.Domain;
import io.roleradar.model.Quadrant;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * How the open ML roles changed week by week: per ISO week, the roles that opened (their date: the
 * earliest posting date of the role), the roles that closed (every posting of the role closed; the
 * latest {@code closedAt}) and the roles open at the week's end, overall, per quadrant and per
 * domain. Made from every ML role ever seen, open or closed, whatever the report counts otherwise;
 * a role with no date cannot be placed and is only counted ({@link #undated()}).
 */
public final class WeeklyChanges {
    private static final int Q = Quadrant.values().length;
    private static final int D = Domain.values().length;
    /** Index 0 is the total, then the quadrants, then the domains. */
    static final int SERIES = 1 + Q + D;

    /** Keyed by the Monday each week starts on. */
    private final TreeMap<LocalDate, long[][]> weeks = new TreeMap<>();
    private long undated;

    void add(Role role, LocalDate closedOn) {
        if (role.date() == null) {
            undated++;
            return;
        }
        count(role, MarketReport.weekStart(role.date()), 0);
        if (closedOn != null) {
            count(role, MarketReport.weekStart(closedOn), 1);
        }
    }

    private void count(Role role, LocalDate week, int what) {
        long[] series = weeks.computeIfAbsent(week, w -> new long[2][SERIES])[what];
        series[0]++;
        series[1 + role.first().quadrant().ordinal()]++;
        for (Domain d : role.first().domains()) {
            series[1 + Q + d.ordinal()]++;
        }
    }

    /** ML roles with no date, left out of the weekly changes. */
    public long undated() {
        return undated;
    }

    /** Index of the total in a week's series. */
    public static int total() {
        return 0;
    }

    public static int quadrant(Quadrant q) {
        return 1 + q.ordinal();
    }

    public static int domain(Domain d) {
        return 1 + Q + d.ordinal();
    }

    /** One week: roles opened, closed, and open at its end, per series ({@link #total()}, quadrant, domain). */
    public record Week(LocalDate start, long[] opened, long[] closed, long[] openAtEnd) {
        public String isoWeek() {
            return MarketReport.isoWeek(start);
        }
    }

    /**
     * The weeks from the first event to the last, in order, weeks without events included (unless
     * the span exceeds {@link MarketReport#MAX_FILLED_WEEKS}, a sign of a stray date, when only weeks
     * with events are listed; the open counts stay right either way).
     */
    public List<Week> weeks() {
        List<Week> out = new ArrayList<>();
        if (weeks.isEmpty()) {
            return out;
        }
        LocalDate first = weeks.firstKey();
        LocalDate last = weeks.lastKey();
        boolean fill = ChronoUnit.WEEKS.between(first, last) <= MarketReport.MAX_FILLED_WEEKS;
        long[] open = new long[SERIES];
        LocalDate w = first;
        while (w != null && !w.isAfter(last)) {
            long[][] events = weeks.getOrDefault(w, new long[2][SERIES]);
            for (int s = 0; s < SERIES; s++) {
                open[s] += events[0][s] - events[1][s];
            }
            out.add(new Week(w, events[0], events[1], open.clone()));
            w = fill ? w.plusWeeks(1) : weeks.higherKey(w);
        }
        return out;
    }
}
