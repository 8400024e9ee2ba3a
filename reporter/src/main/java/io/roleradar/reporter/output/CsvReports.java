package io.roleradar.reporter.output;

import io.roleradar.model.Domain;
import io.roleradar.model.Level;
import io.roleradar.model.Quadrant;
import io.roleradar.model.Round;
import io.roleradar.model.RemoteMode;
import io.roleradar.reporter.aggregate.LocationFigures;
import io.roleradar.reporter.aggregate.MarketReport;
import io.roleradar.reporter.aggregate.PayFigures;
import io.roleradar.reporter.aggregate.StatedRounds;
import io.roleradar.reporter.aggregate.WeeklyChanges;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes the CSV reports in tidy long format (one observation per row, the grouping in columns),
 * which a spreadsheet pivots and a notebook loads without reshaping. The overall figure of a
 * per-quadrant report is the group {@code ALL}. Column meanings are in the module's README.
 */
public final class CsvReports {
    public static final List<String> FILES = List.of("quadrants.csv", "domains.csv", "rounds.csv",
            "stated_rounds.csv", "domain_rounds.csv", "levels.csv", "companies.csv", "trends.csv", "pay.csv",
            "work_modes.csv", "locations.csv", "changes.csv", "postings.csv");
    /** How many cities locations.csv lists per country and quadrant. */
    static final int TOP_CITIES = 5;
    static final String ALL = "ALL";
    /** How many domains companies.csv lists per company. */
    static final int TOP_DOMAINS = 3;

    private final MarketReport report;

    public CsvReports(MarketReport report) {
        this.report = report;
    }

    /**
     * Writes every CSV into {@code dir}.
     *
     * @param asOf the snapshot's day, to which an open posting's {@code days_open} in postings.csv runs
     */
    public List<Path> writeAll(Path dir, LocalDate asOf) throws IOException {
        List<Path> written = new ArrayList<>();
        written.add(table(dir, "quadrants.csv", this::quadrants,
                "quadrant", "responsibility", "specialization", "postings", "share"));
        written.add(table(dir, "domains.csv", this::domains,
                "quadrant", "domain", "postings", "quadrant_postings", "share"));
        written.add(table(dir, "rounds.csv", this::rounds,
                "scope", "group", "round", "postings", "weighted_demand", "mean_weight", "share"));
        written.add(table(dir, "stated_rounds.csv", this::statedRounds,
                "scope", "group", "round", "postings", "describing_process", "process_share", "stating_round",
                "stated_share"));
        written.add(table(dir, "domain_rounds.csv", this::domainRounds,
                "domain", "round", "postings", "weighted_demand", "mean_weight", "share"));
        written.add(table(dir, "levels.csv", t -> shares(t, Level.values(), report::level),
                "quadrant", "level", "postings", "quadrant_postings", "share"));
        written.add(table(dir, "companies.csv", this::companies,
                "company", "postings", "share", "modeling_generalist", "modeling_specialist", "infra_generalist",
                "infra_specialist", "top_domains"));
        written.add(table(dir, "trends.csv", this::trends,
                "week", "week_start", "dimension", "value", "postings"));
        written.add(table(dir, "pay.csv", this::pay,
                "scope", "group", "currency", "postings", "stating_pay", "share_stating_pay", "p25_annual",
                "median_annual", "p75_annual"));
        written.add(table(dir, "work_modes.csv", t -> shares(t, RemoteMode.values(), report::workMode),
                "quadrant", "mode", "postings", "quadrant_postings", "share"));
        written.add(table(dir, "locations.csv", this::locations,
                "quadrant", "country", "city", "postings", "quadrant_postings", "share"));
        written.add(table(dir, "changes.csv", this::changes,
                "week", "week_start", "dimension", "value", "new", "closed", "open_at_week_end"));
        written.add(PostingsCsv.write(dir, report, asOf));
        return written;
    }

    /** The rows of one table. */
    private interface Rows {
        void write(CsvTable t) throws IOException;
    }

    private static Path table(Path dir, String name, Rows rows, String... header) throws IOException {
        return ReportFiles.write(dir, name, out -> {
            try (CsvTable t = new CsvTable(out, header)) {
                rows.write(t);
            }
        });
    }

