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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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
        written.add(ReportFiles.write(dir, "quadrants.csv", out -> quadrants(new CsvTable(out,
                "quadrant", "responsibility", "specialization", "postings", "share"))));
        written.add(ReportFiles.write(dir, "domains.csv", out -> domains(new CsvTable(out,
                "quadrant", "domain", "postings", "quadrant_postings", "share"))));
        written.add(ReportFiles.write(dir, "rounds.csv", out -> rounds(new CsvTable(out,
                "scope", "group", "round", "postings", "weighted_demand", "mean_weight", "share"))));
        written.add(ReportFiles.write(dir, "stated_rounds.csv", out -> statedRounds(new CsvTable(out,
                "scope", "group", "round", "postings", "describing_process", "process_share", "stating_round",
                "stated_share"))));
        written.add(ReportFiles.write(dir, "domain_rounds.csv", out -> domainRounds(new CsvTable(out,
                "domain", "round", "postings", "weighted_demand", "mean_weight", "share"))));
        written.add(ReportFiles.write(dir, "levels.csv", out -> levels(new CsvTable(out,
                "quadrant", "level", "postings", "quadrant_postings", "share"))));
        written.add(ReportFiles.write(dir, "companies.csv", out -> companies(new CsvTable(out,
                "company", "postings", "share", "modeling_generalist", "modeling_specialist", "infra_generalist",
                "infra_specialist", "top_domains"))));
        written.add(ReportFiles.write(dir, "trends.csv", out -> trends(new CsvTable(out,
                "week", "week_start", "dimension", "value", "postings"))));
        written.add(ReportFiles.write(dir, "pay.csv", out -> pay(new CsvTable(out,
                "scope", "group", "currency", "postings", "stating_pay", "share_stating_pay", "p25_annual",
                "median_annual", "p75_annual"))));
        written.add(ReportFiles.write(dir, "work_modes.csv", out -> workModes(new CsvTable(out,
                "quadrant", "mode", "postings", "quadrant_postings", "share"))));
        written.add(ReportFiles.write(dir, "locations.csv", out -> locations(new CsvTable(out,
                "quadrant", "country", "city", "postings", "quadrant_postings", "share"))));
        written.add(ReportFiles.write(dir, "changes.csv", out -> changes(new CsvTable(out,
                "week", "week_start", "dimension", "value", "new", "closed", "open_at_week_end"))));
        written.add(PostingsCsv.write(dir, report, asOf));
        return written;
    }

    /** Per group and currency: roles, the share stating pay, the quartiles of the annualised midpoint. */
    private void pay(CsvTable t) throws IOException {
        try (t) {
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

    private void workModes(CsvTable t) throws IOException {
        try (t) {
            for (int q : scopes()) {
                long in = report.postings(q);
                for (RemoteMode mode : RemoteMode.values()) {
                    long n = report.workMode(q, mode);
                    t.row(scopeName(q), mode.name(), n, in, share(n, in));
                }
            }
        }
    }

    /** Per quadrant: each country (city {@code ALL}), then its top cities. */
    private void locations(CsvTable t) throws IOException {
        try (t) {
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
    }

    private void changes(CsvTable t) throws IOException {
        try (t) {
            for (WeeklyChanges.Week w : report.changes().weeks()) {
                String week = w.isoWeek();
                changeRow(t, w, week, "total", ALL, WeeklyChanges.total());
                for (Quadrant q : Quadrant.values()) {
                    changeRow(t, w, week, "quadrant", q.name(), WeeklyChanges.quadrant(q));
                }
                for (Domain d : Domain.values()) {
                    changeRow(t, w, week, "domain", d.name(), WeeklyChanges.domain(d));
                }
            }
        }
    }

    private static void changeRow(CsvTable t, WeeklyChanges.Week w, String week, String dimension, String value,
                                  int series) throws IOException {
        t.row(week, w.start(), dimension, value, w.opened()[series], w.closed()[series], w.openAtEnd()[series]);
    }

    private void quadrants(CsvTable t) throws IOException {
        try (t) {
            for (Quadrant q : Quadrant.values()) {
                t.row(q.name(), q.responsibility().name(), q.specialization().name(),
                        report.postings(q.ordinal()), share(report.postings(q.ordinal()), report.postings()));
            }
        }
    }

    private void domains(CsvTable t) throws IOException {
        try (t) {
            for (int q : scopes()) {
                long in = report.postings(q);
                for (Domain d : Domain.values()) {
                    t.row(scopeName(q), d.name(), report.domain(q, d), in, share(report.domain(q, d), in));
                }
                t.row(scopeName(q), "NONE", report.noDomain(q), in, share(report.noDomain(q), in));
            }
        }
    }

    private void rounds(CsvTable t) throws IOException {
        try (t) {
            for (int q : scopes()) {
                double[] demand = new double[Round.values().length];
                for (Round r : Round.values()) {
                    demand[r.ordinal()] = report.roundDemand(q, r);
                }
                roundRows(t, q == MarketReport.ALL ? "overall" : "quadrant", scopeName(q), report.postings(q), demand);
            }
            for (Level l : Level.values()) {
                double[] demand = new double[Round.values().length];
                for (Round r : Round.values()) {
                    demand[r.ordinal()] = report.roundDemandAtLevel(l, r);
                }
                roundRows(t, "level", l.name(), report.level(MarketReport.ALL, l), demand);
            }
        }
    }

    /** What employers state, apart from what is inferred: {@code rounds.csv}'s groups, from the postings' own process. */
    private void statedRounds(CsvTable t) throws IOException {
        try (t) {
            statedRoundRows(t, "overall", ALL, report.statedRounds());
            for (Quadrant q : Quadrant.values()) {
                statedRoundRows(t, "quadrant", q.name(), report.statedRounds(q));
            }
            for (Level l : Level.values()) {
                statedRoundRows(t, "level", l.name(), report.statedRounds(l));
            }
        }
    }

    private static void statedRoundRows(CsvTable t, String scope, String group, StatedRounds stated) throws IOException {
        for (Round r : Round.values()) {
            t.row(scope, group, r.name(), stated.postings(), stated.describingProcess(), stated.processShare(),
                    stated.stating(r), stated.statedShare(r));
        }
    }

    private void domainRounds(CsvTable t) throws IOException {
        try (t) {
            for (Domain d : Domain.values()) {
                double[] demand = new double[Round.values().length];
                for (Round r : Round.values()) {
                    demand[r.ordinal()] = report.roundDemandInDomain(d, r);
                }
                long postings = report.domain(MarketReport.ALL, d);
                double total = sum(demand);
                for (Round r : Round.values()) {
                    double w = demand[r.ordinal()];
                    t.row(d.name(), r.name(), postings, w, mean(w, postings), share(w, total));
                }
            }
        }
    }

    private static void roundRows(CsvTable t, String scope, String group, long postings, double[] demand)
            throws IOException {
        double total = sum(demand);
        for (Round r : Round.values()) {
            double w = demand[r.ordinal()];
            t.row(scope, group, r.name(), postings, w, mean(w, postings), share(w, total));
        }
    }

    private void levels(CsvTable t) throws IOException {
        try (t) {
            for (int q : scopes()) {
                long in = report.postings(q);
                for (Level l : Level.values()) {
                    t.row(scopeName(q), l.name(), report.level(q, l), in, share(report.level(q, l), in));
                }
            }
        }
    }

    private void companies(CsvTable t) throws IOException {
        try (t) {
            for (Map.Entry<String, MarketReport.CompanyFigures> e : report.companies()) {
                MarketReport.CompanyFigures c = e.getValue();
                String top = c.topDomains(TOP_DOMAINS).stream().map(d -> d.name() + ":" + c.domain(d))
                        .collect(Collectors.joining(";"));
                t.row(e.getKey(), c.postings(), share(c.postings(), report.postings()),
                        c.quadrant(Quadrant.MODELING_GENERALIST), c.quadrant(Quadrant.MODELING_SPECIALIST),
                        c.quadrant(Quadrant.INFRA_GENERALIST), c.quadrant(Quadrant.INFRA_SPECIALIST), top);
            }
        }
    }

    private void trends(CsvTable t) throws IOException {
        try (t) {
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
    }

    static int[] scopes() {
        int[] scopes = new int[Quadrant.values().length + 1];
        scopes[0] = MarketReport.ALL;
        for (Quadrant q : Quadrant.values()) {
            scopes[q.ordinal() + 1] = q.ordinal();
        }
        return scopes;
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

    static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
