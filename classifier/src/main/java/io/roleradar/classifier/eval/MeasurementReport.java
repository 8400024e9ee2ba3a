package io.roleradar.classifier.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link Measurement} found: per part every figure with its interval and the baseline's, by
 * source, the hiring-process figures, and the errors of the part one may tune on. {@link #render()}
 * for people, {@link #toJson()} for tools ({@code evaluate --json}). Immutable.
 *
 * @param splitName   the split file's name, or null without a split
 * @param tagMissing  ids of tag labels without a posting among the postings given
 * @param errorsPart  the part whose errors {@code errors} lists
 */
public record MeasurementReport(String taxonomyVersion, long seed, int resamples, String splitName, int tagLabels,
                                List<String> tagMissing, int processLabels, int processMissing, List<Part> parts,
                                List<Source> sources, String errorsPart, Errors errors) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public MeasurementReport {
        tagMissing = List.copyOf(tagMissing);
        parts = List.copyOf(parts);
        sources = List.copyOf(sources);
    }

    /**
     * One part of the split.
     *
     * @param classifier every figure with its interval
     * @param baseline   the title-keyword baseline's figures on the same postings
     * @param counts     the summed {@link Count}s
     * @param byCompany  every figure with its interval from resampling sources (companies) instead of
     *                   postings: a company's postings share its wording, so they are not independent
     *                   draws, and this interval is the wider, more honest one for "companies never seen"
     */
    public record Part(String name, int postings, int sources, Map<Figure, Bootstrap.Interval> classifier,
                       Map<Figure, Bootstrap.Interval> baseline, int[] counts, Map<Figure, Bootstrap.Interval> byCompany) {
        public Part {
            classifier = Map.copyOf(classifier);
            baseline = Map.copyOf(baseline);
            counts = counts.clone();
            byCompany = Map.copyOf(byCompany);
        }

        /** The postings that describe no process per their labels but get a stated round. */
        public int statedOnNoProcess() {
            return counts[Count.NO_PROCESS_STATED.ordinal()];
        }

        public int noProcess() {
            return counts[Count.NO_PROCESS.ordinal()];
        }

        public Bootstrap.Interval figure(Figure f) {
            return classifier.get(f);
        }
    }

    /** The point figures of one source (company). */
    public record Source(String source, String part, int postings, Map<Figure, Double> figures, int[] counts) {
        public Source {
            figures = Map.copyOf(figures);
            counts = counts.clone();
        }
    }

    public Part part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    private boolean hasTags() {
        return tagLabels > 0;
    }

    private boolean hasProcess() {
        return processLabels > 0;
    }

    private List<Part> shownParts() {
        return parts.stream().filter(p -> p.postings() > 0 || p.name().equals(Split.TUNE) || p.name().equals(Split.LOCKED))
                .toList();
    }

    /** The report as text a person reads. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("Evaluation against hand labels (taxonomy ").append(taxonomyVersion).append(")\n");
        out.append(String.format(Locale.ROOT, "95%% intervals: percentile bootstrap over postings (and, in its own table, over"
                + " sources), %d resamples, seed %d%n", resamples, seed));
        out.append(String.format(Locale.ROOT, "labels: %d tag labels (%d without a posting among the postings given)",
                tagLabels, tagMissing.size()));
        if (hasProcess()) {
            out.append(String.format(Locale.ROOT, "; %d process labels (%d without a posting)", processLabels,
                    processMissing));
        }
        out.append('\n');
        if (!tagMissing.isEmpty()) {
            out.append("  labelled but not among the postings, first: ").append(tagMissing.get(0)).append('\n');
        }
        out.append(splitName == null ? "split: none (one part, all)" : "split: " + splitName);
        for (Part p : shownParts()) {
            out.append(String.format(Locale.ROOT, "; %s %d postings from %d sources", p.name(), p.postings(), p.sources()));
        }
        out.append('\n');
        List<Part> shown = shownParts();
        if (hasTags()) {
            out.append('\n');
            partColumns(out, shown);
            out.append("title-keyword baseline (").append(String.join(" / ", shown.stream().map(Part::name).toList()))
                    .append(")\n");
            for (Figure f : Figure.values()) {
                if (f.group() != Figure.Group.TAGS) {
                    continue;
                }
                intervals(out, f, shown);
                List<String> base = new ArrayList<>();
                for (Part p : shown) {
                    base.add(point(p.baseline().get(f).value()));
                }
                out.append(String.join(" / ", base)).append('\n');
            }
        }
        if (hasProcess()) {
            out.append("\nHiring process (does the posting describe it; the rounds its steps state)\n");
            partColumns(out, shown);
            out.append('\n');
            for (Figure f : Figure.values()) {
                if (f.group() != Figure.Group.PROCESS) {
                    continue;
                }
                intervals(out, f, shown);
                out.append('\n');
            }
            out.append(String.format(Locale.ROOT, "%-22s", "stated, no process"));
            for (Part p : shown) {
                out.append(String.format(Locale.ROOT, "%-30s",
                        p.statedOnNoProcess() + " of " + p.noProcess() + " postings"));
            }
            out.append("\n  (postings that describe no process per their labels, yet get a stated round)\n");
        }
        companyIntervals(out, shown);
        if (hasTags()) {
            out.append("\nBy source (point figures; n = postings labelled)\n");
            out.append(String.format(Locale.ROOT, "%-34s %-12s %5s %9s %6s %6s %6s %8s%n", "source", "part", "n",
                    "mlRole F1", "resp.", "spec.", "level", "domains"));
            for (Source s : sources) {
                if (s.counts()[Count.TAG_LABELS.ordinal()] == 0) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "%-34s %-12s %5d %9s %6s %6s %6s %8s%n", s.source(), s.part(),
                        s.counts()[Count.TAG_LABELS.ordinal()], point(s.figures().get(Figure.ML_F1)),
                        point(s.figures().get(Figure.RESPONSIBILITY)), point(s.figures().get(Figure.SPECIALIZATION)),
                        point(s.figures().get(Figure.LEVEL)), point(s.figures().get(Figure.DOMAINS_F1))));
            }
        }
        if (hasTags()) {
            if (errorsPart.equals(Split.TUNE)) {
                out.append("\nErrors of the tune part only: the locked part is a test set, its postings are not listed\n");
            }
            out.append(errors.render());
        }
        return out.toString();
    }

    /** The figures as JSON for tools: NaN (nothing to count) is null. */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("taxonomyVersion", taxonomyVersion);
        root.put("bootstrap", Map.of("resamples", resamples, "seed", seed, "confidence", 0.95));
        root.put("split", splitName);
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("tags", tagLabels);
        labels.put("tagsWithoutPosting", tagMissing.size());
        labels.put("process", processLabels);
        labels.put("processWithoutPosting", processMissing);
        root.put("labels", labels);
        List<Object> partList = new ArrayList<>();
        for (Part p : parts) {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("part", p.name());
            part.put("postings", p.postings());
            part.put("sources", p.sources());
            part.put("figures", figures(p.classifier(), true));
            part.put("figuresResamplingSources", figures(p.byCompany(), true));
            if (hasTags()) {
                part.put("baseline", figures(p.baseline(), false));
            }
            if (hasProcess()) {
                part.put("noProcessPostings", p.noProcess());
                part.put("statedRoundOnNoProcess", p.statedOnNoProcess());
            }
            partList.add(part);
        }
        root.put("parts", partList);
        List<Object> sourceList = new ArrayList<>();
        for (Source s : sources) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("source", s.source());
            source.put("part", s.part());
            source.put("postings", s.postings());
            Map<String, Object> figures = new LinkedHashMap<>();
            s.figures().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .filter(e -> include(e.getKey()))
                    .forEach(e -> figures.put(e.getKey().key(), number(e.getValue())));
            source.put("figures", figures);
            sourceList.add(source);
        }
        root.put("bySource", sourceList);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report cannot be written as JSON", e);
        }
    }

    private boolean include(Figure f) {
        return f.group() == Figure.Group.TAGS ? hasTags() : hasProcess();
    }

    private Map<String, Object> figures(Map<Figure, Bootstrap.Interval> intervals, boolean withInterval) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Figure f : Figure.values()) {
            if (!include(f) || (!withInterval && f.group() != Figure.Group.TAGS)) {
                continue;
            }
            Bootstrap.Interval i = intervals.get(f);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("value", number(i.value()));
            if (withInterval) {
                one.put("low", number(i.low()));
                one.put("high", number(i.high()));
            }
            one.put("n", i.n());
            out.put(f.key(), one);
        }
        return out;
    }

    private static Double number(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 10000.0) / 10000.0;
    }

    /**
     * The same figures with intervals from resampling whole sources: a company's postings share its
     * wording, so the postings are not independent draws and the intervals above are too narrow for
     * the question "how right on companies never seen".
     */
    private void companyIntervals(StringBuilder out, List<Part> shown) {
        out.append("\n95% intervals resampling sources (companies) instead of postings; the point figures are the same\n");
        out.append(String.format(Locale.ROOT, "%-22s", "figure"));
        for (Part p : shown) {
            out.append(String.format(Locale.ROOT, "%-30s", p.name() + " (" + p.sources() + " sources)"));
        }
        out.append('\n');
        for (Figure f : Figure.values()) {
            if (!include(f)) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "%-22s", f.label()));
            for (Part p : shown) {
                out.append(String.format(Locale.ROOT, "%-30s", interval(p.byCompany().get(f))));
            }
            out.append('\n');
        }
    }

    /** The head of a table of figures: the figure column, then one column per part of the split. */
    private static void partColumns(StringBuilder out, List<Part> shown) {
        out.append(String.format(Locale.ROOT, "%-22s", "figure"));
        for (Part p : shown) {
            out.append(String.format(Locale.ROOT, "%-30s", p.name()));
        }
    }

    /** A figure's row in that table: its name, then its interval in each part. */
    private static void intervals(StringBuilder out, Figure f, List<Part> shown) {
        out.append(String.format(Locale.ROOT, "%-22s", f.label()));
        for (Part p : shown) {
            out.append(String.format(Locale.ROOT, "%-30s", interval(p.classifier().get(f))));
        }
    }

    private static String interval(Bootstrap.Interval i) {
        if (!i.defined()) {
            return "-  (n=" + i.n() + ")";
        }
        if (Double.isNaN(i.low())) {
            return point(i.value()) + " (n=" + i.n() + ")";
        }
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f] n=%d", i.value(), i.low(), i.high(), i.n());
    }

    private static String point(Double v) {
        return v == null || Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
