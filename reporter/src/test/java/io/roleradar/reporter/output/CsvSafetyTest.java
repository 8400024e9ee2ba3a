package io.roleradar.reporter.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CsvSafetyTest {

    @ParameterizedTest(name = "[{0}] gets a leading quote")
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)",
            "\tTabbed", "\rReturn", "=", "-"})
    void prefixesCellsThatASpreadsheetWouldRunAsAFormula(String cell) {
        assertThat(CsvSafety.cell(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest(name = "[{0}] is left as it is")
    @ValueSource(strings = {"Acme", "ML Engineer - Search", "0.2500", "2026-W45", "<script>", " =not first", "'quoted"})
    void leavesOrdinaryCellsAlone(String cell) {
        assertThat(CsvSafety.cell(cell)).isEqualTo(cell);
    }

    @Test
    void writesNullAsAnEmptyCell() {
        assertThat(CsvSafety.cell(null)).isEmpty();
    }
}
