package io.roleradar.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka and topic options over the real environment, which picocli reads: each variable is
 * taken, the flag beats it, and a wrong one is a usage error naming it. Two processes of their own
 * ({@link OptionsProcess}), one with right variables and one with wrong ones.
 */
class OptionsEnvironmentTest {
    /** One line of {@link OptionsProcess} output per command line of {@code args}. */
    private static List<String> run(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), OptionsProcess.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder child = new ProcessBuilder(command);
        child.environment().putAll(env);
        Path log = Files.createTempFile(dir, "out", ".txt");
        Process p = child.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
        return Files.readAllLines(log);
    }

    @Test
    void eachOptionTakesItsVariableAndItsFlagBeatsIt(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("ROLERADAR_KAFKA_TIMEOUT", "1m", "ROLERADAR_METRICS_PORT", "9401",
                "ROLERADAR_TOPIC_RAW", "env.raw", "ROLERADAR_TOPIC_TAGGED", "env.tagged", "ROLERADAR_TOPIC_DLQ", "env.dlq",
                "ROLERADAR_TOPIC_PARTITIONS", "6");

        assertThat(run(dir, env, "kafka", ";", "raw", ";", "tagged", ";", "dlq", ";", "partitions", ";",
                "kafka", "--kafka-timeout", "2s", "--metrics-port", "9500", ";", "raw", "--topic-raw", "flag.raw", ";",
                "tagged", "--topic-tagged", "flag.tagged", ";", "dlq", "--topic-dlq", "flag.dlq", ";",
                "partitions", "--partitions", "2")).containsExactly(
                "kafka-timeout=1m metrics-port=9401", "topic-raw=env.raw", "topic-tagged=env.tagged", "topic-dlq=env.dlq",
                "partitions=6",
                "kafka-timeout=2s metrics-port=9500", "topic-raw=flag.raw", "topic-tagged=flag.tagged",
                "topic-dlq=flag.dlq", "partitions=2");
    }

    @Test
    void aWrongVariableIsAUsageErrorNamingItUnlessTheFlagIsGiven(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("ROLERADAR_KAFKA_TIMEOUT", "zz", "ROLERADAR_METRICS_PORT", "x",
                "ROLERADAR_TOPIC_RAW", "no spaces", "ROLERADAR_TOPIC_TAGGED", "a/b", "ROLERADAR_TOPIC_DLQ", "",
                "ROLERADAR_TOPIC_PARTITIONS", "0");
        String variable = " (the value of the environment variable ";

        assertThat(run(dir, env, "kafka", "--metrics-port", "0", ";", "kafka", "--kafka-timeout", "1s", ";",
                "raw", ";", "tagged", ";", "dlq", ";", "partitions", ";",
                "raw", "--topic-raw", "a b", ";", "partitions", "--partitions", "2", ";",
                "kafka", "--kafka-timeout", "1s", "--metrics-port", "0")).containsExactly(
                "roleradar options: Invalid value for option '--kafka-timeout': 'zz' is not a duration: write e.g. "
                        + "30s, 15m, 6h, 1d, 500ms or an ISO-8601 duration such as PT6H" + variable
                        + "ROLERADAR_KAFKA_TIMEOUT)",
                "roleradar options: Invalid value for option '--metrics-port': 'x' is not a port: write 1-65535, or 0 for off" + variable
                        + "ROLERADAR_METRICS_PORT)",
                "roleradar options: Invalid value for option '--topic-raw': the topic 'no spaces' is not a legal Kafka "
                        + "topic name: use letters, digits, '.', '_' and '-'" + variable + "ROLERADAR_TOPIC_RAW)",
                "roleradar options: Invalid value for option '--topic-tagged': the topic 'a/b' is not a legal Kafka "
                        + "topic name: use letters, digits, '.', '_' and '-'" + variable + "ROLERADAR_TOPIC_TAGGED)",
                "roleradar options: Invalid value for option '--topic-dlq': the topic must not be blank" + variable
                        + "ROLERADAR_TOPIC_DLQ)",
                "roleradar options: Invalid value for option '--partitions': must be at least 1, got 0" + variable
                        + "ROLERADAR_TOPIC_PARTITIONS)",
                // A wrong flag is the flag's mistake; a right one beats the wrong variable.
                "roleradar options: Invalid value for option '--topic-raw': the topic 'a b' is not a legal Kafka topic "
                        + "name: use letters, digits, '.', '_' and '-'",
                "partitions=2",
                // The Kafka options do not read the topics' variables.
                "kafka-timeout=1s metrics-port=0");
    }
}
