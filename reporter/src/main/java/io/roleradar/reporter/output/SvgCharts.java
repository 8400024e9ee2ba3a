package io.roleradar.reporter.output;

import java.util.List;
import java.util.Locale;

/**
 * Draws the report's charts as inline SVG, so the HTML needs no script and no network: horizontal
 * bar charts for categories and a stacked column chart for the weekly trend. Every bar is a
 * {@code rect} of class {@code bar} with a {@code title} (the tooltip); every text is escaped.
 */
public final class SvgCharts {
    static final int LABEL_WIDTH = 172;
    static final int BAR_AREA = 170;
    static final int ROW = 24;
    private static final int VALUE_WIDTH = 64;

    private SvgCharts() {
    }

    /** One bar: its label, value, the text shown beside it and its CSS colour class. */
    public record Bar(String label, double value, String shown, String colorClass) {
    }

    /** A horizontal bar chart scaled so its largest bar is full-length. */
    public static String horizontal(String title, List<Bar> bars) {
        return horizontal(title, bars, bars.stream().mapToDouble(Bar::value).max().orElse(0));
    }

    /** A horizontal bar chart; {@code max} is the value of a full-length bar (at least the largest value). */
    public static String horizontal(String title, List<Bar> bars, double max) {
        int height = bars.size() * ROW + 6;
        int width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH;
        StringBuilder svg = open("hbar", title, width, height);
        double top = Math.max(max, 1e-9);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = i * ROW + 3;
            double w = Math.max(0, b.value()) / top * BAR_AREA;
            svg.append(String.format(Locale.ROOT,
                    "<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    LABEL_WIDTH - 8, y + 15, Html.escape(b.label())));
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"bar %s\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"2\">"
                            + "<title>%s: %s</title></rect>",
                    Html.escape(b.colorClass()), LABEL_WIDTH, y + 2, w, ROW - 6,
                    Html.escape(b.label()), Html.escape(b.shown())));
            svg.append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%.1f\" y=\"%d\">%s</text>",
                    LABEL_WIDTH + w + 5, y + 15, Html.escape(b.shown())));
        }
        return svg.append("</svg>").toString();
    }

    /** One column of a stacked chart: its label and the segment values, in the order of the series. */
    public record Column(String label, long[] values) {
    }

    /** A stacked column chart, one column per week; {@code series} names and colours the segments. */
    public static String stackedColumns(String title, List<Column> columns, List<String> series,
                                        List<String> colorClasses) {
        int plotHeight = 220;
        int left = 40;
        int bottom = 60;
        int step = Math.max(14, Math.min(48, 760 / Math.max(1, columns.size())));
        int width = left + columns.size() * step + 20;
        int height = plotHeight + bottom + 10;
        long max = 1;
        for (Column c : columns) {
            long total = 0;
            for (long v : c.values()) {
                total += v;
            }
            max = Math.max(max, total);
        }
        StringBuilder svg = open("columns", title, width, height);
        int base = plotHeight + 10;
        axis(svg, left, width - 10, base, plotHeight, max);
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            int x = left + i * step + 2;
            double y = base;
            for (int s = 0; s < series.size(); s++) {
                long v = c.values()[s];
                if (v == 0) {
                    continue;
                }
                double h = (double) v / max * plotHeight;
                y -= h;
                svg.append(String.format(Locale.ROOT,
                        "<rect class=\"bar %s\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\">"
                                + "<title>%s, %s: %d</title></rect>",
                        Html.escape(colorClasses.get(s)), x, y, step - 4, h,
                        Html.escape(c.label()), Html.escape(series.get(s)), v));
            }
            slantedLabel(svg, x + (step - 4) / 2, base, c.label());
        }
        return svg.append("</svg>").toString();
    }

    /** One line of a line chart: its name, colour class and one value per point. */
    public record Line(String name, String colorClass, long[] values) {
    }

    /**
     * A line chart, one point per label (a week or a month), for the open postings over time. Each
     * line is a {@code polyline} with a tooltip naming it; each point a small {@code circle} with a
     * tooltip giving its value, so the chart is readable without a script.
     */
    public static String lines(String title, List<String> labels, List<Line> lines) {
        int plotHeight = 200;
        int left = 44;
        int bottom = 64;
        int step = Math.max(12, Math.min(48, 760 / Math.max(1, labels.size())));
        int width = left + Math.max(1, labels.size()) * step + 20;
        int height = plotHeight + bottom + 10;
        long max = 1;
        for (Line l : lines) {
            for (long v : l.values()) {
                max = Math.max(max, v);
            }
        }
        int base = plotHeight + 10;
        StringBuilder svg = open("lines", title, width, height);
        axis(svg, left, width - 10, base, plotHeight, max);
        for (Line l : lines) {
            StringBuilder points = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < l.values().length && i < labels.size(); i++) {
                double x = left + i * step + step / 2.0;
                double y = base - (double) l.values()[i] / max * plotHeight;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                dots.append(String.format(Locale.ROOT,
                        "<circle class=\"dot %s\" cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\"><title>%s, %s: %d</title></circle>",
                        Html.escape(l.colorClass()), x, y, Html.escape(labels.get(i)), Html.escape(l.name()),
                        l.values()[i]));
            }
            svg.append("<polyline class=\"line ").append(Html.escape(l.colorClass())).append("\" points=\"")
                    .append(points.toString().strip()).append("\"><title>").append(Html.escape(l.name()))
                    .append("</title></polyline>").append(dots);
        }
        for (int i = 0; i < labels.size(); i++) {
            slantedLabel(svg, left + i * step + step / 2, base, labels.get(i));
        }
        return svg.append("</svg>").toString();
    }

    /** The opening of a chart of CSS class {@code kind}, its title the tooltip of the whole chart. */
    private static StringBuilder open(String kind, String title, int width, int height) {
        return new StringBuilder().append(String.format(Locale.ROOT,
                        "<svg class=\"chart %s\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">",
                        kind, width, height, width, height))
                .append("<title>").append(Html.escape(title)).append("</title>");
    }

    /**
     * The x axis at {@code base} and grid lines at the maximum and half of it, labelled, so heights
     * can be read without a tooltip.
     */
    private static void axis(StringBuilder svg, int left, int right, int base, int plotHeight, long max) {
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                left, base, right, base));
        for (long tick : new long[]{max, max / 2}) {
            if (tick <= 0) {
                continue;
            }
            int y = base - (int) Math.round((double) tick / max * plotHeight);
            svg.append(String.format(Locale.ROOT,
                    "<line class=\"grid\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
                            + "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>",
                    left, y, right, y, left - 4, y + 4, tick));
        }
    }

    /** A label under the axis at {@code x}, slanted so that long week and month names do not overlap. */
    private static void slantedLabel(StringBuilder svg, int x, int base, String label) {
        svg.append(String.format(Locale.ROOT,
                "<text class=\"tick\" transform=\"translate(%d,%d) rotate(-60)\" text-anchor=\"end\">%s</text>",
                x + 4, base + 12, Html.escape(label)));
    }

    /**
     * A small range bar for a table cell: a bar from {@code low} to {@code high} on a scale of 0 to
     * {@code max}, a tick at {@code mid}, a tooltip with the three values.
     */
    public static String range(String title, double low, double mid, double high, double max) {
        int width = 160;
        double scale = width / Math.max(max, 1e-9);
        double x = low * scale;
        double w = Math.max(1, (high - low) * scale);
        return String.format(Locale.ROOT,
                "<svg class=\"chart range\" role=\"img\" viewBox=\"0 0 %d 14\" width=\"%d\" height=\"14\">"
                        + "<rect class=\"bar\" x=\"%.1f\" y=\"2\" width=\"%.1f\" height=\"10\">"
                        + "<title>%s: %,d - %,d - %,d</title></rect>"
                        + "<line class=\"median\" x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"14\"/></svg>",
                width + 2, width + 2, x, w, Html.escape(title), Math.round(low), Math.round(mid), Math.round(high),
                mid * scale, mid * scale);
    }
}
