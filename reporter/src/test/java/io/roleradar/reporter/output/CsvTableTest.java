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
}
