package io.roleradar.reporter.output;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTableTest {

    @Test
    void formatsDoublesWithFourDecimalsLikeTheJavaFormatter() {
        assertThat(CsvTable.fixed4(0)).isEqualTo("0.0000");
        assertThat(CsvTable.fixed4(0.2)).isEqualTo("0.2000");
        assertThat(CsvTable.fixed4(3.1 / 13.5)).isEqualTo("0.2296");
        assertThat(CsvTable.fixed4(1)).isEqualTo("1.0000");
        assertThat(CsvTable.fixed4(0.00004)).isEqualTo("0.0000");
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            double v = random.nextDouble() * Math.pow(10, random.nextInt(7));
            // Skip values a hair from a rounding boundary, where binary and decimal rounding may differ.
            double frac = v * 10_000 - Math.floor(v * 10_000);
            if (Math.abs(frac - 0.5) > 1e-6) {
                assertThat(CsvTable.fixed4(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.4f", v));
            }
        }
    }

    @Test
    void writesAHeaderAndRowsWithCrlfAndQuotesWhereNeeded() throws Exception {
        StringWriter out = new StringWriter();
        try (CsvTable t = new CsvTable(out, "a", "b", "c")) {
            t.row("x, y", 0.5, null);
            t.row("say \"hi\"", 3L, true);
        }
        assertThat(out.toString()).isEqualTo("a,b,c\r\n\"x, y\",0.5000,\r\n\"say \"\"hi\"\"\",3,true\r\n");
    }

    @Test
    void refusesARowOfTheWrongWidth() throws Exception {
        try (CsvTable t = new CsvTable(new StringWriter(), "a", "b")) {
            assertThatThrownBy(() -> t.row("only one")).hasMessageContaining("2 columns");
        }
    }

    @Test
    void writesTheSameBytesCellByCellAsRowByRow() throws Exception {
        String[][] rows = {
                {"x, y", "0.5000", null, "", "2026-W45"},
                {"", "-1", "=SUM(A1)", "say \"hi\"", "ADS;NLP_LLM"},
                {"id:1", "line\nbreak", " lead", "trail ", "#hash"},
                {"@cmd", "+1", "\ttab", "MODELING_GENERALIST", "1.0000"},
                {null, "a-b", "-", "a_b:c.d", "caf\u00e9"},
        };
        StringWriter byRow = new StringWriter();
        try (CsvTable t = new CsvTable(byRow, "a", "b", "c", "d", "e")) {
            for (String[] r : rows) {
                t.row((Object[]) r);
            }
        }
        StringWriter byCell = new StringWriter();
        try (CsvTable t = new CsvTable(byCell, "a", "b", "c", "d", "e")) {
            for (String[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    if (i % 2 == 0) {
                        t.plain(r[i]);
                    } else {
                        t.text(r[i]);
                    }
                }
                t.endRow();
            }
            for (String[] r : rows) {
                for (String cell : r) {
                    t.plain(cell);
                }
                t.endRow();
            }
        }
        StringWriter twice = new StringWriter();
        try (CsvTable t = new CsvTable(twice, "a", "b", "c", "d", "e")) {
            for (int n = 0; n < 2; n++) {
                for (String[] r : rows) {
                    t.row((Object[]) r);
                }
            }
        }
        assertThat(byCell.toString()).isEqualTo(twice.toString()).startsWith(byRow.toString());
        assertThat(byRow.toString()).contains("'=SUM(A1)", "'@cmd", "\"x, y\"");
    }

    @Test
    void refusesARowWrittenCellByCellWithTooFewCells() throws Exception {
        try (CsvTable t = new CsvTable(new StringWriter(), "a", "b")) {
            t.text("only one");
            assertThatThrownBy(t::endRow).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
