package io.roleradar.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogLevelTest {
    @Test
    void theLastLoggingFlagWinsOverTheEnvironment() {
        assertThat(LogLevel.from(new String[] {"ingest", "run", "-q"}, Map.of(LogLevel.ENV, "debug"))).isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.from(new String[] {"-q", "--verbose"}, Map.of())).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevel.from(new String[] {"--log-level", "error"}, Map.of())).isEqualTo(LogLevel.ERROR);
        assertThat(LogLevel.from(new String[] {"--log-level=WARN"}, Map.of())).isEqualTo(LogLevel.WARN);
    }

    @Test
    void theEnvironmentSetsTheLevelWhenNoFlagDoesElseInfo() {
        assertThat(LogLevel.from(new String[] {"demo"}, Map.of(LogLevel.ENV, "debug"))).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevel.from(new String[] {"demo"}, Map.of())).isEqualTo(LogLevel.INFO);
        assertThat(LogLevel.from(new String[] {"demo"}, Map.of(LogLevel.ENV, "loud"))).isEqualTo(LogLevel.INFO);
    }

    @Test
    void argumentsAfterTheEndOfOptionsAreNotFlags() {
        assertThat(LogLevel.from(new String[] {"brief", "--", "-q"}, Map.of())).isEqualTo(LogLevel.INFO);
    }

    @Test
    void aWrongLevelNamesTheLevelsThereAre() {
        assertThatThrownBy(() -> LogLevel.parse("loud"))
                .hasMessage("'loud' is not a level: use error, warn, info or debug");
    }

    @Test
    void theEnvironmentsLevelIsReadStrictlyWhenACommandChecksIt() {
        assertThat(LogLevel.fromEnv(Map.of(LogLevel.ENV, "Debug"))).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevel.fromEnv(Map.of())).isNull();
        assertThatThrownBy(() -> LogLevel.fromEnv(Map.of(LogLevel.ENV, "loud")))
                .hasMessage("ROLERADAR_LOG_LEVEL 'loud' is not a level: use error, warn, info or debug");
    }

    @Test
    void quietStillShowsWarningsButNotProgress() {
        assertThat(LogLevel.WARN.shows(LogLevel.WARN)).isTrue();
        assertThat(LogLevel.WARN.shows(LogLevel.INFO)).isFalse();
        assertThat(LogLevel.DEBUG.shows(LogLevel.INFO)).isTrue();
    }
}