    /** How many roles of a scope (a quadrant or {@link MarketReport#ALL}) have a value. */
    interface CountIn<E> {
        long count(int scope, E value);
    }

    /** Per scope (all, then each quadrant): each value's roles, the scope's roles, and the share. */
    private <E extends Enum<E>> void shares(CsvTable t, E[] values, CountIn<E> counts) throws IOException {
        for (int q : scopes()) {
            long in = report.postings(q);
            for (E value : values) {
                long n = counts.count(q, value);
                t.row(scopeName(q), value.name(), n, in, share(n, in));
            }
        }
    }

    /** Per group and currency: roles, the share stating pay, the quartiles of the annualised midpoint. */
    private void pay(CsvTable t) throws IOException {
        PayFigures pay = report.pay();
        List<String> currencies = pay.currencies();
        for (PayFigures.Scope scope : PayFigures.Scope.values()) {
            for (String group : PayFigures.groups(scope)) {
                long roles = rolesOf(scope, group);
                for (String currency : currencies) {
                    long stating = pay.stating(scope, group, currency);
                    t.row(scope.name().toLowerCase(Locale.ROOT), group, currency, roles, stating,
                            share(stating, roles), amount(pay.quantile(scope, group, currency, 0.25)),
                            amount(pay.quantile(scope, group, currency, 0.5)),
                            amount(pay.quantile(scope, group, currency, 0.75)));
                }
            }
        }
    }

    private long rolesOf(PayFigures.Scope scope, String group) {
        return switch (scope) {
            case OVERALL -> report.postings();
            case QUADRANT -> report.postings(Quadrant.valueOf(group).ordinal());
            case LEVEL -> report.level(MarketReport.ALL, Level.valueOf(group));
            case DOMAIN -> report.domain(MarketReport.ALL, Domain.valueOf(group));
        };
    }

    /** A yearly amount in whole units, empty when there is none. */
    private static String amount(double v) {
        return Double.isNaN(v) ? null : Long.toString(Math.round(v));
    }

    /** Per quadrant: each country (city {@code ALL}), then its top cities. */
    private void locations(CsvTable t) throws IOException {
        LocationFigures loc = report.locations();
        for (int q : scopes()) {
            long in = report.postings(q);
            for (String country : loc.countries()) {
                long n = loc.country(country, q);
                if (n == 0 && q != MarketReport.ALL) {
                    continue;
                }
                t.row(scopeName(q), country, ALL, n, in, share(n, in));
                for (String city : loc.topCities(country, TOP_CITIES)) {
                    long c = loc.city(country, city, q);
                    if (c > 0) {
                        t.row(scopeName(q), country, city, c, in, share(c, in));
                    }
                }
            }
        }
    }

    private void changes(CsvTable t) throws IOException {
        for (WeeklyChanges.Week w : report.changes().weeks()) {
            changeRow(t, w, "total", ALL, WeeklyChanges.total());
            for (Quadrant q : Quadrant.values()) {
                changeRow(t, w, "quadrant", q.name(), WeeklyChanges.quadrant(q));
            }
            for (Domain d : Domain.values()) {
                changeRow(t, w, "domain", d.name(), WeeklyChanges.domain(d));
            }
        }
    }

    private static void changeRow(CsvTable t, WeeklyChanges.Week w, String dimension, String value, int series)
            throws IOException {
        t.row(w.isoWeek(), w.start(), dimension, value, w.opened()[series], w.closed()[series], w.openAtEnd()[series]);
    }

    private void quadrants(CsvTable t) throws IOException {
        for (Quadrant q : Quadrant.values()) {
            t.row(q.name(), q.responsibility().name(), q.specialization().name(),
                    report.postings(q.ordinal()), share(report.postings(q.ordinal()), report.postings()));
        }
    }

    private void domains(CsvTable t) throws IOException {
        for (int q : scopes()) {
            long in = report.postings(q);
            for (Domain d : Domain.values()) {
                t.row(scopeName(q), d.name(), report.domain(q, d), in, share(report.domain(q, d), in));
            }
            t.row(scopeName(q), "NONE", report.noDomain(q), in, share(report.noDomain(q), in));
        }
    }

