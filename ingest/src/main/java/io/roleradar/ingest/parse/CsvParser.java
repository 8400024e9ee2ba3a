package io.roleradar.ingest.parse;

import io.roleradar.ingest.source.Document;
import io.roleradar.ingest.text.Fields;
import io.roleradar.ingest.text.RemoteModes;
import io.roleradar.ingest.text.Salaries;
import io.roleradar.ingest.text.Texts;
import io.roleradar.model.RemoteMode;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CSV files with a header row (Apache Commons CSV), columns mapped by name through
 * {@link CsvColumns}. Ids are {@code csv:{file stem}:{row id}}, the row id from an id column (or the
 * unnamed first column, as the Glassdoor export has), else a hash of company, title and description.
 * A ragged row is rejected and the file goes on; a file without title or description columns is
 * rejected whole, naming the columns it has; a quote never closed rejects the rest of the file,
 * naming the line it opens on.
 */
public final class CsvParser {
    private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{12,13}(?:\\.0+)?");
    /**
     * Commons CSV's messages for quotes gone wrong, which name its own terms ("encapsulated token"),
     * with the line they are about (written with the default locale's grouping: "1,234").
     */
    private static final Pattern QUOTE_NOT_CLOSED = Pattern.compile(
            "\\(startline ([\\d\\p{Punct}\\p{Zs}]+)\\) EOF reached before encapsulated token finished");
    private static final Pattern TEXT_AFTER_QUOTE = Pattern.compile(
            "Invalid character between encapsulated token and delimiter at line: ([\\d\\p{Punct}\\p{Zs}]+?), position");
    private final CsvColumns columns;

    public CsvParser(CsvColumns columns) {
        this.columns = columns;
    }

    /** True when the first line looks like a header of at least two delimited columns. */
    public static boolean looksLike(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        return delimiter(first) != 0;
    }

    /** Parses CSV text held whole (a fetched document). */
    public List<ParseResult> parse(Document doc, String text) {
        List<ParseResult> results = new ArrayList<>();
        parse(doc, new StringReader(text), results::add);
        return results;
    }

    /**
     * Parses CSV one record at a time from {@code text}, handing each posting or reject to
     * {@code out} as it is read, so a file of any size takes the memory of one row. A row the
     * charset cannot decode ends the file with a reject saying where; the rows before it stand.
     */
    public void parse(Document doc, Reader text, Consumer<ParseResult> out) {
        BufferedReader in = text instanceof BufferedReader b ? b : new BufferedReader(text, 1 << 16);
        String stem = doc.stemLower() != null ? doc.stemLower() : "csv";
        long row = 0;
        try {
            char delimiter = delimiter(firstLine(in));
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setDelimiter(delimiter == 0 ? ',' : delimiter)
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setAllowMissingColumnNames(true)
                    .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                    .setIgnoreEmptyLines(true)
                    .get();
            try (CSVParser parser = CSVParser.parse(in, format)) {
                List<String> header = parser.getHeaderNames();
                Layout layout = layout(header);
                if (!layout.has("title") || (!layout.has("description") && layout.sections.isEmpty())) {
                    out.accept(new Rejected(doc.name(), Rejected.BAD_CSV, "missing columns: need a title column (tried "
                            + columns.candidates("title") + ") and a description column (tried "
                            + columns.candidates("description") + "); the file has " + header
                            + ". Map them with --csv-column FIELD=COLUMN"));
                    return;
                }
                for (CSVRecord record : parser) {
                    row = record.getRecordNumber();
                    String where = doc.name() + " row " + row;
                    if (record.size() != header.size()) {
                        out.accept(new Rejected(where, Rejected.BAD_CSV, "ragged row: " + record.size()
                                + " fields where the header has " + header.size()));
                        continue;
                    }
                    out.accept(row(doc, stem, layout, record).finish(where));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            while (cause != null && !(cause instanceof CharacterCodingException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof CharacterCodingException) {
                out.accept(new Rejected(doc.name(), Rejected.INVALID_UTF8, "text that is not in the file's charset "
                        + (row > 0 ? "after row " + row + " " : "") + "(UTF-8 unless a byte-order mark or --charset "
                        + "says otherwise; a file saved by Excel is often windows-1252)"));
            } else {
                out.accept(new Rejected(doc.name(), Rejected.BAD_CSV, unreadable(e)));
            }
        }
    }

    /** Why a file could not be read, in words, with the line where it went wrong when the parser says. */
    static String unreadable(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof CSVException)) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        Matcher notClosed = QUOTE_NOT_CLOSED.matcher(message);
        if (notClosed.find()) {
            return "line " + notClosed.group(1).replaceAll("\\D", "")
                    + ": a quoted field opened here is never closed; the rest of the file was not read";
        }
        Matcher afterQuote = TEXT_AFTER_QUOTE.matcher(message);
        if (afterQuote.find()) {
            return "line " + afterQuote.group(1).replaceAll("\\D", "") + ": text after the closing quote of a quoted field"
                    + " (a quote inside one is written twice: \"\"); the rest of the file was not read";
        }
        return "unreadable CSV: " + message;
    }

    /** The header line, read ahead and put back, to tell the delimiter. */
    private static String firstLine(BufferedReader in) throws IOException {
        in.mark(1 << 20);
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n' && line.length() < (1 << 20) - 1; c = in.read()) {
            line.append((char) c);
        }
        in.reset();
        return line.toString();
    }

