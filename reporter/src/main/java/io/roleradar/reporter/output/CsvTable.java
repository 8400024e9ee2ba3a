package io.roleradar.reporter.output;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * One CSV report being written: RFC 4180 (CRLF, quotes where needed), UTF-8, a header row, and
 * every cell passed through {@link CsvSafety} so no cell can start a formula. Numbers are written
 * with a dot and a fixed number of decimals whatever the machine's locale.
 */
public final class CsvTable implements Closeable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().build();

    private final CSVPrinter printer;
    private final Writer out;
    private final int columns;
    /** Cells written so far of the row being written cell by cell. */
    private int cells;
    /** The row being written cell by cell: one write per row, not two per cell, each taking the writer's lock. */
    private final StringBuilder rowText = new StringBuilder(512);

    public CsvTable(Writer out, String... header) throws IOException {
        this(out, header.length);
        row((Object[]) header);
    }

    /**
     * Rows without a header, for a part of a table made apart from the rest (postings.csv is
     * formatted in chunks on several threads); the rows are the same as the full table's.
     */
    CsvTable(Writer out, int columns) throws IOException {
        this.printer = new CSVPrinter(out, FORMAT);
        this.out = out;
        this.columns = columns;
    }

    /** Writes a row; strings are neutralised, numbers formatted (doubles with 4 decimals) and left as numbers. */
    public void row(Object... cells) throws IOException {
        if (cells.length != columns) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + columns + " columns");
        }
        for (Object c : cells) {
            // A number made here is never a formula, and "-5" must stay a number a spreadsheet can add.
            printer.print(c instanceof Number ? format(c) : CsvSafety.cell(format(c)));
        }
        printer.println();
    }

    /**
     * The next cell of a row written cell by cell (for postings.csv, a million rows, without an
     * array and boxed values per row): text from the postings, neutralised and quoted as needed,
     * exactly as {@link #row} writes it.
     */
    public void text(String value) throws IOException {
        FORMAT.print(CsvSafety.cell(value), rowText, cells == 0);
        cells++;
    }

    /**
     * The next cell of a row written cell by cell, for values made here (numbers, dates, enum
     * names): when it holds only letters, digits and {@code . _ ; :} (or a {@code -} after the first
     * character), nothing would quote or neutralise it, so it is written as it is; otherwise it goes
     * the way of {@link #text}. The output is the same either way.
     */
    public void plain(String value) throws IOException {
        if (value == null || value.isEmpty() || cells == 0 || !plainText(value)) {
            text(value);
            return;
        }
        rowText.append(',').append(value);
        cells++;
    }

    /** Ends a row written cell by cell. */
    public void endRow() throws IOException {
        if (cells != columns) {
            throw new IllegalArgumentException("a row of " + cells + " cells in a table of " + columns + " columns");
        }
        FORMAT.println(rowText);
        out.append(rowText);
        rowText.setLength(0);
        cells = 0;
    }

    private static boolean plainText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ';' || c == ':' || (c == '-' && i > 0);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static String format(Object c) {
        if (c == null) {
            return "";
        }
        if (c instanceof Double || c instanceof Float) {
            return fixed4(((Number) c).doubleValue());
        }
        return c.toString();
    }

    /**
     * A number with exactly four decimals and a dot, like {@code String.format(Locale.ROOT, "%.4f", v)}
     * but without the formatter: postings.csv has a million rows of them.
     */
    static String fixed4(double v) {
        if (!Double.isFinite(v) || Math.abs(v) >= 1e14) {
            return String.format(Locale.ROOT, "%.4f", v);
        }
        long scaled = Math.round(Math.abs(v) * 10_000.0);
        StringBuilder sb = new StringBuilder(16);
        if (v < 0 && scaled != 0) {
            sb.append('-');
        }
        sb.append(scaled / 10_000).append('.');
        long fraction = scaled % 10_000;
        for (long pad = 1000; pad > 1 && fraction < pad; pad /= 10) {
            sb.append('0');
        }
        return sb.append(fraction).toString();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
