package io.roleradar.reporter.output;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One CSV report being written: RFC 4180 (CRLF, quotes where needed), UTF-8, a header row, and
 * every cell passed through {@link CsvSafety} so no cell can start a formula. Numbers are written
 * with a dot and a fixed number of decimals whatever the machine's locale.
 */
public final class CsvTable implements Closeable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().build();

    private final CSVPrinter printer;
    private final int columns;

    public CsvTable(Writer out, String... header) throws IOException {
        this.printer = new CSVPrinter(out, FORMAT);
        this.columns = header.length;
        row((Object[]) header);
    }

    /** Writes a row; strings are neutralised, numbers formatted (doubles with 4 decimals). */
    public void row(Object... cells) throws IOException {
        if (cells.length != columns) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + columns + " columns");
        }
        List<String> out = new ArrayList<>(cells.length);
        for (Object c : cells) {
            out.add(CsvSafety.cell(format(c)));
        }
        printer.printRecord(out);
    }

    static String format(Object c) {
        if (c == null) {
            return "";
        }
        if (c instanceof Double || c instanceof Float) {
            return String.format(Locale.ROOT, "%.4f", ((Number) c).doubleValue());
        }
        return c.toString();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
