package io.roleradar.reporter.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.roleradar.model.Domain;
import io.roleradar.model.Level;
import io.roleradar.model.PostingJson;
import io.roleradar.model.Quadrant;
import io.roleradar.model.Round;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two report folders: per quadrant, domain, level and round, the figures of
 * each (postings, shares, mean round weights, from their CSVs) and the ML postings that opened
 * (open in the new report, not in the old) and closed (open in the old, closed or gone in the new).
 * The openings and closings come from the two postings.csv files, both sorted by id, read side by
 * side in one pass, so comparing two reports of a million postings holds two rows at a time.
 * A report from before postings.csv had a status column counts every row as open.
 */
public final class ReportComparison {
    /** One row of compare.csv. NaN marks a figure the dimension does not have. */
    public record Row(String dimension, String value, double oldPostings, double newPostings, double oldShare,
                      double newShare, double oldMeanWeight, double newMeanWeight, long opened, long closed) {
    }

    /**
     * What a report folder says about itself.
     *
     * @param filters the filters it was made with, in words ({@code none}, {@code since 2026-11-01,
     *                company 'Acme'}), or empty when its manifest does not say
     */
    public record Side(Path dir, String generatedAt, String counting, String filters) {
    }

    /**
     * Whether the two reports are known to cover different postings: a posting within one's filters
     * and not the other's counts as opened or closed though nothing happened to it.
     */
    public boolean filtersDiffer() {
        return !older.filters().isEmpty() && !newer.filters().isEmpty() && !older.filters().equals(newer.filters());
    }

    private final Side older;
    private final Side newer;
    private final List<Row> rows;

    private ReportComparison(Side older, Side newer, List<Row> rows) {
        this.older = older;
        this.newer = newer;
        this.rows = rows;
    }

    public Side older() {
        return older;
    }

    public Side newer() {
        return newer;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The row of a dimension's value, or null. */
    public Row row(String dimension, String value) {
        return rows.stream().filter(r -> r.dimension.equals(dimension) && r.value.equals(value)).findFirst().orElse(null);
    }

    /**
     * Compares two report folders.
     *
     * @throws NoSuchFileException when a folder lacks a file a report has
     */
    public static ReportComparison of(Path oldDir, Path newDir) throws IOException {
        Changes changes = Changes.between(oldDir.resolve("postings.csv"), newDir.resolve("postings.csv"));
        Figures a = Figures.read(oldDir);
        Figures b = Figures.read(newDir);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("total", "ALL", a.total, b.total, 1, 1, Double.NaN, Double.NaN,
                changes.opened("total", "ALL"), changes.closed("total", "ALL")));
        for (Quadrant q : Quadrant.values()) {
            rows.add(counted("quadrant", q.name(), a, b, changes));
        }
        for (Domain d : Domain.values()) {
            rows.add(counted("domain", d.name(), a, b, changes));
        }
        rows.add(counted("domain", "NONE", a, b, changes));
        for (Level l : Level.values()) {
            rows.add(counted("level", l.name(), a, b, changes));
        }
        for (Round r : Round.values()) {
            rows.add(new Row("round", r.name(), a.total, b.total, a.get("round-share", r.name()),
                    b.get("round-share", r.name()), a.get("round-mean", r.name()), b.get("round-mean", r.name()), 0, 0));
        }
        return new ReportComparison(side(oldDir), side(newDir), rows);
    }

    private static Row counted(String dimension, String value, Figures a, Figures b, Changes changes) {
        return new Row(dimension, value, a.get(dimension, value), b.get(dimension, value),
                a.get(dimension + "-share", value), b.get(dimension + "-share", value), Double.NaN, Double.NaN,
                changes.opened(dimension, value), changes.closed(dimension, value));
    }

