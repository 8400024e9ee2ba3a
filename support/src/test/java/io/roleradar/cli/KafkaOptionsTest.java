package io.roleradar.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared Kafka connection flags over their variables, as picocli reads them (the topic flags:
 * TopicOptionsTest; the real environment: OptionsEnvironmentTest).
 */
class KafkaOptionsTest {
    private static KafkaOptions parse(Map<String, String> env, String... args) {
        KafkaOptions options = new KafkaOptions();
        new CommandLine(options).setDefaultValueProvider(Variables.of(env)).parseArgs(args);
        return options;
    }

    @Test
    void theKafkaTimeoutIsTheFlagElseTheVariableElseFifteenSeconds() {
        Map<String, String> env = Map.of(KafkaOptions.TIMEOUT_ENV, "1m");

        assertThat(parse(env, "--kafka-timeout", "2s").kafkaTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(parse(env).kafkaTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(parse(Map.of()).kafkaTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void theMetricsPortIsTheFlagElseTheVariableElseOff() {
        Map<String, String> env = Map.of("ROLERADAR_METRICS_PORT", "9401");

        assertThat(parse(env, "--metrics-port", "9500").metricsPort()).isEqualTo(9500);
        assertThat(parse(env).metricsPort()).isEqualTo(9401);
        assertThat(parse(Map.of()).metricsPort()).as("off").isZero();
    }

    @Test
    void aWrongValueOfAVariableIsRefusedAsTheCommandLineIsParsed() {
        assertThatThrownBy(() -> parse(Map.of(KafkaOptions.TIMEOUT_ENV, "zz")))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("Invalid value for option '--kafka-timeout': 'zz' is not a duration: write e.g. 30s, "
                        + "15m, 6h, 1d, 500ms or an ISO-8601 duration such as PT6H");
        assertThatThrownBy(() -> parse(Map.of("ROLERADAR_METRICS_PORT", "x")))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageStartingWith("Invalid value for option '--metrics-port': 'x' is not a port: write 1-65535, or 0 for off");
        // An empty variable is a value too, and no number.
        assertThatThrownBy(() -> parse(Map.of("ROLERADAR_METRICS_PORT", "")))
                .isInstanceOf(CommandLine.ParameterException.class);
    }

    @Test
    void aMetricsPortOutsideTheTcpRangeIsRefusedAsTheCommandLineIsParsed() {
        assertThat(parse(Map.of(), "--metrics-port", "65535").metricsPort()).isEqualTo(65_535);
        for (String wrong : new String[] {"65536", "-1"}) {
            assertThatThrownBy(() -> parse(Map.of(), "--metrics-port", wrong))
                    .isInstanceOf(CommandLine.ParameterException.class)
                    .hasMessage("Invalid value for option '--metrics-port': '" + wrong + "' is not a port: "
                            + "write 1-65535, or 0 for off");
        }
    }

    @Test
    void aWrongKafkaTimeoutFlagIsRefusedAsTheCommandLineIsParsed() {
        assertThatThrownBy(() -> parse(Map.of(), "--kafka-timeout", "zz"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("Invalid value for option '--kafka-timeout': 'zz' is not a duration: write e.g. 30s, "
                        + "15m, 6h, 1d, 500ms or an ISO-8601 duration such as PT6H");
    }
}
