package io.roleradar.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {
    @Test
    void theShortFormsAndIsoDurationsAreRead() {
        assertThat(Durations.parse("6h")).isEqualTo(Duration.ofHours(6));
        assertThat(Durations.parse(" 15 M ")).isEqualTo(Duration.ofMinutes(15));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.parse("pt6h")).isEqualTo(Duration.ofHours(6));
        assertThatThrownBy(() -> Durations.parse("soon", "--every"))
                .hasMessage("--every 'soon' is not a duration: write e.g. 30s, 15m, 6h, 1d, 500ms "
                        + "or an ISO-8601 duration such as PT6H");
    }

    @Test
    void aDurationIsWrittenInItsLargestWholeUnitAsPeopleWriteIt() {
        assertThat(Durations.format(Duration.ofDays(2))).isEqualTo("2d");
        assertThat(Durations.format(Duration.ofHours(6))).isEqualTo("6h");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        // Under a second it is not "0d", as the reporter's own copy of this used to write.
        assertThat(Durations.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }
}
