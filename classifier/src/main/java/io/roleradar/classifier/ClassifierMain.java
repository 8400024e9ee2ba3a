package io.roleradar.classifier;

import io.roleradar.classifier.taxonomy.TaxonomyException;
import io.roleradar.classifier.taxonomy.TaxonomyLoader;
import io.roleradar.cli.ExitCodes;
import io.roleradar.cli.KafkaOptions;
import io.roleradar.kafka.KafkaSettings;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.kafka.Topics;
import io.roleradar.metrics.MetricsEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code roleradar classifier}: the Kafka service that tags every posting of {@code postings.raw}
 * into {@code postings.tagged}, exactly once, until SIGTERM (or, with {@code --drain}, until caught
 * up). Several instances in one consumer group share the partitions; each needs its own stable
 * {@code --instance-id}. Re-tagging everything after a taxonomy change is a run under a new
 * {@code --group}, which starts from the beginning of {@code postings.raw}.
 */
@Command(name = "classifier", mixinStandardHelpOptions = true,
        description = {"Tags raw postings (TAXONOMY.md) from the raw topic into the tagged topic, exactly once.",
                "Unreadable records go to the dead-letter topic with their reason; the service goes on.",
                "Exit codes: 0 done, 1 failed, 2 usage, 3 Kafka unreachable, 130 interrupted."})
public final class ClassifierMain implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ClassifierMain.class);

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Option(names = "--group", paramLabel = "NAME",
            description = "Consumer group. A new group re-reads the raw topic from the beginning (re-tagging). "
                    + "Env: ROLERADAR_CLASSIFIER_GROUP. Default: " + ClassifierConfig.DEFAULT_GROUP)
    String group;

    @Option(names = "--instance-id", paramLabel = "ID",
            description = "Stable id of this instance (its transactional id derives from it, so a restart fences "
                    + "the dead predecessor). Env: ROLERADAR_INSTANCE_ID. Default: derived from the host name")
    String instanceId;

    @Option(names = "--taxonomy", paramLabel = "FILE",
            description = "Taxonomy file instead of the shipped one. Env: ROLERADAR_TAXONOMY")
    Path taxonomy;

    @Option(names = "--drain",
            description = "Exit 0 once caught up with the end offsets of the raw topic seen at start")
    boolean drain;

    private final Map<String, String> env;
    private volatile TaggingService service;

    public ClassifierMain() {
        this(System.getenv());
    }

    /** For tests and the launcher: the environment to read instead of the process's. */
    public ClassifierMain(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static void main(String[] args) {
        System.exit(io.roleradar.cli.CommandLines.create(new ClassifierMain()).execute(args));
    }

    @Override
    public Integer call() {
        ClassifierConfig config;
        Classifier classifier;
        try {
            config = config();
            classifier = classifier();
        } catch (TaxonomyException | IllegalArgumentException e) {
            System.err.println("roleradar classifier: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            TopicAdmin.ensureTopics(config.settings(), config.topics(), config.partitions());
        } catch (IllegalStateException e) {
            System.err.println("roleradar classifier: " + e.getMessage());
            return ExitCodes.KAFKA_UNAVAILABLE;
        }
        try (MetricsEndpoint metrics = MetricsEndpoint.start(ClassifierConfig.SERVICE, config.metricsPort())) {
            TaggingService running = new TaggingService(config, classifier, metrics.registry());
            this.service = running;
            Thread hook = new Thread(() -> stopQuietly(running), "classifier-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            LOG.info("classifier {} (taxonomy {}) reading {} into {} as group {}{}", config.instanceId(),
                    classifier.taxonomyVersion(), config.topics().raw(), config.topics().tagged(), config.group(),
                    config.drain() ? ", until caught up" : "");
            running.run();
            removeHook(hook);
            return switch (running.outcome()) {
                case DRAINED, STOPPED, RUNNING -> ExitCodes.OK;
                case FENCED, FAILED -> ExitCodes.FAILED;
            };
        }
    }

    /** The running service, once {@link #call()} has started it (for tests that stop it). */
    public TaggingService service() {
        return service;
    }

    ClassifierConfig config() {
        KafkaSettings settings = kafka.settings(env);
        Topics topics = kafka.topics(env);
        String g = group != null ? group : env.getOrDefault("ROLERADAR_CLASSIFIER_GROUP", ClassifierConfig.DEFAULT_GROUP);
        String id = instanceId != null ? instanceId : ClassifierConfig.defaultInstanceId(env);
        return new ClassifierConfig(settings, topics, kafka.partitions(env), g, id, drain, kafka.metricsPort(env));
    }

    private Classifier classifier() {
        Path file = taxonomy;
        if (file == null && env.get("ROLERADAR_TAXONOMY") != null && !env.get("ROLERADAR_TAXONOMY").isBlank()) {
            file = Path.of(env.get("ROLERADAR_TAXONOMY"));
        }
        return file == null ? Classifier.withDefaultTaxonomy() : new Classifier(TaxonomyLoader.load(file));
    }

    private static void stopQuietly(TaggingService running) {
        try {
            running.stop(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running, nothing to remove.
        }
    }
}