    private void rounds(CsvTable t) throws IOException {
        for (int q : scopes()) {
            roundRows(t, q == MarketReport.ALL ? "overall" : "quadrant", scopeName(q), report.postings(q),
                    r -> report.roundDemand(q, r));
        }
        for (Level l : Level.values()) {
            roundRows(t, "level", l.name(), report.level(MarketReport.ALL, l), r -> report.roundDemandAtLevel(l, r));
        }
    }

    /** What employers state, apart from what is inferred: {@code rounds.csv}'s groups, from the postings' own process. */
    private void statedRounds(CsvTable t) throws IOException {
        statedRoundRows(t, "overall", ALL, report.statedRounds());
        for (Quadrant q : Quadrant.values()) {
            statedRoundRows(t, "quadrant", q.name(), report.statedRounds(q));
        }
        for (Level l : Level.values()) {
            statedRoundRows(t, "level", l.name(), report.statedRounds(l));
        }
    }

    private static void statedRoundRows(CsvTable t, String scope, String group, StatedRounds stated) throws IOException {
        for (Round r : Round.values()) {
            t.row(scope, group, r.name(), stated.postings(), stated.describingProcess(), stated.processShare(),
                    stated.stating(r), stated.statedShare(r));
        }
    }

    private void domainRounds(CsvTable t) throws IOException {
        for (Domain d : Domain.values()) {
            roundRows(t, null, d.name(), report.domain(MarketReport.ALL, d), r -> report.roundDemandInDomain(d, r));
        }
    }

    /** A group's rows of rounds.csv, or of domain_rounds.csv (which has no scope column) when {@code scope} is null. */
    private static void roundRows(CsvTable t, String scope, String group, long postings,
                                  ToDoubleFunction<Round> demand) throws IOException {
        double total = 0;
        for (Round r : Round.values()) {
            total += demand.applyAsDouble(r);
        }
        for (Round r : Round.values()) {
            double w = demand.applyAsDouble(r);
            Object[] cells = {scope, group, r.name(), postings, w, mean(w, postings), share(w, total)};
            t.row(scope == null ? Arrays.copyOfRange(cells, 1, cells.length) : cells);
        }
    }

    private void companies(CsvTable t) throws IOException {
        for (Map.Entry<String, MarketReport.CompanyFigures> e : report.companies()) {
            MarketReport.CompanyFigures c = e.getValue();
            String top = c.topDomains(TOP_DOMAINS).stream().map(d -> d.name() + ":" + c.domain(d))
                    .collect(Collectors.joining(";"));
            t.row(e.getKey(), c.postings(), share(c.postings(), report.postings()),
                    c.quadrant(Quadrant.MODELING_GENERALIST), c.quadrant(Quadrant.MODELING_SPECIALIST),
                    c.quadrant(Quadrant.INFRA_GENERALIST), c.quadrant(Quadrant.INFRA_SPECIALIST), top);
        }
    }

    private void trends(CsvTable t) throws IOException {
        for (Map.Entry<String, MarketReport.WeekFigures> e : report.weeks().entrySet()) {
            MarketReport.WeekFigures w = e.getValue();
            String week = e.getKey();
            t.row(week, w.start(), "total", ALL, w.postings());
            for (Quadrant q : Quadrant.values()) {
                t.row(week, w.start(), "quadrant", q.name(), w.quadrant(q));
            }
            for (Domain d : Domain.values()) {
                t.row(week, w.start(), "domain", d.name(), w.domain(d));
            }
        }
    }

    /** {@link MarketReport#ALL}, then each quadrant's ordinal. */
    static int[] scopes() {
        return IntStream.concat(IntStream.of(MarketReport.ALL), IntStream.range(0, Quadrant.values().length)).toArray();
    }

    static String scopeName(int q) {
        return q == MarketReport.ALL ? ALL : Quadrant.values()[q].name();
    }

    static double share(double part, double whole) {
        return whole == 0 ? 0.0 : part / whole;
    }

    static double mean(double sum, long n) {
        return n == 0 ? 0.0 : sum / n;
    }
}
