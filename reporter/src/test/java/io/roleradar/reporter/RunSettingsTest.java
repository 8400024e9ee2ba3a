package io.roleradar.reporter;

import io.roleradar.testkit.Variables;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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
        return RunSettings.of(NO_ORIGIN, null, null, text, null, null, null, null, false, null, false).every();
    }

    @Test
    void defaultsToTheReportsFolderAndOneRun() {
        RunSettings s = RunSettings.of(NO_ORIGIN, null, null, null, null, null, null, null, false, null, false);
        assertThat(s.out()).isEqualTo(Path.of("reports"));
        assertThat(s.every()).isNull();
    }

    @Test
    void aTooShortScheduleIsRefusedEchoingWhatWasWrittenAndTheFloor() {
        assertThatThrownBy(() -> RunSettings.of(NO_ORIGIN, null, null, "0s", null, null, null, null, false, null, false))
                .hasMessage("--every must be at least 1s, got '0s'");
        assertThatThrownBy(() -> RunSettings.of(NO_ORIGIN, null, null, "500ms", null, null, null, null, false, null, false))
                .hasMessage("--every must be at least 1s, got '500ms'");
        // The duration message of --every offers no example it would then refuse.
        assertThatThrownBy(() -> RunSettings.of(NO_ORIGIN, null, null, "soon", null, null, null, null, false, null, false))
                .hasMessageContaining("'soon' is not a duration").hasMessageContaining("at least 1s")
                .hasMessageNotContaining("500ms");
    }

    @Test
    void aBadValueNamesWhereItCameFrom() {
        UnaryOperator<String> fromVariables = option -> " (the value of the environment variable ROLERADAR_REPORT_"
                + option.substring(2).toUpperCase(java.util.Locale.ROOT) + ")";
        assertThatThrownBy(() -> RunSettings.of(fromVariables, null, null, null, "garbage", null, null, null,
                false, null, false)).hasMessage("--since 'garbage' is not a date: write it as YYYY-MM-DD, e.g. 2026-11-01 "
                + "(the value of the environment variable ROLERADAR_REPORT_SINCE)");
        assertThatThrownBy(() -> RunSettings.of(fromVariables, null, null, "0s", null, null, null, null,
                false, null, false)).hasMessage("--every must be at least 1s, got '0s' "
                + "(the value of the environment variable ROLERADAR_REPORT_EVERY)");
    }

    /** {@code reporter run ARGS} parsed, with {@code variables} as picocli would read them from the environment. */
    private static RunCommand parse(Map<String, String> variables, String... args) {
        RunCommand command = new RunCommand();
        new CommandLine(command).setDefaultValueProvider(Variables.of(variables)).parseArgs(args);
        return command;
    }

    @Test
    void theBooleanVariablesTakeYesAndOneAndRefuseOtherWords() {
        RunCommand yes = parse(Map.of("ROLERADAR_REPORT_INCLUDE_CLOSED", "yes", "ROLERADAR_REPORT_KEEP_STATE", "1"));
        assertThat(yes.scope.includeClosed).isTrue();
        assertThat(yes.keepState).isTrue();
        RunCommand no = parse(Map.of("ROLERADAR_REPORT_INCLUDE_CLOSED", "No", "ROLERADAR_REPORT_KEEP_STATE", "0"));
        assertThat(no.scope.includeClosed).isFalse();
        assertThat(no.keepState).isFalse();
        RunCommand neither = parse(Map.of());
        assertThat(neither.scope.includeClosed).isFalse();
        assertThat(neither.keepState).isFalse();

        assertThatThrownBy(() -> parse(Map.of("ROLERADAR_REPORT_KEEP_STATE", "maybe")))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessage("Invalid value for option '--keep-state': 'maybe' is not true or false: write "
                + "true, yes or 1, or false, no or 0");
    }

    @Test
    void theBooleanFlagsBeatTheirVariablesAndStayOnWhenTheVariableIsTrueToo() {
        RunCommand overNo = parse(Map.of("ROLERADAR_REPORT_INCLUDE_CLOSED", "no", "ROLERADAR_REPORT_KEEP_STATE", "false"),
                "--include-closed", "--keep-state");
        assertThat(overNo.scope.includeClosed).isTrue();
        assertThat(overNo.keepState).isTrue();
        // picocli turns a flag whose default is true off when it is given, unless its arity is 0 with a fallback of true.
        RunCommand overYes = parse(Map.of("ROLERADAR_REPORT_INCLUDE_CLOSED", "true", "ROLERADAR_REPORT_KEEP_STATE", "yes"),
                "--include-closed", "--keep-state");
        assertThat(overYes.scope.includeClosed).isTrue();
        assertThat(overYes.keepState).isTrue();
    }

    @Test
    void namesTheFixForABadDate() {
        assertThatThrownBy(() -> RunSettings.of(NO_ORIGIN, null, null, null, "01/11/2026", null, null, null, false, null, false))
                .hasMessageContaining("--since").hasMessageContaining("YYYY-MM-DD");
    }
}
