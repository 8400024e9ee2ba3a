package io.roleradar.reporter.output;

import io.roleradar.model.Domain;
import io.roleradar.model.Level;
import io.roleradar.model.Quadrant;
import io.roleradar.model.Round;
import io.roleradar.reporter.aggregate.MarketReport;
import io.roleradar.reporter.aggregate.PostingFacts;
import io.roleradar.reporter.aggregate.StatedRounds;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS and SVG, no script, no font or
 * image to fetch) with the quadrant split, domain and round demand per quadrant, the rounds
 * employers state, the level mix, the weekly trend, the top companies and the most recent postings. Every text is escaped with
 * {@link Html#escape}, since titles and company names come from the web.
 */
public final class HtmlReport {
    public static final String FILE = "report.html";
    static final String[] QUADRANT_CLASSES = {"q0", "q1", "q2", "q3"};
    private static final int TOP_COMPANIES = 15;

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
        h.append("<p class=\"summary\">").append(report.postings()).append(" ML postings counted; ")
                .append(report.nonMl()).append(" non-ML postings and ").append(report.filteredOut())
                .append(" outside the filters left out.</p></header>\n");
        quadrants(h);
        perQuadrant(h, "domains", "Domain demand per quadrant",
                "Postings per domain (a posting can be in several domains).", this::domainChart);
        perQuadrant(h, "rounds", "Interview round demand per quadrant",
                "Mean round weight over the quadrant's postings (0 = not asked, 1 = central).", this::roundChart);
        statedRounds(h);
        levels(h);
        trend(h);
        companies(h);
        recent(h);
        h.append("<footer>Made by roleradar reporter. Tags follow TAXONOMY.md; figures match the CSV files beside this page.</footer>");
        h.append("</body></html>\n");
        return h.toString();
    }

    private void quadrants(StringBuilder h) {
        List<SvgCharts.Bar> bars = new ArrayList<>();
        long max = 0;
        for (Quadrant q : Quadrant.values()) {
            long n = report.postings(q.ordinal());
            max = Math.max(max, n);
            bars.add(new SvgCharts.Bar(label(q), n, n + " (" + percent(n, report.postings()) + ")",
                    QUADRANT_CLASSES[q.ordinal()]));
        }
        h.append("<section id=\"quadrants\"><h2>Role quadrants</h2>")
                .append(SvgCharts.horizontal("Postings per quadrant", bars, max)).append("</section>\n");
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
        long max = 0;
        String color = scope == MarketReport.ALL ? "all" : QUADRANT_CLASSES[scope];
        for (Domain d : Domain.values()) {
            long n = report.domain(scope, d);
            max = Math.max(max, n);
            bars.add(new SvgCharts.Bar(label(d), n, Long.toString(n), color));
        }
        return SvgCharts.horizontal("Domain demand", bars, max);
    }

    private String roundChart(int scope) {
        List<SvgCharts.Bar> bars = new ArrayList<>();
        String color = scope == MarketReport.ALL ? "all" : QUADRANT_CLASSES[scope];
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
        h.append("<section id=\"levels\"><h2>Level mix</h2><div class=\"grid\">");
        for (int scope : CsvReports.scopes()) {
            List<SvgCharts.Bar> bars = new ArrayList<>();
            long max = 0;
            long in = report.postings(scope);
            for (Level l : Level.values()) {
                long n = report.level(scope, l);
                max = Math.max(max, n);
                bars.add(new SvgCharts.Bar(label(l), n, n + " (" + percent(n, in) + ")",
                        scope == MarketReport.ALL ? "all" : QUADRANT_CLASSES[scope]));
            }
            String name = scope == MarketReport.ALL ? "All ML postings" : label(Quadrant.values()[scope]);
            h.append("<figure class=\"card\"><figcaption>").append(Html.escape(name)).append("</figcaption>")
                    .append(SvgCharts.horizontal("Level mix", bars, max)).append("</figure>");
        }
        h.append("</div></section>\n");
    }

    private void trend(StringBuilder h) {
        h.append("<section id=\"trend\"><h2>Weekly trend</h2><p class=\"note\">ML postings per ISO week "
                + "(posting date, else the day it was fetched), stacked by quadrant.</p>");
        if (report.weeks().isEmpty()) {
            h.append("<p>No dated postings.</p></section>\n");
            return;
        }
        List<SvgCharts.Column> columns = new ArrayList<>();
        for (Map.Entry<String, MarketReport.WeekFigures> e : report.weeks().entrySet()) {
            long[] values = new long[Quadrant.values().length];
            for (Quadrant q : Quadrant.values()) {
                values[q.ordinal()] = e.getValue().quadrant(q);
            }
            columns.add(new SvgCharts.Column(e.getKey(), values));
        }
        List<String> series = new ArrayList<>();
        for (Quadrant q : Quadrant.values()) {
            series.add(label(q));
        }
        h.append("<div class=\"scroll\">")
                .append(SvgCharts.stackedColumns("Postings per week", columns, series, List.of(QUADRANT_CLASSES)))
                .append("</div><p class=\"legend\">");
        for (Quadrant q : Quadrant.values()) {
            h.append("<span class=\"key ").append(QUADRANT_CLASSES[q.ordinal()]).append("\"></span>")
                    .append(Html.escape(label(q))).append(' ');
        }
        h.append("</p></section>\n");
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
            h.append("<tr><td>").append(Html.escape(e.getKey())).append("</td><td class=\"num\">").append(c.postings()).append("</td>");
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
            h.append("<tr><td>").append(r.date()).append("</td><td>").append(Html.escape(f.title()))
                    .append("</td><td>").append(Html.escape(f.company())).append("</td><td>")
                    .append(Html.escape(label(f.quadrant()))).append("</td><td>").append(Html.escape(label(f.level())))
                    .append("</td><td>").append(Html.escape(f.domains().stream().map(HtmlReport::label)
                            .collect(Collectors.joining(", ")))).append("</td></tr>");
        }
        h.append("</tbody></table></section>\n");
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
            .key{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:-1px;border-radius:2px}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line)}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            footer{margin-top:32px;font-size:12px}
            """;
}
