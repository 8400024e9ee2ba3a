package io.roleradar.reporter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleradar.cli.ExitCodes;
import io.roleradar.testkit.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reporter run}'s options over their environment variables. picocli takes the variables from
 * the real environment: only a process of its own has others.
 */
class RunEnvironmentTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private static final String INPUT = Fixtures.path(Fixtures.BASIC).toString();

    /** {@code reporter run ARGS} in a process of its own with {@code env} added; its exit code, its output in log.txt. */
    static int run(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), ReporterMain.class.getName(), "run"));
        command.addAll(List.of(args));
        ProcessBuilder child = new ProcessBuilder(command);
        child.environment().putAll(env);
        Process p = child.redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void theVariablesAreUsedWhenTheFlagsAreNotGiven(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("env-reports");
        Path state = dir.resolve("env-state");
        Map<String, String> env = new HashMap<>(Map.of("ROLERADAR_REPORT_INPUT", INPUT, "ROLERADAR_REPORT_DIR",
                out.toString(), "ROLERADAR_REPORT_SINCE", "2026-01-01", "ROLERADAR_REPORT_UNTIL", "2026-12-31",
                "ROLERADAR_REPORT_COMPANY", "Acme", "ROLERADAR_REPORT_SOURCE", "greenhouse",
                "ROLERADAR_REPORT_STATE_DIR", state.toString(), "ROLERADAR_REPORT_KEEP_STATE", "yes",
                "ROLERADAR_REPORT_INCLUDE_CLOSED", "1"));
        // The variables of topics the reporter does not use, wrong: not read.
        env.putAll(Map.of("ROLERADAR_TOPIC_RAW", "no spaces", "ROLERADAR_TOPIC_DLQ", "a/b",
                "ROLERADAR_TOPIC_PARTITIONS", "three"));
        assertThat(run(dir, env))
                .as(Files.readString(dir.resolve("log.txt"))).isEqualTo(ExitCodes.OK);
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.path("includeClosed").asBoolean()).isTrue();
        JsonNode filters = manifest.path("filters");
        assertThat(filters.path("since").asText()).isEqualTo("2026-01-01");
        assertThat(filters.path("until").asText()).isEqualTo("2026-12-31");
        assertThat(filters.path("company").asText()).isEqualTo("Acme");
        assertThat(filters.path("source").asText()).isEqualTo("greenhouse");
        assertThat(state.resolve("CURRENT")).exists();
    }

    @Test
    void theFlagsBeatTheVariables(@TempDir Path dir) throws Exception {
        Path flagOut = dir.resolve("flag-reports");
        assertThat(run(dir, Map.of("ROLERADAR_REPORT_INPUT", dir.resolve("missing.jsonl").toString(),
                        "ROLERADAR_REPORT_DIR", dir.resolve("env-reports").toString(), "ROLERADAR_REPORT_COMPANY", "Nobody"),
                "--input", INPUT, "--out-dir", flagOut.toString(), "--company", "Acme"))
                .as(Files.readString(dir.resolve("log.txt"))).isEqualTo(ExitCodes.OK);
        assertThat(new ObjectMapper().readTree(flagOut.resolve("manifest.json").toFile()).path("filters")
                .path("company").asText()).isEqualTo("Acme");
        assertThat(dir.resolve("env-reports")).doesNotExist();
        assertThat(run(dir, Map.of("ROLERADAR_REPORT_EVERY", "banana"), "--input", INPUT, "--every", "0s"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(dir.resolve("log.txt")).strip())
                .isEqualTo("roleradar reporter run: --every must be at least 1s, got '0s'");
    }

    @Test
    void aWrongValueFromAVariableNamesTheVariableAndOneFromTheFlagDoesNot(@TempDir Path dir) throws Exception {
        assertThat(run(dir, Map.of("ROLERADAR_REPORT_SINCE", "garbage"), "--input", INPUT, "--out-dir",
                dir.resolve("r").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(dir.resolve("log.txt")).strip()).isEqualTo("roleradar reporter run: --since 'garbage' "
                + "is not a date: write it as YYYY-MM-DD, e.g. 2026-11-01 "
                + "(the value of the environment variable ROLERADAR_REPORT_SINCE)");
        assertThat(run(dir, Map.of("ROLERADAR_REPORT_EVERY", "0s"), "--input", INPUT)).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(dir.resolve("log.txt")).strip()).isEqualTo("roleradar reporter run: --every must "
                + "be at least 1s, got '0s' (the value of the environment variable ROLERADAR_REPORT_EVERY)");
        assertThat(run(dir, Map.of("ROLERADAR_REPORT_UNTIL", "soon"), "--input", INPUT)).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(dir.resolve("log.txt")))
                .contains("(the value of the environment variable ROLERADAR_REPORT_UNTIL)");

        assertThat(ReporterMain.execute("run", "--input", INPUT, "--since", "garbage")).isEqualTo(ExitCodes.USAGE);
        assertThat(console.err()).contains("--since 'garbage' is not a date").doesNotContain("environment variable");
    }

    @Test
    void aWrongBooleanVariableIsRefusedNamingItEvenWithTheFlag(@TempDir Path dir) throws Exception {
        // picocli reads a boolean flag's default to set it, so the flag does not pass over a wrong variable.
        assertThat(run(dir, Map.of("ROLERADAR_REPORT_INCLUDE_CLOSED", "maybe"), "--input", INPUT, "--out-dir",
                dir.resolve("r").toString(), "--include-closed")).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(dir.resolve("log.txt")).strip())
                .isEqualTo("roleradar reporter run: Invalid value for option '--include-closed': 'maybe' is not true or "
                        + "false: write true, yes or 1, or false, no or 0 "
                        + "(the value of the environment variable ROLERADAR_REPORT_INCLUDE_CLOSED)");
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void everyOptionOfTheCommandFallsBackToItsEnvironmentVariableThroughPicocli() {
        // Not the deprecated spellings.
        Set<String> notThroughPicocli = Set.of("out", "source");
        List<Field> fields = new ArrayList<>(List.of(RunCommand.class.getDeclaredFields()));
        fields.addAll(List.of(ReportOptions.class.getDeclaredFields()));
        int checked = 0;
        for (Field f : fields) {
            CommandLine.Option option = f.getAnnotation(CommandLine.Option.class);
            if (option != null && !notThroughPicocli.contains(f.getName())) {
                assertThat(option.defaultValue()).as(f.getName()).startsWith("${env:ROLERADAR_REPORT_");
                checked++;
            }
        }
        assertThat(checked).isEqualTo(10);
    }
}