    private static Side side(Path dir) throws IOException {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.exists(manifest)) {
            return new Side(dir, "", "", "");
        }
        JsonNode root = PostingJson.tree(Files.readString(manifest));
        return new Side(dir, root.path("generatedAt").asText(""), root.path("counting").asText("all (before issue 15)"),
                filters(root.path("filters")));
    }

    /** The manifest's filters in words, as {@code Filters.describe} gives them; empty when it has none. */
    private static String filters(JsonNode filters) {
        if (!filters.isObject()) {
            return "";
        }
        List<String> set = new ArrayList<>();
        for (String field : List.of("since", "until", "company", "source")) {
            JsonNode value = filters.path(field);
            if (value.isTextual()) {
                boolean date = field.equals("since") || field.equals("until");
                set.add(field + " " + (date ? value.asText() : "'" + value.asText() + "'"));
            }
        }
        return set.isEmpty() ? "none" : String.join(", ", set);
    }

    /** The figures of a report's CSVs, keyed by dimension and value. */
    private static final class Figures {
        private final Map<String, Double> values = new LinkedHashMap<>();
        private double total;

        static Figures read(Path dir) throws IOException {
            Figures f = new Figures();
            for (CSVRecord r : records(dir.resolve("quadrants.csv"))) {
                f.put("quadrant", r.get("quadrant"), r.get("postings"), r.get("share"));
                f.total += Double.parseDouble(r.get("postings"));
            }
            for (String dimension : List.of("domain", "level")) {
                for (CSVRecord r : records(dir.resolve(dimension + "s.csv"))) {
                    if (r.get("quadrant").equals("ALL")) {
                        f.put(dimension, r.get(dimension), r.get("postings"), r.get("share"));
                    }
                }
            }
            for (CSVRecord r : records(dir.resolve("rounds.csv"))) {
                if (r.get("scope").equals("overall")) {
                    f.values.put("round-share/" + r.get("round"), Double.parseDouble(r.get("share")));
                    f.values.put("round-mean/" + r.get("round"), Double.parseDouble(r.get("mean_weight")));
                }
            }
            return f;
        }

        private void put(String dimension, String value, String postings, String share) {
            values.put(dimension + "/" + value, Double.parseDouble(postings));
            values.put(dimension + "-share/" + value, Double.parseDouble(share));
        }

        double get(String dimension, String value) {
            return values.getOrDefault(dimension + "/" + value, 0.0);
        }
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        try (CSVParser parser = parser(file)) {
            return parser.getRecords();
        }
    }

    private static CSVParser parser(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "not a report folder: it has no " + file.getFileName());
        }
        return CSVParser.parse(file, StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build());
    }

    /** The ML postings that opened and closed between two postings.csv files, per dimension and value. */
    private static final class Changes {
        private final Map<String, long[]> counts = new LinkedHashMap<>();

        static Changes between(Path oldCsv, Path newCsv) throws IOException {
            Changes c = new Changes();
            try (CSVParser a = parser(oldCsv); CSVParser b = parser(newCsv)) {
                boolean aStatus = a.getHeaderMap().containsKey("status");
                boolean bStatus = b.getHeaderMap().containsKey("status");
                Iterator<CSVRecord> ia = a.iterator();
                Iterator<CSVRecord> ib = b.iterator();
                CSVRecord ra = next(ia);
                CSVRecord rb = next(ib);
                while (ra != null || rb != null) {
                    int cmp = ra == null ? 1 : rb == null ? -1 : compareCodePoints(ra.get("id"), rb.get("id"));
                    boolean oldOpen = cmp <= 0 && openMl(ra, aStatus);
                    boolean newOpen = cmp >= 0 && openMl(rb, bStatus);
                    if (newOpen && !oldOpen) {
                        c.count(rb, 0);
                    } else if (oldOpen && !newOpen) {
                        c.count(ra, 1);
                    }
                    if (cmp <= 0) {
                        ra = next(ia);
                    }
                    if (cmp >= 0) {
                        rb = next(ib);
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return c;
        }

        private static CSVRecord next(Iterator<CSVRecord> it) {
            return it.hasNext() ? it.next() : null;
        }

        private static boolean openMl(CSVRecord r, boolean hasStatus) {
            return r.get("ml_role").equals("true") && (!hasStatus || r.get("status").equals("OPEN"));
        }

        private void count(CSVRecord r, int what) {
            add("total", "ALL", what);
            add("quadrant", r.get("quadrant"), what);
            add("level", r.get("level"), what);
            String domains = r.get("domains");
            if (domains.isEmpty()) {
                add("domain", "NONE", what);
            } else {
                for (String d : domains.split(";")) {
                    add("domain", d, what);
                }
            }
        }

        private void add(String dimension, String value, int what) {
            counts.computeIfAbsent(dimension + "/" + value, k -> new long[2])[what]++;
        }

        long opened(String dimension, String value) {
            return counts.getOrDefault(dimension + "/" + value, new long[2])[0];
        }

        long closed(String dimension, String value) {
            return counts.getOrDefault(dimension + "/" + value, new long[2])[1];
        }
    }

    /** Code point order, the order postings.csv is sorted in (UTF-8 byte order). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
