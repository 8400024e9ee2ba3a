package io.roleradar.ingest.parse;

import io.roleradar.ingest.source.Document;
import io.roleradar.ingest.text.Fields;
import io.roleradar.ingest.text.RemoteModes;
import io.roleradar.ingest.text.Salaries;
import io.roleradar.ingest.text.Texts;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CSV files with a header row (Apache Commons CSV), columns mapped by name through
 * {@link CsvColumns}. Ids are {@code csv:{file stem}:{row id}}, the row id from an id column (or the
 * unnamed first column, as the Glassdoor export has), else a hash of company, title and description.
 * A ragged row is rejected and the file goes on; a file without title or description columns is
 * rejected whole, naming the columns it has.
 */
public final class CsvParser {
    private final CsvColumns columns;

    public CsvParser(CsvColumns columns) {
        this.columns = columns;
    }

    /** True when the first line looks like a header of at least two delimited columns. */
    static boolean looksLike(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        return delimiter(first) != 0;
    }

    public List<ParseResult> parse(Document doc, String text) {
        int end = text.indexOf('\n');
        char delimiter = delimiter(end < 0 ? text : text.substring(0, end));
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter == 0 ? ',' : delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                .setIgnoreEmptyLines(true)
                .get();
        List<ParseResult> results = new ArrayList<>();
        String stem = doc.stemLower() != null ? doc.stemLower() : "csv";
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames();
            Layout layout = layout(header);
            if (layout.title < 0 || (layout.description < 0 && layout.sections.isEmpty())) {
                results.add(new Rejected(doc.name(), Rejected.BAD_CSV, "missing columns: need a title column (tried "
                        + columns.candidates("title") + ") and a description column (tried "
                        + columns.candidates("description") + "); the file has " + header
                        + ". Map them with --csv-column FIELD=COLUMN"));
                return results;
            }
            for (CSVRecord record : parser) {
                String where = doc.name() + " row " + record.getRecordNumber();
                if (record.size() != header.size()) {
                    results.add(new Rejected(where, Rejected.BAD_CSV, "ragged row: " + record.size()
                            + " fields where the header has " + header.size()));
                    continue;
                }
                results.add(row(doc, stem, layout, record).finish(where));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            results.add(new Rejected(doc.name(), Rejected.BAD_CSV, "unreadable CSV: " + e.getMessage()));
        }
        return results;
    }

    private PostingDraft row(Document doc, String stem, Layout layout, CSVRecord record) {
        PostingDraft d = new PostingDraft();
        d.title = get(record, layout.title);
        d.company = Fields.company(get(record, layout.company));
        d.location = Texts.blankToNull(get(record, layout.location));
        if (layout.description >= 0) {
            d.description = Texts.stripTags(get(record, layout.description));
        } else {
            StringBuilder text = new StringBuilder();
            for (int[] section : layout.sections) {
                String value = Texts.tidyLines(get(record, section[0]));
                if (!value.isEmpty()) {
                    text.append(layout.header.get(section[0]).trim()).append('\n').append(value).append("\n\n");
                }
            }
            d.description = Texts.tidyLines(text.toString());
        }
        d.salary = Salaries.parse(get(record, layout.salary));
        d.postedAt = Fields.date(get(record, layout.postedAt));
        d.employmentType = Fields.employmentType(get(record, layout.employmentType));
        d.department = Texts.blankToNull(get(record, layout.department));
        d.sourceUrl = Texts.blankToNull(get(record, layout.url));
        d.remoteField = RemoteModes.fromField(get(record, layout.remote));
        d.fetchedAt = doc.fetchedAt();
        d.source = "csv:" + stem;
        String rowId = Texts.blankToNull(get(record, layout.id));
        if (rowId == null) {
            rowId = Texts.sha16(Texts.comparable(d.company) + "|" + Texts.comparable(d.title) + "|"
                    + Texts.comparable(d.description));
        }
        d.id = "csv:" + stem + ":" + rowId;
        return d;
    }

    private Layout layout(List<String> header) {
        Layout l = new Layout(header);
        l.id = find(header, "id");
        if (l.id < 0 && !columns.isChosen("id") && !header.isEmpty() && header.get(0).isBlank()) {
            // The unnamed first column of a pandas export is the row index: a stable row id.
            l.id = 0;
        }
        l.title = find(header, "title");
        l.company = find(header, "company");
        l.location = find(header, "location");
        l.description = find(header, "description");
        l.salary = find(header, "salary");
        l.postedAt = find(header, "postedAt");
        l.employmentType = find(header, "employmentType");
        l.department = find(header, "department");
        l.url = find(header, "url");
        l.remote = find(header, "remote");
        if (l.description < 0) {
            for (String section : CsvColumns.DESCRIPTION_SECTIONS) {
                int i = indexOf(header, section);
                if (i >= 0) {
                    l.sections.add(new int[]{i});
                }
            }
        }
        return l;
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
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static final class Layout {
        final List<String> header;
        int id = -1;
        int title = -1;
        int company = -1;
        int location = -1;
        int description = -1;
        int salary = -1;
        int postedAt = -1;
        int employmentType = -1;
        int department = -1;
        int url = -1;
        int remote = -1;
        final List<int[]> sections = new ArrayList<>();

        Layout(List<String> header) {
            this.header = header;
        }
    }
}
