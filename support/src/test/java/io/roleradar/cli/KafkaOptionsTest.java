package io.roleradar.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared Kafka connection flags and their environment variables (the topic flags: TopicOptionsTest). */
class KafkaOptionsTest {
    private static KafkaOptions parse(String... args) {
        KafkaOptions options = new KafkaOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void theKafkaTimeoutIsTheFlagElseTheEnvironmentElseFifteenSeconds() {
        assertThat(parse("--kafka-timeout", "2s").kafkaTimeout(Map.of(KafkaOptions.TIMEOUT_ENV, "1m")))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(parse().kafkaTimeout(Map.of(KafkaOptions.TIMEOUT_ENV, "1m"))).isEqualTo(Duration.ofMinutes(1));
        assertThat(parse().kafkaTimeout(Map.of())).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aWrongKafkaTimeoutInTheEnvironmentNamesTheVariable() {
        KafkaOptions options = parse();

        assertThatThrownBy(() -> options.checkEnvironment(Map.of(KafkaOptions.TIMEOUT_ENV, "zz")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ROLERADAR_KAFKA_TIMEOUT 'zz' is not a duration: write e.g. 30s, 15m, 6h, 1d, 500ms "
                        + "or an ISO-8601 duration such as PT6H");
    }

    @Test
    void aWrongNumberInTheEnvironmentNamesTheVariable() {
        KafkaOptions options = parse();

        assertThatThrownBy(() -> options.checkEnvironment(Map.of("ROLERADAR_METRICS_PORT", "x")))
                .hasMessage("ROLERADAR_METRICS_PORT 'x' is not a whole number");
    }

    @Test
    void aWrongKafkaTimeoutFlagIsRefusedAsTheCommandLineIsParsed() {
        assertThatThrownBy(() -> parse("--kafka-timeout", "zz"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("Invalid value for option '--kafka-timeout': 'zz' is not a duration: write e.g. 30s, "
                        + "15m, 6h, 1d, 500ms or an ISO-8601 duration such as PT6H");
    }
}
