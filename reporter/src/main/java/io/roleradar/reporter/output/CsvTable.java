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
        for (Object c : cells) {
            printer.print(CsvSafety.cell(format(c)));
        }
        printer.println();
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
