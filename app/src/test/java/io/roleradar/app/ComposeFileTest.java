package io.roleradar.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.roleradar.kafka.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docker-compose.yml honest without a Docker engine: every service it builds is a module of
 * this repository, every variable it sets is one that service reads, and topics and ports agree.
 */
class ComposeFileTest {
    private static final List<String> SERVICES = List.of("ingest", "classifier", "reporter");
    private static Path root;
    private static JsonNode compose;

    @BeforeAll
    static void readComposeFile() throws IOException {
        root = Path.of(System.getProperty("roleradar.project.root", "..")).toAbsolutePath().normalize();
        compose = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("docker-compose.yml").toFile());
    }

    @Test
    void everyBuiltServiceIsAModuleWithARunnableJarTheDockerfileCopies() throws IOException {
        String dockerfile = Files.readString(root.resolve("Dockerfile"));
        assertThat(dockerfile).contains("/src/${SERVICE}/target/roleradar-${SERVICE}.jar");
        for (String service : SERVICES) {
            JsonNode node = service(service);
            assertThat(node.path("build").path("args").path("SERVICE").asText()).isEqualTo(service);
            String pom = Files.readString(root.resolve(service).resolve("pom.xml"));
            assertThat(pom).as(service + "/pom.xml").contains("<finalName>roleradar-" + service + "</finalName>")
                    .contains("<mainClass>");
            assertThat(dockerfile).contains("COPY " + service + " " + service);
        }
    }

    @Test
    void everyEnvironmentVariableASeviceSetsIsOneThatServiceReads() throws IOException {
        for (String service : SERVICES) {
            String code = sourcesOf(service) + sourcesOf("model") + sourcesOf("support");
            environment(service).keySet().forEach(name -> {
                if (name.startsWith("KAFKA_")) {
                    // KafkaSettings passes every KAFKA_* variable through as a client property.
                    return;
                }
                if (name.equals("JAVA_TOOL_OPTIONS")) {
                    // Read by the JVM itself (the reporter's collector): no code of ours reads it.
                    return;
                }
                assertThat(code).as(service + " reads " + name).containsAnyOf("\"" + name + "\"", "env:" + name);
            });
        }
    }

    @Test
    void theReporterRunsWithTheThroughputCollectorAsTheLauncherGivesIt() throws IOException {
        assertThat(environment("reporter")).containsEntry("JAVA_TOOL_OPTIONS", "-XX:+UseParallelGC");
        assertThat(Files.readString(root.resolve("roleradar"))).contains("gc_opts=\"-XX:+UseParallelGC\"");
    }

    @Test
    void ingestRunsWithTheJvmOptionsTheLauncherAndTheLoadHarnessGiveIt() throws IOException {
        String options = String.join(" ", io.roleradar.app.bench.PipelineLoadBenchmark.INGEST_PRODUCTION_JVM_OPTIONS);
        assertThat(environment("ingest")).containsEntry("JAVA_TOOL_OPTIONS", options);
        String launcher = Files.readString(root.resolve("roleradar"));
        assertThat(launcher).contains("ingest_opts=\"-XX:+UseSerialGC\"");
        assertThat("-XX:+UseSerialGC " + launcher.lines().filter(l -> l.contains("ingest_opts=\"$ingest_opts "))
                .findFirst().orElseThrow().replaceAll(".*ingest_opts=\"\\$ingest_opts (.*)\"$", "$1")).isEqualTo(options);
    }

    @Test
    void topicNamesAgreeWithTheCodeAndTheTopicsTheInitContainerCreates() {
        String creation = String.join("\n", texts(service("topics").path("command")));
        Map<String, String> defaults = Map.of(
                "ROLERADAR_TOPIC_RAW", Topics.DEFAULT_RAW,
                "ROLERADAR_TOPIC_TAGGED", Topics.DEFAULT_TAGGED,
                "ROLERADAR_TOPIC_DLQ", Topics.DEFAULT_DEAD_LETTER);
        for (String service : SERVICES) {
            environment(service).forEach((name, value) -> {
                if (defaults.containsKey(name)) {
                    assertThat(value).as(service + " " + name).isEqualTo(defaults.get(name));
                    assertThat(creation).contains("--topic " + value + " ");
                }
            });
        }
    }

    @Test
    void servicesReachTheBrokerOnItsInternalListenerAndPublishTheirMetricsPort() {
        JsonNode kafka = environment("kafka").isEmpty() ? null : service("kafka");
        assertThat(kafka).isNotNull();
        String advertised = environment("kafka").get("KAFKA_ADVERTISED_LISTENERS");
        for (String service : SERVICES) {
            Map<String, String> env = environment(service);
            String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
            assertThat(bootstrap).as(service).isNotBlank();
            assertThat(advertised).contains("//" + bootstrap);
            String metricsPort = env.get("ROLERADAR_METRICS_PORT");
            if (metricsPort != null) {
                assertThat(texts(service(service).path("ports"))).as(service + " ports")
                        .contains(metricsPort + ":" + metricsPort);
            }
        }
    }

    @Test
    void theInitContainerGivesTheDeadLetterTopicTheRetentionTheClassifierWouldGiveIt() {
        String dlq = texts(service("topics").path("command")).stream().flatMap(String::lines)
                .filter(line -> line.contains("--topic " + Topics.DEFAULT_DEAD_LETTER + " ")).findFirst().orElseThrow();
        // TopicAdmin.ensureTopics: delete policy, 30 days; without them the broker's 7 days would apply.
        assertThat(dlq).contains("--partitions 1 ").contains("cleanup.policy=delete")
                .contains("retention.ms=" + TimeUnit.DAYS.toMillis(30));
    }

    @Test
    void ingestKeepsItsStateOnANamedVolumeTheImagesUserOwns() throws IOException {
        String state = environment("ingest").get("ROLERADAR_INGEST_STATE_DIR");
        // The image's user has no home folder, so the default ~/.roleradar/ingest-state cannot be made.
        assertThat(state).as("ingest sets ROLERADAR_INGEST_STATE_DIR").isNotNull();
        assertThat(namedVolumeAt("ingest", state)).isTrue();
        assertThat(ownedByTheImagesUser()).contains(state);
    }

    @Test
    void theReporterWritesItsReportsBelowTheRootOfANamedVolumeTheImagesUserOwns() throws IOException {
        Path reports = Path.of(environment("reporter").get("ROLERADAR_REPORT_DIR"));
        // A run stages its files in a folder beside the report folder (ReportFolder): its parent must
        // be writable, which the root of the container's file system is not.
        String parent = reports.getParent().toString();
        assertThat(parent).isNotEqualTo("/");
        assertThat(namedVolumeAt("reporter", parent)).isTrue();
        assertThat(ownedByTheImagesUser()).contains(parent);
    }

    /** Whether the service mounts a volume declared at the top level (not a bind mount) at {@code target}. */
    private static boolean namedVolumeAt(String service, String target) {
        return texts(service(service).path("volumes")).stream().map(v -> v.split(":"))
                .anyMatch(v -> v.length >= 2 && v[1].equals(target) && compose.path("volumes").has(v[0]));
    }

    /** The folders the Dockerfile hands to the user the services run as. */
    private static List<String> ownedByTheImagesUser() throws IOException {
        String chown = Files.readString(root.resolve("Dockerfile")).lines().filter(l -> l.contains("chown roleradar"))
                .findFirst().orElseThrow();
        return List.of(chown.replaceAll(".*chown roleradar ", "").split("\\s+"));
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        Path tool = Stream.of("/usr/bin/docker-compose", "/usr/local/bin/docker-compose").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(tool != null, "skipped: docker-compose is not installed (Debian package docker-compose)");
        Process p = new ProcessBuilder(tool.toString(), "-f", root.resolve("docker-compose.yml").toString(), "config", "-q")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    private static JsonNode service(String name) {
        JsonNode node = compose.path("services").path(name);
        assertThat(node.isMissingNode()).as("docker-compose.yml has service " + name).isFalse();
        return node;
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service(service).path("environment");
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        } else if (node.isArray()) {
            node.forEach(item -> {
                String[] kv = item.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        }
        return env;
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (!node.isMissingNode()) {
            out.add(node.asText());
        }
        return out;
    }

    private static final Map<String, String> SOURCES = new HashMap<>();

    private static String sourcesOf(String module) {
        return SOURCES.computeIfAbsent(module, m -> {
            try (Stream<Path> files = Files.walk(root.resolve(m).resolve("src/main/java"))) {
                return files.filter(p -> p.toString().endsWith(".java")).map(p -> {
                    try {
                        return Files.readString(p);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).collect(Collectors.joining("\n"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
