package io.roleradar.classifier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.roleradar.kafka.ExactlyOnceLoop;
import io.roleradar.model.Tags;
import io.roleradar.testkit.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifierMainTest {

    private static int run(Map<String, String> env, StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new ClassifierMain(env));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    /** As {@link #run}, with {@code variables} as picocli would read them from the environment. */
    private static int runWith(Map<String, String> variables, StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new ClassifierMain(Map.of()));
        cli.setDefaultValueProvider(Variables.of(variables)).setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void refusesAnInstanceIdThatCannotBeATransactionalIdAsAUsageError() {
        StringWriter err = new StringWriter();
        assertThat(run(Map.of(), err, "--instance-id", "has spaces")).isEqualTo(2);
    }

    @Test
    void refusesABrokenTaxonomyFromTheEnvironmentAsAUsageError() throws Exception {
        String broken = java.nio.file.Path.of(getClass().getResource("/taxonomy/broken.json").toURI()).toString();
        assertThat(runWith(Map.of("ROLERADAR_TAXONOMY", broken), new StringWriter())).isEqualTo(2);
    }

    @Test
    void aWrongKafkaTimeoutFromTheFlagOrTheEnvironmentIsAUsageError() {
        assertThat(runWith(Map.of("ROLERADAR_KAFKA_TIMEOUT", "zz"), new StringWriter(), "run", "--instance-id", "t"))
                .isEqualTo(2);
        assertThat(run(Map.of(), new StringWriter(), "run", "--kafka-timeout", "zz", "--instance-id", "t")).isEqualTo(2);
    }

    @Test
    void exitsWithKafkaUnavailableWhenNoBrokerAnswers() {
        int exit = run(Map.of(), new StringWriter(), "--bootstrap-servers", "127.0.0.1:1",
                "-X", "default.api.timeout.ms=1500", "-X", "request.timeout.ms=1000", "--instance-id", "t");
        assertThat(exit).isEqualTo(3);
    }

    /** The transactional id the service's loop gets from this config. */
    private static String transactionalId(ClassifierConfig config) {
        return ExactlyOnceLoop.transactionalId(config.group(), config.instanceId());
    }

    @Test
    void readsGroupAndInstanceIdFromTheEnvironmentWhenNoFlagIsGiven() {
        Map<String, String> variables = Map.of("ROLERADAR_CLASSIFIER_GROUP", "g2", "ROLERADAR_INSTANCE_ID", "pod-7");
        ClassifierMain main = new ClassifierMain(Map.of("HOSTNAME", "host-1"));
        new CommandLine(main).setDefaultValueProvider(Variables.of(variables)).parseArgs();
        ClassifierConfig config = main.config();
        assertThat(config.group()).isEqualTo("g2");
        assertThat(transactionalId(config)).isEqualTo("g2-pod-7");
        ClassifierMain flags = new ClassifierMain(Map.of("HOSTNAME", "host-1"));
        new CommandLine(flags).setDefaultValueProvider(Variables.of(variables))
                .parseArgs("--group", "g3", "--instance-id", "i1", "--drain");
        assertThat(transactionalId(flags.config())).isEqualTo("g3-i1");
        assertThat(flags.config().drain()).isTrue();
        ClassifierMain neither = new ClassifierMain(Map.of("HOSTNAME", "Host 1"));
        new CommandLine(neither).setDefaultValueProvider(Variables.of(Map.of())).parseArgs();
        assertThat(transactionalId(neither.config())).as("the default group and the host's name")
                .isEqualTo(ClassifierConfig.DEFAULT_GROUP + "-host-1");
    }

    @Test
    void theHelpShowsTheThreeTopicsItUsesAndThePartitionsOfTheTopicsItCreates() {
        CommandLine cli = new CommandLine(new ClassifierMain(Map.of()));
        for (CommandLine command : new CommandLine[] {cli.getSubcommands().get("run"), cli}) {
            assertThat(command.getUsageMessage()).as(command.getCommandName())
                    .contains("--topic-raw", "--topic-tagged", "--topic-dlq", "--partitions")
                    .doesNotContain("--topic-facts");
        }
    }

    @Test
    void theTopicsAndPartitionsComeFromTheFlagsElseTheEnvironment() {
        Map<String, String> env = Map.of("ROLERADAR_TOPIC_RAW", "env.raw", "ROLERADAR_TOPIC_TAGGED", "env.tagged",
                "ROLERADAR_TOPIC_DLQ", "env.dlq", "ROLERADAR_TOPIC_PARTITIONS", "6", "ROLERADAR_INSTANCE_ID", "t");
        ClassifierMain fromEnv = new ClassifierMain(env);
        new CommandLine(fromEnv).setDefaultValueProvider(Variables.of(env)).parseArgs();
        assertThat(fromEnv.config().topics()).isEqualTo(new io.roleradar.kafka.Topics("env.raw", "env.tagged", "env.dlq"));
        assertThat(fromEnv.config().partitions()).isEqualTo(6);

        ClassifierMain flags = new ClassifierMain(env);
        new CommandLine(flags).setDefaultValueProvider(Variables.of(env)).parseArgs("--topic-raw", "r", "--topic-tagged", "t", "--topic-dlq", "d", "--partitions", "2");
        assertThat(flags.config().topics()).isEqualTo(new io.roleradar.kafka.Topics("r", "t", "d"));
        assertThat(flags.config().partitions()).isEqualTo(2);
    }

    @Test
    void aWrongTopicOrPartitionCountInTheEnvironmentIsAUsageErrorBeforeKafka() {
        for (Map.Entry<String, String> wrong : Map.of("ROLERADAR_TOPIC_RAW", "no spaces", "ROLERADAR_TOPIC_TAGGED", "a/b",
                "ROLERADAR_TOPIC_DLQ", "", "ROLERADAR_TOPIC_PARTITIONS", "0").entrySet()) {
            StringWriter err = new StringWriter();
            assertThat(runWith(Map.ofEntries(wrong), err, "run", "--instance-id", "t",
                    "--bootstrap-server", "127.0.0.1:1")).as(wrong.getKey()).isEqualTo(2);
            assertThat(err.toString()).as(wrong.getKey()).startsWith("Invalid value for option '--");
        }
    }

    @Test
    void aWrongVariableIsAUsageErrorNamingIt(@TempDir Path dir) throws Exception {
        // picocli reads the real environment: only a process of its own has another.
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ClassifierMain.class.getName(), "run", "--instance-id", "t",
                "--bootstrap-server", "127.0.0.1:1");
        child.environment().put("ROLERADAR_TOPIC_DLQ", "a/b");
        Process p = child.redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("log.txt")).strip()).isEqualTo("roleradar classifier run: Invalid value "
                + "for option '--topic-dlq': the topic 'a/b' is not a legal Kafka topic name: use letters, digits, '.', "
                + "'_' and '-' (the value of the environment variable ROLERADAR_TOPIC_DLQ)");
    }

    @Test
    void countsTaggedPostingsByQuadrantAndDomainAndDeadLettersByReason() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ClassifierMetrics metrics = new ClassifierMetrics(registry);
        Classifier classifier = Classifier.withDefaultTaxonomy();
        Tags ranking = classifier.classify(Fixtures.posting("search-ranking"));
        Tags sales = classifier.classify(Fixtures.posting("solutions-engineer"));
        metrics.tagged(ranking);
        metrics.tagged(ranking);
        metrics.tagged(sales);
        metrics.deadLetter("MALFORMED_JSON");
        metrics.lag(42);
        assertThat(registry.get("roleradar.classifier.postings.tagged").tag("quadrant", "MODELING_SPECIALIST").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("roleradar.classifier.postings.tagged").tag("quadrant", "NOT_ML").counter().count()).isEqualTo(1);
        assertThat(registry.get("roleradar.classifier.postings.domain").tag("domain", "RANKING_RECOMMENDATION").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("roleradar.classifier.dead.letters").tag("reason", "MALFORMED_JSON").counter().count()).isEqualTo(1);
        assertThat(registry.get("roleradar.classifier.consumer.lag").gauge().value()).isEqualTo(42);
    }
}
