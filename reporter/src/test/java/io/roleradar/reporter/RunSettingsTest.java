package io.roleradar.reporter;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunSettingsTest {
    private static final UnaryOperator<String> NO_ORIGIN = option -> "";

    @Test
    void readsDurationsInShortAndIsoForm() {
        assertThat(every("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(every("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(every("6h")).isEqualTo(Duration.ofHours(6));
        assertThat(every("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(every("PT15M")).isEqualTo(Duration.ofMinutes(15));
        assertThatThrownBy(() -> every("soon")).hasMessageContaining("15m");
    }

    private static Duration every(String text) {
        return RunSettings.of(NO_ORIGIN, Map.of(), null, null, text, null, null, null, null, false, null, false).every();
    }

    @Test
    void defaultsToTheReportsFolderAndOneRun() {
        RunSettings s = RunSettings.of(NO_ORIGIN, Map.of(), null, null, null, null, null, null, null, false, null, false);
        assertThat(s.out()).isEqualTo(Path.of("reports"));
        assertThat(s.every()).isNull();
    }

    @Test
    void aTooShortScheduleIsRefusedEchoingWhatWasWrittenAndTheFloor() {
        assertThatThrownBy(() -> RunSettings.of(NO_ORIGIN, Map.of(), null, null, "0s", null, null, null, null, false, null, false))
                .hasMessage("--every must be at least 1s, got '0s'");
        assertThatThrownBy(() -> RunSettings.of(NO_ORIGIN, Map.of(), null, null, "500ms", null, null, null, null, false, null, false))
                .hasMessage("--every must be at least 1s, got '500ms'");
        // The duration message of --every offers no example it would then refuse.
        assertThatThrownBy(() -> RunSettings.of(NO_ORIGIN, Map.of(), null, null, "soon", null, null, null, null, false, null, false))
                .hasMessageContaining("'soon' is not a duration").hasMessageContaining("at least 1s")
                .hasMessageNotContaining("500ms");
    }

    @Test
    void aBadValueNamesWhereItCameFrom() {
        UnaryOperator<String> fromVariables = option -> " (the value of the environment variable ROLERADAR_REPORT_"
                + option.substring(2).toUpperCase(java.util.Locale.ROOT) + ")";
        assertThatThrownBy(() -> RunSettings.of(fromVariables, Map.of(), null, null, null, "garbage", null, null, null,
                false, null, false)).hasMessage("--since 'garbage' is not a date: write it as YYYY-MM-DD, e.g. 2026-11-01 "
                + "(the value of the environment variable ROLERADAR_REPORT_SINCE)");
        assertThatThrownBy(() -> RunSettings.of(fromVariables, Map.of(), null, null, "0s", null, null, null, null,
                false, null, false)).hasMessage("--every must be at least 1s, got '0s' "
                + "(the value of the environment variable ROLERADAR_REPORT_EVERY)");
    }

    @Test
    void theBooleanVariablesTakeYesAndOneAndRefuseOtherWords() {
        assertThat(RunSettings.of(NO_ORIGIN, Map.of("ROLERADAR_REPORT_INCLUDE_CLOSED", "yes",
                "ROLERADAR_REPORT_KEEP_STATE", "1"), null, null, null, null, null, null, null, false, "s", false))
                .satisfies(s -> assertThat(s.includeClosed()).isTrue(), s -> assertThat(s.state().keep()).isTrue());
        assertThat(RunSettings.of(NO_ORIGIN, Map.of("ROLERADAR_REPORT_INCLUDE_CLOSED", "no"), null, null, null, null,
                null, null, null, true, null, false).includeClosed()).as("the flag beats the variable").isTrue();
        assertThatThrownBy(() -> RunSettings.of(NO_ORIGIN, Map.of("ROLERADAR_REPORT_KEEP_STATE", "maybe"), null, null,
                null, null, null, null, null, false, null, false))
                .hasMessage("ROLERADAR_REPORT_KEEP_STATE 'maybe' is not true or false");
    }

    @Test
    void namesTheFixForABadDate() {
        assertThatThrownBy(() -> RunSettings.of(NO_ORIGIN, Map.of(), null, null, null, "01/11/2026", null, null, null, false, null, false))
                .hasMessageContaining("--since").hasMessageContaining("YYYY-MM-DD");
    }
}
