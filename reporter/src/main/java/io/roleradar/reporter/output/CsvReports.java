package io.roleradar.reporter.output;

import io.roleradar.model.Domain;
import io.roleradar.model.Level;
import io.roleradar.model.Quadrant;
import io.roleradar.model.Round;
import io.roleradar.reporter.aggregate.Filters;
import io.roleradar.reporter.aggregate.LatestPostings;
import io.roleradar.reporter.aggregate.MarketReport;
import io.roleradar.reporter.aggregate.StatedRounds;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the CSV reports in tidy long format (one observation per row, the grouping in columns),
 * which a spreadsheet pivots and a notebook loads without reshaping. The overall figure of a
 * per-quadrant report is the group {@code ALL}. Column meanings are in the module's README.
 */
public final class CsvReports {
    public static final List<String> FILES = List.of("quadrants.csv", "domains.csv", "rounds.csv",
            "stated_rounds.csv", "domain_rounds.csv", "levels.csv", "companies.csv", "trends.csv", "postings.csv");
    static final String ALL = "ALL";
    /** How many domains companies.csv lists per company. */
    static final int TOP_DOMAINS = 3;

    private final MarketReport report;

    public CsvReports(MarketReport report) {
        this.report = report;
    }

    /** Writes every CSV into {@code dir}; {@code latest} and {@code filters} give postings.csv its rows. */
    public List<Path> writeAll(Path dir, LatestPostings latest, Filters filters) throws IOException {
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
        written.add(PostingsCsv.write(dir, latest, filters));
        return written;
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
