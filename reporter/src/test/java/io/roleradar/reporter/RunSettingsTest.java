package io.roleradar.reporter;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunSettingsTest {

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
        return RunSettings.of(Map.of(), null, null, text, null, null, null, null, false, null, false).every();
    }

    @Test
    void fallsBackToTheEnvironmentWhenAFlagIsNotGiven() {
        Map<String, String> env = Map.of("ROLERADAR_REPORT_DIR", "/srv/reports", "ROLERADAR_REPORT_EVERY", "1h",
                "ROLERADAR_REPORT_SINCE", "2026-11-01", "ROLERADAR_REPORT_COMPANY", "Acme");
        RunSettings s = RunSettings.of(env, null, null, null, null, null, null, null, false, null, false);
        assertThat(s.out()).isEqualTo(Path.of("/srv/reports"));
        assertThat(s.every()).isEqualTo(Duration.ofHours(1));
        assertThat(s.filters().since()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(s.filters().company()).isEqualTo("Acme");
        assertThat(s.input()).isNull();
    }

    @Test
    void flagsBeatTheEnvironment() {
        RunSettings s = RunSettings.of(Map.of("ROLERADAR_REPORT_DIR", "/srv/reports"), "out", "t.jsonl", null,
                null, null, null, "greenhouse", false, null, false);
        assertThat(s.out()).isEqualTo(Path.of("out"));
        assertThat(s.input()).isEqualTo("t.jsonl");
        assertThat(s.filters().source()).isEqualTo("greenhouse");
    }

    @Test
    void defaultsToTheReportsFolderAndOneRun() {
        RunSettings s = RunSettings.of(Map.of(), null, null, null, null, null, null, null, false, null, false);
        assertThat(s.out()).isEqualTo(Path.of("reports"));
        assertThat(s.every()).isNull();
    }

    @Test
    void aTooShortScheduleIsRefusedEchoingWhatWasWrittenAndTheFloor() {
        assertThatThrownBy(() -> RunSettings.of(Map.of(), null, null, "0s", null, null, null, null, false, null, false))
                .hasMessage("--every must be at least 1s, got '0s'");
        assertThatThrownBy(() -> RunSettings.of(Map.of(), null, null, "500ms", null, null, null, null, false, null, false))
                .hasMessage("--every must be at least 1s, got '500ms'");
        // The duration message of --every offers no example it would then refuse.
        assertThatThrownBy(() -> RunSettings.of(Map.of(), null, null, "soon", null, null, null, null, false, null, false))
                .hasMessageContaining("'soon' is not a duration").hasMessageContaining("at least 1s")
                .hasMessageNotContaining("500ms");
    }

    @Test
    void aBadValueFromTheEnvironmentNamesTheVariable() {
        assertThatThrownBy(() -> RunSettings.of(Map.of("ROLERADAR_REPORT_SINCE", "garbage"), null, null, null, null,
                null, null, null, false, null, false)).hasMessage("--since 'garbage' is not a date: write it as YYYY-MM-DD, e.g. 2026-11-01 "
                + "(the value of the environment variable ROLERADAR_REPORT_SINCE)");
        assertThatThrownBy(() -> RunSettings.of(Map.of("ROLERADAR_REPORT_UNTIL", "soon"), null, null, null, null,
                null, null, null, false, null, false)).hasMessageEndingWith("(the value of the environment variable ROLERADAR_REPORT_UNTIL)");
        assertThatThrownBy(() -> RunSettings.of(Map.of("ROLERADAR_REPORT_EVERY", "0s"), null, null, null, null,
                null, null, null, false, null, false)).hasMessage("--every must be at least 1s, got '0s' "
                + "(the value of the environment variable ROLERADAR_REPORT_EVERY)");
        // A flag's value is the flag's: no variable named.
        assertThatThrownBy(() -> RunSettings.of(Map.of("ROLERADAR_REPORT_SINCE", "2026-11-01"), null, null, null,
                "garbage", null, null, null, false, null, false)).hasMessageNotContaining("environment variable");
    }

    @Test
    void namesTheFixForABadDate() {
        assertThatThrownBy(() -> RunSettings.of(Map.of(), null, null, null, "01/11/2026", null, null, null, false, null, false))
                .hasMessageContaining("--since").hasMessageContaining("YYYY-MM-DD");
    }
}
