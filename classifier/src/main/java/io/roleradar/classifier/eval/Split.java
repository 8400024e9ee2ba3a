package io.roleradar.classifier.eval;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which part of the dev set each source (company) belongs to: {@code tune}, the postings the rules
 * may be tuned on, or {@code locked}, the test part no one looks at while tuning (issue 13). Read
 * from a CSV with the header {@code source,part}, as {@code devset/tools/make_split.py} writes it.
 *
 * <p>Sources are matched as ingest names them ({@code ashby:forward%20financing}) and also
 * lower-cased and URL-decoded ({@code ashby:Forward Financing}), so either spelling works.
 */
public final class Split {
    public static final String TUNE = "tune";
    public static final String LOCKED = "locked";
    /** The one part of an evaluation without a split. */
    public static final String ALL = "all";
    /** Postings whose source the split file does not list. */
    public static final String NOT_IN_SPLIT = "not-in-split";

    private final Map<String, String> partBySource;

    private Split(Map<String, String> partBySource) {
        this.partBySource = Map.copyOf(partBySource);
    }

    /** No split: every posting is in the part {@link #ALL}. */
    public static Split none() {
        return new Split(Map.of());
    }

    public boolean isNone() {
        return partBySource.isEmpty();
    }

    public static Split read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        }
    }

    static Split read(Reader reader, String origin) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        Map<String, String> parts = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            if (!parser.getHeaderNames().containsAll(List.of("source", "part"))) {
                throw new IllegalArgumentException(origin + ": the first row must be source,part");
            }
            for (CSVRecord row : parser) {
                long line = row.getParser().getCurrentLineNumber();
                String source = row.get("source");
                String part = row.get("part").toLowerCase(Locale.ROOT);
                if (source.isBlank()) {
                    problems.add("line " + line + ": source is empty: give a source as ingest names it, e.g. ashby:board");
                } else if (!part.equals(TUNE) && !part.equals(LOCKED)) {
                    problems.add("line " + line + " (" + source + "): part is '" + row.get("part") + "': write tune or locked");
                } else {
                    String previous = parts.put(key(source), part);
                    if (previous != null && !previous.equals(part)) {
                        problems.add("line " + line + " (" + source + "): listed before as " + previous
                                + "; a source is in one part only");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(origin + " has " + problems.size() + " bad row(s):\n  - "
                    + String.join("\n  - ", problems));
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException(origin + " lists no source: one row per source, source,part");
        }
        return new Split(parts);
    }

    /**
     * The part of a posting's source: {@link #TUNE}, {@link #LOCKED}, {@link #NOT_IN_SPLIT} when the
     * file does not list it, or {@link #ALL} without a split.
     */
    public String partOf(String source) {
        if (isNone()) {
            return ALL;
        }
        if (source == null) {
            return NOT_IN_SPLIT;
        }
        return partBySource.getOrDefault(key(source), NOT_IN_SPLIT);
    }

    /** How many sources each part lists. */
    public Map<String, Long> sourcesPerPart() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put(TUNE, partBySource.values().stream().filter(TUNE::equals).count());
        out.put(LOCKED, partBySource.values().stream().filter(LOCKED::equals).count());
        return out;
    }

    /** A source's name for matching: lower-cased and percent-decoded ('+' stays a '+'). */
    static String key(String source) {
        String s = source.strip().toLowerCase(Locale.ROOT);
        if (s.indexOf('%') < 0) {
            return s;
        }
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a stray '%' that starts no escape: keep the name as written
        }
    }
}
