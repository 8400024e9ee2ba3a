package io.roleradar.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoStepTest {
    private static final Path LAUNCHER = Path.of(System.getProperty("roleradar.project.root", ".."))
            .toAbsolutePath().normalize().resolve("roleradar");
    private static final List<String> INGEST_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=400000");

    @Test
    void theStepsSeeNoneOfTheUsersRoleradarSettingsButTheTaxonomy() {
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("ROLERADAR_REPORT_COMPANY", "ROLERADAR_REPORT_INPUT", "ROLERADAR_REPORT_EVERY",
                "ROLERADAR_REPORT_DIR", "ROLERADAR_INGEST_SOURCES", "ROLERADAR_INGEST_EVERY", "ROLERADAR_INGEST_OUTPUT",
                "ROLERADAR_TOPIC_RAW", "ROLERADAR_TOPIC_TAGGED", "ROLERADAR_TOPIC_DLQ", "ROLERADAR_TOPIC_PARTITIONS",
                "ROLERADAR_CLASSIFIER_GROUP", "ROLERADAR_METRICS_PORT", "ROLERADAR_LOG_LEVEL", "ROLERADAR_KAFKA_TIMEOUT",
                "ROLERADAR_JAVA_OPTS", "ROLERADAR_TAXONOMY")) {
            env.put(name, "x");
        }
        env.putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9093", "KAFKA_SECURITY_PROTOCOL", "SSL",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/ts.jks", "PATH", "/usr/bin", "HOME", "/home/u", "TZ", "UTC"));

        Map<String, String> child = DemoStep.environment(env);

        // The log level and Kafka timeout reach the steps as the demo's flags (DemoCommandTest), the
        // JVM options as JVM options; every other ROLERADAR_* setting is for the user's real runs.
        assertThat(child).containsOnlyKeys("ROLERADAR_TAXONOMY", "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SECURITY_PROTOCOL",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "PATH", "HOME", "TZ");
        assertThat(child.get("KAFKA_SECURITY_PROTOCOL")).isEqualTo("SSL");
    }

    @Test
    void theStepsGetTheJvmOptionsTheLauncherGivesEachService() {
        assertThat(DemoStep.jvmOptions(List.of("ingest", "run"), null)).isEqualTo(INGEST_OPTIONS);
        assertThat(DemoStep.jvmOptions(List.of("reporter", "run"), "")).containsExactly("-XX:+UseParallelGC");
        assertThat(DemoStep.jvmOptions(List.of("classifier", "run"), null)).isEmpty();
    }

    @Test
    void theUsersJavaOptionsComeFirstAndACollectorOrTierTheyNameWins() {
        assertThat(DemoStep.jvmOptions(List.of("classifier", "run"), " -Xmx256m  -Dx=y ")).containsExactly("-Xmx256m",
                "-Dx=y");
        assertThat(DemoStep.jvmOptions(List.of("reporter", "run"), "-Xmx1g -XX:+UseG1GC"))
                .containsExactly("-Xmx1g", "-XX:+UseG1GC");
        assertThat(DemoStep.jvmOptions(List.of("ingest", "run"), "-XX:+UseParallelGC"))
                .containsExactly("-XX:+UseParallelGC", "-XX:Tier4InvocationThreshold=50000",
                        "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=150000",
                        "-XX:Tier4BackEdgeThreshold=400000");
        assertThat(DemoStep.jvmOptions(List.of("ingest", "run"), "-XX:Tier4InvocationThreshold=1"))
                .containsExactly("-XX:Tier4InvocationThreshold=1", "-XX:+UseSerialGC");
    }

    @Test
    void theLauncherScriptGivesTheServicesTheSameJvmOptionsAsTheDemoGivesItsSteps() throws Exception {
        // The rule lives in the script for the commands it starts and in DemoStep for the demo's steps.
        String script = Files.readString(LAUNCHER);

        assertThat(script).contains("gc_opts=\"-XX:+UseParallelGC\"", "ingest_opts=\"-XX:+UseSerialGC\"",
                "ingest_opts=\"$ingest_opts " + String.join(" ", INGEST_OPTIONS.subList(1, INGEST_OPTIONS.size())) + "\"",
                "== \"reporter\"", "== \"ingest\"", "*-XX:+Use*GC*", "*-XX:Tier*");
    }

    @Test
    void aStepRunsTheLaunchersMainWithTheHomeOnThisJvmsClassPath() {
        List<String> command = DemoStep.command(List.of("reporter", "run", "--out-dir", "r"),
                Map.of("ROLERADAR_JAVA_OPTS", "-Xmx300m"), Path.of("/opt/roleradar"));

        assertThat(command.get(0)).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        assertThat(command).containsSubsequence("-Xmx300m", "-XX:+UseParallelGC", "-Droleradar.home=/opt/roleradar",
                "-cp", System.getProperty("java.class.path"), RoleradarMain.class.getName(), "reporter", "run",
                "--out-dir", "r");
    }
}
