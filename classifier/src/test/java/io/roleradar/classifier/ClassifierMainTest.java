package io.roleradar.classifier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.roleradar.model.Tags;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifierMainTest {

    private static int run(Map<String, String> env, StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new ClassifierMain(env));
        cli.setErr(new PrintWriter(err));
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
        assertThat(run(Map.of("ROLERADAR_TAXONOMY", broken), new StringWriter())).isEqualTo(2);
    }

    @Test
    void aWrongKafkaTimeoutFromTheFlagOrTheEnvironmentIsAUsageError() {
        assertThat(run(Map.of("ROLERADAR_KAFKA_TIMEOUT", "zz"), new StringWriter(), "run", "--instance-id", "t"))
                .isEqualTo(2);
        assertThat(run(Map.of(), new StringWriter(), "run", "--kafka-timeout", "zz", "--instance-id", "t")).isEqualTo(2);
    }

    @Test
    void exitsWithKafkaUnavailableWhenNoBrokerAnswers() {
        int exit = run(Map.of(), new StringWriter(), "--bootstrap-servers", "127.0.0.1:1",
                "-X", "default.api.timeout.ms=1500", "-X", "request.timeout.ms=1000", "--instance-id", "t");
        assertThat(exit).isEqualTo(3);
    }

    @Test
    void readsGroupAndInstanceIdFromTheEnvironmentWhenNoFlagIsGiven() {
        ClassifierMain main = new ClassifierMain(Map.of("ROLERADAR_CLASSIFIER_GROUP", "g2", "ROLERADAR_INSTANCE_ID", "pod-7"));
        new CommandLine(main).parseArgs();
        ClassifierConfig config = main.config();
        assertThat(config.group()).isEqualTo("g2");
        assertThat(config.transactionalId()).isEqualTo("g2-pod-7");
        ClassifierMain flags = new ClassifierMain(Map.of("ROLERADAR_CLASSIFIER_GROUP", "g2"));
        new CommandLine(flags).parseArgs("--group", "g3", "--instance-id", "i1", "--drain");
        assertThat(flags.config().transactionalId()).isEqualTo("g3-i1");
        assertThat(flags.config().drain()).isTrue();
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