    private PostingDraft row(Document doc, String stem, Layout l, CSVRecord record) {
        PostingDraft d = new PostingDraft(doc);
        d.title = l.get(record, "title");
        d.company = doc.company() != null ? doc.company() : Fields.company(l.get(record, "company"));
        d.location = Texts.blankToNull(l.get(record, "location"));
        if (l.has("description")) {
            d.description = Texts.stripTags(l.get(record, "description"));
        } else {
            StringBuilder text = new StringBuilder();
            for (int section : l.sections) {
                String value = Texts.tidyLines(get(record, section));
                if (!value.isEmpty()) {
                    text.append(l.header.get(section).trim()).append('\n').append(value).append("\n\n");
                }
            }
            d.description = Texts.tidyLines(text.toString());
        }
        d.salary = l.has("salaryMin") || l.has("salaryMax") ? Salaries.of(number(l.get(record, "salaryMin")),
                number(l.get(record, "salaryMax")), Texts.blankToNull(l.get(record, "salaryCurrency")),
                l.get(record, "salaryPeriod")) : null;
        if (d.salary == null) {
            d.salary = Salaries.parse(l.get(record, "salary"));
        }
        d.postedAt = date(l.get(record, "postedAt"));
        d.employmentType = Fields.employmentType(l.get(record, "employmentType"));
        d.department = Texts.blankToNull(l.get(record, "department"));
        d.sourceUrl = Texts.blankToNull(l.get(record, "url"));
        d.remoteField = remote(l.get(record, "remote"));
        d.source = "csv:" + stem;
        String rowId = Texts.blankToNull(l.get(record, "id"));
        if (rowId == null) {
            rowId = Texts.sha16(Texts.comparable(d.company) + "|" + Texts.comparable(d.title) + "|"
                    + Texts.comparable(d.description));
        }
        d.id = "csv:" + stem + ":" + rowId;
        return d;
    }

    private Layout layout(List<String> header) {
        Map<String, Integer> at = new HashMap<>();
        for (String field : CsvColumns.FIELDS) {
            at.put(field, find(header, field));
        }
        if (at.get("id") < 0 && !columns.isChosen("id") && !header.isEmpty() && header.get(0).isBlank()) {
            // The unnamed first column of a pandas export is the row index: a stable row id.
            at.put("id", 0);
        }
        List<Integer> sections = at.get("description") >= 0 ? List.of() : CsvColumns.DESCRIPTION_SECTIONS.stream()
                .map(section -> indexOf(header, section)).filter(i -> i >= 0).toList();
        return new Layout(header, at, sections);
    }

    private int find(List<String> header, String field) {
        for (String candidate : columns.candidates(field)) {
            int i = indexOf(header, candidate);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** An ISO date, or epoch milliseconds as the LinkedIn export writes them ({@code 1713397508000.0}). */
    static LocalDate date(String value) {
        String v = Texts.blankToNull(value);
        if (v != null && EPOCH_MILLIS.matcher(v).matches()) {
            return Fields.dateOfEpochMillis(new BigDecimal(v).longValue());
        }
        return Fields.date(v);
    }

    /** A workplace word, or a yes/no remote flag (LinkedIn's remote_allowed is 1.0 or empty). */
    static RemoteMode remote(String value) {
        String v = Texts.blankToNull(value);
        if (v == null) {
            return RemoteMode.UNKNOWN;
        }
        String k = v.toLowerCase(Locale.ROOT);
        if (k.equals("1") || k.equals("1.0") || k.equals("true") || k.equals("yes")) {
            return RemoteMode.REMOTE;
        }
        // "Not remote" does not say on-site or hybrid: the location and the text decide.
        return k.equals("0") || k.equals("0.0") || k.equals("false") || k.equals("no") ? RemoteMode.UNKNOWN
                : RemoteModes.fromField(v);
    }

    private static BigDecimal number(String value) {
        String v = Texts.blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.replace(",", "").replace("$", "").trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String get(CSVRecord record, int index) {
        return index < 0 || index >= record.size() ? null : record.get(index);
    }

    private static char delimiter(String firstLine) {
        int commas = count(firstLine, ',');
        int tabs = count(firstLine, '\t');
        int semis = count(firstLine, ';');
        int max = Math.max(commas, Math.max(tabs, semis));
        if (max == 0) {
            return 0;
        }
        return max == tabs ? '\t' : max == semis ? ';' : ',';
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }

    /**
     * The column of each field in {@link CsvColumns#FIELDS} (-1 for none), and without a description
     * column the columns whose headed text makes one.
     */
    private record Layout(List<String> header, Map<String, Integer> at, List<Integer> sections) {
        boolean has(String field) {
            return at.get(field) >= 0;
        }

        String get(CSVRecord record, String field) {
            return CsvParser.get(record, at.get(field));
        }
    }
}
