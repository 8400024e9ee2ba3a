package io.roleradar.classifier.eval;

import io.roleradar.classifier.Classifier;
import io.roleradar.model.RawPosting;
import io.roleradar.model.Tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Measures a tagger against hand labels the way issue 13 asks: per part of the split (tune and
 * locked; one part "all" without a split), every {@link Figure} with a 95% bootstrap interval, the
 * title-keyword baseline's figures on the same postings beside them, a table by source, and the
 * hiring-process figures when process labels are given. Labels whose posting is not among the
 * postings given are counted, not guessed and not a failure.
 *
 * <p>The errors it lists, for someone tuning the rules, come from the tune part only when there is
 * a split: the locked part's postings are never shown one by one.
 */
public final class Measurement {
    private final Function<RawPosting, Tags> tagger;
    private final Function<RawPosting, Tags> baseline;
    private final Bootstrap bootstrap;
    private final String version;

    public Measurement(Function<RawPosting, Tags> tagger, String version, Bootstrap bootstrap) {
        this.tagger = Objects.requireNonNull(tagger, "tagger");
        this.version = Objects.requireNonNull(version, "version");
        this.bootstrap = Objects.requireNonNull(bootstrap, "bootstrap");
        TitleBaseline titles = new TitleBaseline();
        this.baseline = titles::tag;
    }

    /** The classifier measured with the default bootstrap (seed 2026, 1000 resamples). */
    public static Measurement of(Classifier classifier) {
        return new Measurement(classifier::classify, classifier.taxonomyVersion(),
                new Bootstrap(Bootstrap.DEFAULT_SEED, Bootstrap.DEFAULT_RESAMPLES));
    }

    public MeasurementReport measure(List<Label> labels, List<ProcessLabel> processLabels,
                                     Map<String, RawPosting> postings, Split split, String splitName) {
        Map<String, Label> tagLabels = new LinkedHashMap<>();
        labels.forEach(l -> tagLabels.put(l.id(), l));
        Map<String, ProcessLabel> process = new LinkedHashMap<>();
        processLabels.forEach(l -> process.put(l.id(), l));
        Set<String> ids = new LinkedHashSet<>(tagLabels.keySet());
        ids.addAll(process.keySet());

        List<String> tagMissing = new ArrayList<>();
        int processMissing = 0;
        Map<String, Rows> byPart = new LinkedHashMap<>();
        if (split.isNone()) {
            byPart.put(Split.ALL, new Rows());
        } else {
            byPart.put(Split.TUNE, new Rows());
            byPart.put(Split.LOCKED, new Rows());
        }
        Map<String, Rows> bySource = new TreeMap<>();
        Map<String, String> partOfSource = new TreeMap<>();
        Errors errors = new Errors();
        String errorsPart = split.isNone() ? Split.ALL : Split.TUNE;
        for (String id : ids) {
            Label label = tagLabels.get(id);
            ProcessLabel processLabel = process.get(id);
            RawPosting posting = postings.get(id);
            if (posting == null) {
                if (label != null) {
                    tagMissing.add(id);
                }
                if (processLabel != null) {
                    processMissing++;
                }
                continue;
            }
            Tags tags = tagger.apply(posting);
            String source = sourceOf(posting);
            String part = split.partOf(source);
            Rows rows = byPart.computeIfAbsent(part, p -> new Rows());
            rows.add(PostingScore.of(label, processLabel, tags), PostingScore.of(label, null, baseline.apply(posting)),
                    source);
            bySource.computeIfAbsent(source, s -> new Rows()).add(PostingScore.of(label, processLabel, tags), null, source);
            partOfSource.put(source, part);
            if (label != null && part.equals(errorsPart)) {
                errors.add(label, posting, tags);
            }
        }
        List<MeasurementReport.Part> parts = new ArrayList<>();
        byPart.forEach((name, rows) -> parts.add(new MeasurementReport.Part(name, rows.classifier.size(),
                rows.sources.size(), bootstrap.intervals(rows.classifier), bootstrap.intervals(rows.baseline),
                Bootstrap.sum(rows.classifier), bootstrap.intervals(rows.bySource()))));
        List<MeasurementReport.Source> sources = new ArrayList<>();
        bySource.forEach((source, rows) -> {
            int[] total = Bootstrap.sum(rows.classifier);
            Map<Figure, Double> figures = new java.util.EnumMap<>(Figure.class);
            for (Figure f : Figure.values()) {
                figures.put(f, f.of(total));
            }
            sources.add(new MeasurementReport.Source(source, partOfSource.get(source), rows.classifier.size(), figures,
                    total));
        });
        return new MeasurementReport(version, bootstrap.seed(), bootstrap.resamples(), splitName, tagLabels.size(),
                tagMissing, process.size(), processMissing, parts, sources, errorsPart, errors);
    }

    /** A posting's source as ingest names it; for a posting without one, its id up to the last ':'. */
    static String sourceOf(RawPosting posting) {
        if (posting.source() != null && !posting.source().isBlank()) {
            return posting.source();
        }
        int colon = posting.id().lastIndexOf(':');
        return colon > 0 ? posting.id().substring(0, colon) : "unknown";
    }

    /** The counts of the postings of one part or source, the classifier's and the baseline's. */
    private static final class Rows {
        final List<int[]> classifier = new ArrayList<>();
        final List<int[]> baseline = new ArrayList<>();
        final Set<String> sources = new LinkedHashSet<>();
        /** The classifier's counts summed per source, for the bootstrap that resamples companies. */
        final Map<String, int[]> perSource = new LinkedHashMap<>();

        void add(int[] tagged, int[] base, String source) {
            classifier.add(tagged);
            if (base != null) {
                baseline.add(base);
            }
            sources.add(source);
            int[] sum = perSource.computeIfAbsent(source, s -> new int[Count.SIZE]);
            for (int c = 0; c < Count.SIZE; c++) {
                sum[c] += tagged[c];
            }
        }

        List<int[]> bySource() {
            return List.copyOf(perSource.values());
        }
    }
}
