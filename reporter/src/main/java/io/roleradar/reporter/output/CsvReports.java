package io.roleradar.reporter.output;

import io.roleradar.model.Domain;
import io.roleradar.model.Level;
import io.roleradar.model.Quadrant;
import io.roleradar.model.Round;
import io.roleradar.reporter.aggregate.Filters;
import io.roleradar.reporter.aggregate.IdSort;
import io.roleradar.reporter.aggregate.LatestPostings;
import io.roleradar.reporter.aggregate.MarketReport;
import io.roleradar.reporter.aggregate.PostingFacts;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
            "domain_rounds.csv", "levels.csv", "companies.csv", "trends.csv", "postings.csv");
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
        written.add(ReportFiles.write(dir, "domain_rounds.csv", out -> domainRounds(new CsvTable(out,
                "domain", "round", "postings", "weighted_demand", "mean_weight", "share"))));
        written.add(ReportFiles.write(dir, "levels.csv", out -> levels(new CsvTable(out,
                "quadrant", "level", "postings", "quadrant_postings", "share"))));
        written.add(ReportFiles.write(dir, "companies.csv", out -> companies(new CsvTable(out,
                "company", "postings", "share", "modeling_generalist", "modeling_specialist", "infra_generalist",
                "infra_specialist", "top_domains"))));
        written.add(ReportFiles.write(dir, "trends.csv", out -> trends(new CsvTable(out,
                "week", "week_start", "dimension", "value", "postings"))));
        written.add(ReportFiles.write(dir, "postings.csv", out -> postings(new CsvTable(out,
                "id", "company", "title", "source", "source_url", "posted_at", "fetched_on", "week", "ml_role",
                "quadrant", "level", "manager", "domains", "top_domain", "ml_fundamentals", "ml_case_study",
                "ml_system_design", "ml_coding", "taxonomy_version"), latest, filters)));
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

    private static void postings(CsvTable t, LatestPostings latest, Filters filters) throws IOException {
        try (t) {
            // Sorted by id so two runs over the same input give the same file; sorting the facts
            // (not their ids as strings) keeps a million rows within the heap (IdSort says how).
            List<PostingFacts> matching = new ArrayList<>(latest.size());
            latest.forEachFacts(f -> {
                if (filters.matches(f)) {
                    matching.add(f);
                }
            });
            PostingFacts[] rows = matching.toArray(new PostingFacts[0]);
            matching.clear();
            IdSort.sort(rows);
            // Dates, weeks, domain lists and weights repeat from row to row: each is formatted once.
            Map<Integer, String> days = new HashMap<>();
            Map<Integer, String> weeks = new HashMap<>();
            Map<Integer, String> domainLists = new HashMap<>();
            Map<Float, String> weights = new HashMap<>();
            for (PostingFacts f : rows) {
                t.text(f.id());
                t.text(f.company());
                t.text(f.title());
                t.text(f.source());
                t.text(f.sourceUrl());
                t.plain(day(days, f.postedEpochDay()));
                t.plain(day(days, f.fetchedEpochDay()));
                int date = f.dateEpochDay();
                t.plain(date == PostingFacts.NO_DATE ? null
                        : weeks.computeIfAbsent(date, d -> MarketReport.isoWeek(LocalDate.ofEpochDay(d))));
                t.plain(String.valueOf(f.mlRole()));
                t.plain(f.quadrant() == null ? null : f.quadrant().name());
                t.plain(f.level() == null ? null : f.level().name());
                t.plain(f.manager() == null ? null : String.valueOf(f.manager()));
                List<Domain> domains = f.domains();
                t.plain(domainLists.computeIfAbsent(f.packedDomains(),
                        k -> domains.stream().map(Domain::name).collect(Collectors.joining(";"))));
                t.plain(domains.isEmpty() ? null : domains.get(0).name());
                for (Round r : Round.values()) {
                    t.plain(f.mlRole() ? weights.computeIfAbsent((float) f.weight(r), CsvTable::format) : null);
                }
                t.text(f.taxonomyVersion());
                t.endRow();
            }
        }
    }

    private static String day(Map<Integer, String> days, int epochDay) {
        return epochDay == PostingFacts.NO_DATE ? null
                : days.computeIfAbsent(epochDay, d -> LocalDate.ofEpochDay(d).toString());
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
