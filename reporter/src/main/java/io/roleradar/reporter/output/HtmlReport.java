package io.roleradar.reporter.output;

import io.roleradar.model.Domain;
import io.roleradar.model.Level;
import io.roleradar.model.Quadrant;
import io.roleradar.model.RemoteMode;
import io.roleradar.model.Round;
import io.roleradar.reporter.aggregate.LocationFigures;
import io.roleradar.reporter.aggregate.MarketReport;
import io.roleradar.reporter.aggregate.PayFigures;
import io.roleradar.reporter.aggregate.WeeklyChanges;
import io.roleradar.reporter.aggregate.PostingFacts;
import io.roleradar.reporter.aggregate.StatedRounds;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS and SVG, no script, no font or
 * image to fetch) with which postings it counts, what changed in the latest week, the quadrant
 * split, domain (with the roles of no domain) and round demand per quadrant, the rounds employers
 * state, the level mix, pay ranges, work modes, top countries, open roles over time, the weekly
 * trend, the top companies and the most recent postings, each company and posting linked to its
 * source. Every text is escaped with {@link Html#escape}, since titles, companies and URLs come
 * from the web; only http(s) URLs become links.
 */
public final class HtmlReport {
    public static final String FILE = "report.html";
    static final String[] QUADRANT_CLASSES = {"q0", "q1", "q2", "q3"};
    private static final int TOP_COMPANIES = 15;
    private static final int TOP_COUNTRIES = 15;
    /** Past this many weeks the open-roles trend is drawn by month. */
    static final int MAX_WEEKS_ON_AXIS = 26;
    static final String[] DOMAIN_CLASSES = {"d0", "d1", "d2", "d3", "d4"};

    private final MarketReport report;
    private final String subtitle;

    /** @param subtitle one line on the input and time (escaped here) */
    public HtmlReport(MarketReport report, String subtitle) {
        this.report = report;
        this.subtitle = subtitle;
    }

    public Path write(Path dir) throws IOException {
        return ReportFiles.write(dir, FILE, out -> out.write(render()));
    }

    public String render() {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                // Nothing may be fetched: the page must open offline and leak nothing.
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>roleradar: ML job market report</title><style>").append(CSS).append("</style></head><body>\n");
        h.append("<header><h1>ML job market report</h1><p class=\"meta\">").append(Html.escape(subtitle)).append("</p>");
        h.append("<p class=\"counting\">").append(report.includeClosed()
                ? "Counting every posting ever seen, open or closed." : "Counting the postings open at the snapshot.")
                .append("</p>");
        h.append("<p class=\"summary\">").append(report.postings()).append(" ML roles counted (from ")
                .append(report.mlPostings()).append(" ML postings, ").append(report.mergedPostings())
                .append(" near-duplicates merged); ").append(report.nonMl()).append(" non-ML postings, ")
                .append(report.closedLeftOut()).append(" closed ones and ").append(report.filteredOut())
                .append(" outside the filters left out.</p></header>\n");
        lastWeek(h);
        quadrants(h);
        perQuadrant(h, "domains", "Domain demand per quadrant",
                "Postings per domain (a posting can be in several domains).", this::domainChart);
        perQuadrant(h, "rounds", "Interview round demand per quadrant",
                "Mean round weight over the quadrant's postings (0 = not asked, 1 = central).", this::roundChart);
        statedRounds(h);
        levels(h);
        pay(h);
        workModes(h);
        countries(h);
        openTrend(h);
        trend(h);
        companies(h);
        recent(h);
        h.append("<footer>Made by roleradar reporter. Tags follow TAXONOMY.md; figures match the CSV files beside this page.</footer>");
        h.append("</body></html>\n");
        return h.toString();
    }

    private void quadrants(StringBuilder h) {
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (Quadrant q : Quadrant.values()) {
            long n = report.postings(q.ordinal());
            bars.add(new SvgCharts.Bar(label(q), n, n + " (" + percent(n, report.postings()) + ")",
                    QUADRANT_CLASSES[q.ordinal()]));
        }
        h.append("<section id=\"quadrants\"><h2>Role quadrants</h2>")
                .append(SvgCharts.horizontal("Postings per quadrant", bars)).append("</section>\n");
    }

    private interface ChartOf {
        String chart(int scope);
    }

    private void perQuadrant(StringBuilder h, String id, String title, String note, ChartOf chart) {
        h.append("<section id=\"").append(id).append("\"><h2>").append(Html.escape(title)).append("</h2><p class=\"note\">")
                .append(Html.escape(note)).append("</p><div class=\"grid\">");
        for (int scope : CsvReports.scopes()) {
            String name = scope == MarketReport.ALL ? "All ML postings" : label(Quadrant.values()[scope]);
            h.append("<figure class=\"card\"><figcaption>").append(Html.escape(name)).append(" <span class=\"n\">(")
                    .append(report.postings(scope)).append(")</span></figcaption>")
                    .append(chart.chart(scope)).append("</figure>");
        }
        h.append("</div></section>\n");
    }

    private String domainChart(int scope) {
        List<SvgCharts.Bar> bars = new ArrayList<>();
        String color = colorOf(scope);
        for (Domain d : Domain.values()) {
            long n = report.domain(scope, d);
            bars.add(new SvgCharts.Bar(label(d), n, Long.toString(n), color));
        }
        // ML roles with no domain tag: their own bar, so the domains' bars are not read as the whole.
        long none = report.noDomain(scope);
        bars.add(new SvgCharts.Bar("No domain", none, Long.toString(none), "none"));
        return SvgCharts.horizontal("Domain demand", bars);
    }

    private String roundChart(int scope) {
        List<SvgCharts.Bar> bars = new ArrayList<>();
        String color = colorOf(scope);
        long n = report.postings(scope);
        for (Round r : Round.values()) {
            double mean = CsvReports.mean(report.roundDemand(scope, r), n);
            bars.add(new SvgCharts.Bar(label(r), mean, String.format(Locale.ROOT, "%.2f", mean), color));
        }
        return SvgCharts.horizontal("Round demand", bars, 1.0);
    }

    /** What employers state about their hiring process, in a table apart from the inferred round demand. */
    private void statedRounds(StringBuilder h) {
        StatedRounds all = report.statedRounds();
        h.append("<section id=\"stated\"><h2>Rounds employers state</h2><p class=\"note\">")
                .append(Html.escape(all.describingProcess() + " of " + all.postings() + " ML postings ("
                        + percent(all.describingProcess(), all.postings()) + ") describe their hiring process. "
                        + "Of those, how many name each round as a step of it (TAXONOMY.md section 7): what "
                        + "employers state, where the round demand above is what roleradar infers."))
                .append("</p><table><thead><tr><th>Postings</th><th>ML postings</th><th>Describe their process</th>");
        for (Round r : Round.values()) {
            h.append("<th>").append(Html.escape(label(r))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        statedRow(h, "All ML postings", all);
        for (Quadrant q : Quadrant.values()) {
            statedRow(h, label(q), report.statedRounds(q));
        }
        for (Level l : Level.values()) {
            statedRow(h, "Level: " + label(l), report.statedRounds(l));
        }
        h.append("</tbody></table></section>\n");
    }

    private static void statedRow(StringBuilder h, String group, StatedRounds stated) {
        h.append("<tr><td>").append(Html.escape(group)).append("</td><td class=\"num\">").append(stated.postings())
                .append("</td><td class=\"num\">").append(stated.describingProcess()).append(" (")
                .append(percent(stated.describingProcess(), stated.postings())).append(")</td>");
        for (Round r : Round.values()) {
            h.append("<td class=\"num\">").append(stated.stating(r)).append(" (")
                    .append(percent(stated.stating(r), stated.describingProcess())).append(")</td>");
        }
        h.append("</tr>");
    }

    private void levels(StringBuilder h) {
        sharesPerScope(h, "levels", "Level mix", "All ML postings", Level.values(), report::level);
    }

    /** Work-mode shares per quadrant. */
    private void workModes(StringBuilder h) {
        sharesPerScope(h, "workmodes", "Work modes", "All ML roles", RemoteMode.values(), report::workMode);
    }

    /**
     * A section of one card per scope (all, then each quadrant), each a bar chart of how that
     * scope's postings split over {@code values}, with every bar's share of the scope.
     */
    private <E extends Enum<E>> void sharesPerScope(StringBuilder h, String id, String title, String allName,
                                                    E[] values, CsvReports.CountIn<E> counts) {
        h.append("<section id=\"").append(id).append("\"><h2>").append(Html.escape(title)).append("</h2><div class=\"grid\">");
        for (int scope : CsvReports.scopes()) {
            List<SvgCharts.Bar> bars = new ArrayList<>();
            long in = report.postings(scope);
            for (E value : values) {
                long n = counts.count(scope, value);
                bars.add(new SvgCharts.Bar(label(value), n, n + " (" + percent(n, in) + ")", colorOf(scope)));
            }
            String name = scope == MarketReport.ALL ? allName : label(Quadrant.values()[scope]);
            h.append("<figure class=\"card\"><figcaption>").append(Html.escape(name)).append("</figcaption>")
                    .append(SvgCharts.horizontal(title, bars)).append("</figure>");
        }
        h.append("</div></section>\n");
    }

    /** The bar colour of a scope: its quadrant's, or the neutral one of all postings. */
    private static String colorOf(int scope) {
        return scope == MarketReport.ALL ? "all" : QUADRANT_CLASSES[scope];
    }

    private void trend(StringBuilder h) {
        h.append("<section id=\"trend\"><h2>Weekly trend</h2><p class=\"note\">").append(Html.escape(
                "ML roles per ISO week of their date, stacked by quadrant. " + DATE_RULE + undated(report.undated(),
                        "this chart"))).append("</p>");
        if (report.weeks().isEmpty()) {
            h.append("<p>No dated postings.</p></section>\n");
            return;
        }
        List<SvgCharts.Column> columns = new ArrayList<>();
        for (Map.Entry<String, MarketReport.WeekFigures> e : report.weeks().entrySet()) {
            columns.add(new SvgCharts.Column(e.getKey(),
                    Arrays.stream(Quadrant.values()).mapToLong(e.getValue()::quadrant).toArray()));
        }
        List<String> series = Arrays.stream(Quadrant.values()).map(HtmlReport::label).toList();
        h.append("<div class=\"scroll\">")
                .append(SvgCharts.stackedColumns("Postings per week", columns, series, List.of(QUADRANT_CLASSES)))
                .append("</div><p class=\"legend\">");
        legend(h, QUADRANT_CLASSES, List.of(Quadrant.values()));
        h.append("</p></section>\n");
    }

    /** The colour key of a chart: each series' colour class and label, in order. */
    private static void legend(StringBuilder h, String[] classes, List<? extends Enum<?>> series) {
        for (int i = 0; i < series.size(); i++) {
            h.append("<span class=\"key ").append(classes[i]).append("\"></span>")
                    .append(Html.escape(label(series.get(i)))).append(' ');
        }
    }

    private void companies(StringBuilder h) {
        h.append("<section id=\"companies\"><h2>Top companies</h2><table><thead><tr><th>Company</th><th>ML postings</th>");
        for (Quadrant q : Quadrant.values()) {
            h.append("<th>").append(Html.escape(label(q))).append("</th>");
        }
        h.append("<th>Top domains</th></tr></thead><tbody>");
        List<Map.Entry<String, MarketReport.CompanyFigures>> companies = report.companies();
        for (Map.Entry<String, MarketReport.CompanyFigures> e : companies.subList(0, Math.min(TOP_COMPANIES, companies.size()))) {
            MarketReport.CompanyFigures c = e.getValue();
            h.append("<tr><td>").append(link(e.getKey(), c.sourceUrl())).append("</td><td class=\"num\">")
                    .append(c.postings()).append("</td>");
            for (Quadrant q : Quadrant.values()) {
                h.append("<td class=\"num\">").append(c.quadrant(q)).append("</td>");
            }
            h.append("<td>").append(Html.escape(c.topDomains(CsvReports.TOP_DOMAINS).stream().map(HtmlReport::label)
                    .collect(Collectors.joining(", ")))).append("</td></tr>");
        }
        h.append("</tbody></table></section>\n");
    }

    private void recent(StringBuilder h) {
        h.append("<section id=\"recent\"><h2>Most recent postings</h2><table><thead><tr><th>Date</th><th>Title</th>"
                + "<th>Company</th><th>Quadrant</th><th>Level</th><th>Domains</th></tr></thead><tbody>");
        for (MarketReport.Recent r : report.recent()) {
            PostingFacts f = r.facts();
            h.append("<tr><td>").append(r.date()).append("</td><td>").append(link(f.title(), f.sourceUrl()))
                    .append("</td><td>").append(Html.escape(f.company())).append("</td><td>")
                    .append(Html.escape(label(f.quadrant()))).append("</td><td>").append(Html.escape(label(f.level())))
                    .append("</td><td>").append(Html.escape(f.domains().stream().map(HtmlReport::label)
                            .collect(Collectors.joining(", ")))).append("</td></tr>");
        }
        h.append("</tbody></table></section>\n");
    }

    /**
     * The text as a link to {@code url} when the URL is http(s), else the text alone: a posting's URL
     * comes from the web, and a {@code javascript:} or {@code data:} URL must not become a link.
     */
    static String link(String text, String url) {
        if (url == null || !(url.regionMatches(true, 0, "https://", 0, 8) || url.regionMatches(true, 0, "http://", 0, 7))) {
            return Html.escape(text);
        }
        return "<a href=\"" + Html.escape(url) + "\" rel=\"noopener noreferrer nofollow\">" + Html.escape(text) + "</a>";
    }

    /**
     * What changed in the latest week of the weekly changes: opened, closed, and open at its end
     * against the week before. That is the last week in which a role opened or closed, which may lie
     * weeks before the report was made, so the title names it rather than promising "last week".
     */
    private void lastWeek(StringBuilder h) {
        List<WeeklyChanges.Week> weeks = report.changes().weeks();
        if (weeks.isEmpty()) {
            h.append("<section id=\"changes\"><h2>Latest week with changes</h2><p>No dated ML roles.")
                    .append(Html.escape(undated(report.changes().undated(), "this table"))).append("</p></section>\n");
            return;
        }
        WeeklyChanges.Week last = weeks.get(weeks.size() - 1);
        long[] before = weeks.size() > 1 ? weeks.get(weeks.size() - 2).openAtEnd() : new long[last.openAtEnd().length];
        h.append("<section id=\"changes\"><h2>").append(Html.escape("Latest week with changes: " + last.isoWeek()))
                .append("</h2>");
        h.append("<p class=\"note\">").append(Html.escape("Week " + last.isoWeek() + " (from " + last.start()
                        + "), the latest week in which an ML role opened or closed: ML roles opened and closed that "
                        + "week, and open at its end against the week before (every ML role ever seen, whatever the "
                        + "rest of the report counts)." + undated(report.changes().undated(), "this table")))
                .append("</p><table><thead><tr><th>Roles</th><th>Opened</th><th>Closed</th><th>Open at week end</th>"
                        + "<th>Week before</th><th>Change</th></tr></thead><tbody>");
        changeRow(h, "All ML roles", last, before, WeeklyChanges.total());
        for (Quadrant q : Quadrant.values()) {
            changeRow(h, label(q), last, before, WeeklyChanges.quadrant(q));
        }
        h.append("</tbody></table></section>\n");
    }

    private static void changeRow(StringBuilder h, String name, WeeklyChanges.Week w, long[] before, int series) {
        long change = w.openAtEnd()[series] - before[series];
        h.append("<tr><td>").append(Html.escape(name)).append("</td><td class=\"num\">").append(w.opened()[series])
                .append("</td><td class=\"num\">").append(w.closed()[series]).append("</td><td class=\"num\">")
                .append(w.openAtEnd()[series]).append("</td><td class=\"num\">").append(before[series])
                .append("</td><td class=\"num\">").append(change > 0 ? "+" : "").append(change).append("</td></tr>");
    }

    /** Pay ranges (p25, median, p75 of the annualised midpoint) per quadrant and level, in the most stated currencies. */
    private void pay(StringBuilder h) {
        PayFigures pay = report.pay();
        h.append("<section id=\"pay\"><h2>Pay ranges</h2><p class=\"note\">")
                .append(Html.escape(report.statingPay() + " of " + report.postings() + " ML roles state a pay range "
                        + "the figures can count; annualised midpoints (hourly x 2,080, daily x 260, weekly x 52, "
                        + "monthly x 12), p25 - median - p75, per currency. " + report.implausiblePay()
                        + " implausible ranges are not counted."))
                .append("</p>");
        List<String> currencies = pay.currencies();
        if (currencies.isEmpty()) {
            h.append("<p>No ML role states a pay range.</p></section>\n");
            return;
        }
        h.append("<table><thead><tr><th>Group</th><th>Currency</th><th>Roles stating pay</th><th>p25</th>"
                + "<th>Median</th><th>p75</th><th>Range</th></tr></thead><tbody>");
        for (String currency : currencies.subList(0, Math.min(3, currencies.size()))) {
            double top = 1;
            for (PayFigures.Scope scope : List.of(PayFigures.Scope.OVERALL, PayFigures.Scope.QUADRANT, PayFigures.Scope.LEVEL)) {
                for (String group : PayFigures.groups(scope)) {
                    double p75 = pay.quantile(scope, group, currency, 0.75);
                    top = Double.isNaN(p75) ? top : Math.max(top, p75);
                }
            }
            for (PayFigures.Scope scope : List.of(PayFigures.Scope.OVERALL, PayFigures.Scope.QUADRANT, PayFigures.Scope.LEVEL)) {
                for (String group : PayFigures.groups(scope)) {
                    long n = pay.stating(scope, group, currency);
                    if (n == 0) {
                        continue;
                    }
                    double p25 = pay.quantile(scope, group, currency, 0.25);
                    double mid = pay.quantile(scope, group, currency, 0.5);
                    double p75 = pay.quantile(scope, group, currency, 0.75);
                    String name = scope == PayFigures.Scope.OVERALL ? "All ML roles"
                            : scope == PayFigures.Scope.QUADRANT ? label(Quadrant.valueOf(group)) : "Level: " + label(Level.valueOf(group));
                    h.append("<tr><td>").append(Html.escape(name)).append("</td><td>").append(Html.escape(currency))
                            .append("</td><td class=\"num\">").append(n).append("</td><td class=\"num\">").append(money(p25))
                            .append("</td><td class=\"num\">").append(money(mid)).append("</td><td class=\"num\">")
                            .append(money(p75)).append("</td><td>").append(SvgCharts.range(name + ", " + currency, p25, mid, p75, top))
                            .append("</td></tr>");
                }
            }
        }
        h.append("</tbody></table></section>\n");
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    /** The countries with the most ML roles (a role posted in several countries counts in each). */
    private void countries(StringBuilder h) {
        LocationFigures loc = report.locations();
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (String country : loc.countries().stream().limit(TOP_COUNTRIES).toList()) {
            long n = loc.country(country, MarketReport.ALL);
            List<String> cities = loc.topCities(country, 3);
            bars.add(new SvgCharts.Bar(country.equals("UNKNOWN") ? "Unknown" : country, n, n + " ("
                    + percent(n, report.postings()) + ")" + (cities.isEmpty() ? "" : " " + String.join(", ", cities)), "all"));
        }
        h.append("<section id=\"countries\"><h2>Top countries</h2><p class=\"note\">ML roles per country "
                + "(ISO 3166-1 code), with the top cities; a role posted in several countries counts in each.</p>");
        h.append(bars.isEmpty() ? "<p>No ML roles.</p>" : SvgCharts.horizontal("Top countries", bars))
                .append("</section>\n");
    }

    /**
     * Open ML roles over time, per quadrant and for the top domains, from the weekly changes; by month
     * (the open count at each month's last week) when weeks would crowd the axis.
     */
    private void openTrend(StringBuilder h) {
        List<WeeklyChanges.Week> weeks = report.changes().weeks();
        h.append("<section id=\"open-trend\"><h2>Open ML roles over time</h2>");
        if (weeks.isEmpty()) {
            h.append("<p>No dated ML roles.").append(Html.escape(undated(report.changes().undated(), "these charts")))
                    .append("</p></section>\n");
            return;
        }
        boolean monthly = weeks.size() > MAX_WEEKS_ON_AXIS;
        List<WeeklyChanges.Week> points = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            WeeklyChanges.Week w = weeks.get(i);
            boolean lastOfMonth = i == weeks.size() - 1 || !weeks.get(i + 1).start().getMonth().equals(w.start().getMonth());
            if (!monthly || lastOfMonth) {
                points.add(w);
            }
        }
        List<String> labels = points.stream().map(w -> monthly ? w.start().toString().substring(0, 7) : w.isoWeek()).toList();
        h.append("<p class=\"note\">").append(Html.escape((monthly ? "Open at the end of each month's last week"
                        : "Open at the end of each week") + ", every ML role ever seen placed by its date. " + DATE_RULE
                        + undated(report.changes().undated(), "these charts")))
                .append("</p><div class=\"grid\"><figure class=\"card\"><figcaption>Per quadrant</figcaption><div class=\"scroll\">");
        List<SvgCharts.Line> quadrantLines = new ArrayList<>();
        for (Quadrant q : Quadrant.values()) {
            quadrantLines.add(new SvgCharts.Line(label(q), QUADRANT_CLASSES[q.ordinal()],
                    points.stream().mapToLong(w -> w.openAtEnd()[WeeklyChanges.quadrant(q)]).toArray()));
        }
        h.append(SvgCharts.lines("Open ML roles per quadrant", labels, quadrantLines)).append("</div><p class=\"legend\">");
        legend(h, QUADRANT_CLASSES, List.of(Quadrant.values()));
        h.append("</p></figure><figure class=\"card\"><figcaption>Top domains</figcaption><div class=\"scroll\">");
        WeeklyChanges.Week last = weeks.get(weeks.size() - 1);
        List<Domain> top = Arrays.stream(Domain.values())
                .filter(d -> last.openAtEnd()[WeeklyChanges.domain(d)] > 0)
                .sorted(java.util.Comparator.comparingLong((Domain d) -> -last.openAtEnd()[WeeklyChanges.domain(d)]))
                .limit(DOMAIN_CLASSES.length).toList();
        List<SvgCharts.Line> domainLines = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            Domain d = top.get(i);
            domainLines.add(new SvgCharts.Line(label(d), DOMAIN_CLASSES[i],
                    points.stream().mapToLong(w -> w.openAtEnd()[WeeklyChanges.domain(d)]).toArray()));
        }
        h.append(SvgCharts.lines("Open ML roles in the top domains", labels, domainLines)).append("</div><p class=\"legend\">");
        legend(h, DOMAIN_CLASSES, top);
        h.append("</p></figure></div></section>\n");
    }

    /** How a role is placed in time: the rule of {@code PostingFacts.date()} and reporter/README.md. */
    static final String DATE_RULE = "A role's date is the earliest of its postings' dates: the posting date, else, for a "
            + "live board or search, the day of the ingest run that first saw it; a static file's undated postings "
            + "have none.";

    /**
     * The sentence saying how many ML roles a time chart leaves out for want of a date, or nothing
     * when it leaves none out: a chart must not look like the whole when it is not.
     */
    static String undated(long roles, String charts) {
        if (roles == 0) {
            return "";
        }
        return " " + roles + (roles == 1 ? " ML role without a date is" : " ML roles without a date are") + " not in "
                + charts + ".";
    }

    /** An enum constant as words: {@code NLP_LLM} -> "nlp llm" -> "NLP / LLM" style is left to the names. */
    static String label(Enum<?> e) {
        if (e == null) {
            return "";
        }
        String words = e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return switch (e.name()) {
            case "NLP_LLM" -> "NLP / LLM";
            case "ML_FUNDAMENTALS" -> "ML fundamentals";
            case "ML_CASE_STUDY" -> "ML case study";
            case "ML_SYSTEM_DESIGN" -> "ML system design";
            case "ML_CODING" -> "ML coding";
            case "STAFF_PLUS" -> "Staff+";
            case "RANKING_RECOMMENDATION" -> "Ranking / recommendation";
            case "ADS" -> "Ads";
            case "FRAUD_RISK" -> "Fraud / risk";
            case "SPEECH_AUDIO" -> "Speech / audio";
            case "AUTONOMY_ROBOTICS" -> "Autonomy / robotics";
            default -> Character.toUpperCase(words.charAt(0)) + words.substring(1);
        };
    }

    private static String percent(long n, long of) {
        return of == 0 ? "0%" : String.format(Locale.ROOT, "%.0f%%", 100.0 * n / of);
    }

    private static final String CSS = """
            :root{--ink:#1f2933;--muted:#616e7c;--line:#d9e2ec;--bg:#ffffff}
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);\
            background:var(--bg);margin:0 auto;padding:24px;max-width:1360px}
            h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 6px;border-bottom:1px solid var(--line);padding-bottom:4px}
            .meta,.note,.n,footer{color:var(--muted)}.summary{font-weight:600}
            .grid{display:flex;flex-wrap:wrap;gap:12px}
            .card{margin:0;padding:8px 10px;border:1px solid var(--line);border-radius:6px}
            figcaption{font-weight:600;margin-bottom:4px}
            svg.chart text{font-size:12px;fill:var(--ink)}svg.chart text.value,svg.chart text.tick{fill:var(--muted);font-size:11px}
            .axis{stroke:#9aa5b1}.grid line,.grid{stroke:none}line.grid{stroke:#e4e7eb;stroke-dasharray:3 3}
            rect.all{fill:#52606d}rect.q0,.key.q0{fill:#2680c2;background:#2680c2}rect.q1,.key.q1{fill:#8719e0;background:#8719e0}
            rect.q2,.key.q2{fill:#27ab83;background:#27ab83}rect.q3,.key.q3{fill:#de911d;background:#de911d}
            rect.none{fill:#bcccdc}.range .bar{fill:#9fb3c8}.range .median{stroke:#1f2933;stroke-width:2}
            polyline.line{fill:none;stroke-width:2}circle.dot{stroke:none}
            polyline.q0{stroke:#2680c2}polyline.q1{stroke:#8719e0}polyline.q2{stroke:#27ab83}polyline.q3{stroke:#de911d}
            circle.q0{fill:#2680c2}circle.q1{fill:#8719e0}circle.q2{fill:#27ab83}circle.q3{fill:#de911d}
            polyline.d0{stroke:#d64545}polyline.d1{stroke:#3ebd93}polyline.d2{stroke:#486581}polyline.d3{stroke:#f0b429}polyline.d4{stroke:#a368fc}
            circle.d0,.key.d0{fill:#d64545;background:#d64545}circle.d1,.key.d1{fill:#3ebd93;background:#3ebd93}
            circle.d2,.key.d2{fill:#486581;background:#486581}circle.d3,.key.d3{fill:#f0b429;background:#f0b429}
            circle.d4,.key.d4{fill:#a368fc;background:#a368fc}
            .counting{font-weight:600;color:#8d2b0b}a{color:#0b69a3}
            .key{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:-1px;border-radius:2px}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line)}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            footer{margin-top:32px;font-size:12px}
            """;
}
