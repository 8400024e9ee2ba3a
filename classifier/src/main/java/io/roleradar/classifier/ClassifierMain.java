package io.roleradar.classifier;

import io.roleradar.classifier.cli.TaxonomyChoice;
import io.roleradar.classifier.taxonomy.TaxonomyException;
import io.roleradar.cli.CommandLines;
import io.roleradar.cli.DeadLetterTopicOption;
import io.roleradar.cli.ExitCodes;
import io.roleradar.cli.KafkaOptions;
import io.roleradar.cli.LogLevel;
import io.roleradar.cli.LoggingOptions;
import io.roleradar.cli.PartitionsOption;
import io.roleradar.cli.RawTopicOption;
import io.roleradar.cli.StopSignals;
import io.roleradar.cli.TaggedTopicOption;
import io.roleradar.kafka.ExactlyOnceLoop;
import io.roleradar.kafka.InstanceIds;
import io.roleradar.kafka.KafkaReachability.KafkaUnreachableException;
import io.roleradar.kafka.KafkaSettings;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.kafka.Topics;
import io.roleradar.metrics.MetricsEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code roleradar classifier run}: the Kafka service that tags every posting of
 * {@code postings.raw} into {@code postings.tagged}, exactly once, until SIGTERM or SIGINT (or, with
 * {@code --drain}, until caught up). Several instances in one consumer group share the partitions;
 * each needs its own stable {@code --instance-id}. Re-tagging everything after a taxonomy change is
 * a run under a new {@code --group}, which starts from the beginning of {@code postings.raw}.
 *
 * <p>The bare {@code roleradar classifier} (the spelling before {@code run}) still runs the service,
 * with a deprecation note, for one release.
 */
@Command(name = "classifier", mixinStandardHelpOptions = true, subcommands = ClassifierMain.Run.class,
        description = {"Runs the Kafka service that tags raw postings into the tagged topic.",
                "Use 'classifier run'; the bare 'classifier' still runs it, with a deprecation note."})
public final class ClassifierMain implements Callable<Integer> {
    private static final String NO_KAFKA_WAY = "'roleradar classify --input raw.jsonl' to tag a file without Kafka";

    @Mixin
    ServiceOptions options = new ServiceOptions();

    private final Map<String, String> env;
    private volatile TaggingService service;

    public ClassifierMain() {
        this(System.getenv());
    }

    /**
     * For tests: the environment of the client settings ({@code KAFKA_*}) and of the host name the
     * instance id defaults to, instead of the process's. Every option's own variable is picocli's
     * {@code ${env:...}} default, from the process's environment.
     */
    public ClassifierMain(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static void main(String[] args) {
        LogLevel.applyFrom(args, System.getenv());
        System.exit(LoggingOptions.addTo(CommandLines.create(new ClassifierMain())).execute(args));
    }

    /** The bare form: runs the service as {@code classifier run} does, after a deprecation note. */
    @Override
    public Integer call() {
        System.err.println("roleradar classifier: the bare 'classifier' is deprecated, use 'classifier run'; "
                + "it will be removed in the next release");
        return runService(options, "classifier");
    }

    /** {@code roleradar classifier run}. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Tags raw postings from the raw topic into the tagged topic, exactly once.",
                    "Unreadable records go to the dead-letter topic with their reason; the service goes on.",
                    "Runs until SIGTERM or SIGINT, or with --drain until caught up."},
            footer = {"", "Exit codes: 0 caught up (--drain); 1 failed, or fenced by a newer instance with the same "
                    + "--instance-id; 2 invalid command line, configuration or taxonomy; 3 Kafka unreachable; "
                    + "130 interrupted (SIGINT); 143 terminated (SIGTERM), each after the current transaction is "
                    + "committed or aborted."})
    static final class Run implements Callable<Integer> {
        @Mixin
        ServiceOptions options = new ServiceOptions();

        @ParentCommand
        ClassifierMain parent;

        @Override
        public Integer call() {
            return parent.runService(options, "classifier run");
        }
    }

    /** The options of the service, the same in {@code classifier run} and the deprecated bare form. */
    static final class ServiceOptions {
        @Mixin
        KafkaOptions kafka = new KafkaOptions();

        // It reads the raw topic, writes the tagged and dead-letter topics, and creates them when missing.
        @Mixin
        RawTopicOption rawTopic = new RawTopicOption();

        @Mixin
        TaggedTopicOption taggedTopic = new TaggedTopicOption();

        @Mixin
        DeadLetterTopicOption deadLetterTopic = new DeadLetterTopicOption();

        @Mixin
        PartitionsOption partitions = new PartitionsOption();

        @Option(names = "--group", paramLabel = "NAME",
                defaultValue = "${env:ROLERADAR_CLASSIFIER_GROUP:-" + ClassifierConfig.DEFAULT_GROUP + "}",
                description = "Consumer group. A new group re-reads the raw topic from the beginning (re-tagging). "
                        + "Env: ROLERADAR_CLASSIFIER_GROUP. Default: " + ClassifierConfig.DEFAULT_GROUP)
        String group;

        @Option(names = "--instance-id", paramLabel = "ID", defaultValue = "${env:ROLERADAR_INSTANCE_ID}",
                description = "Stable id of this instance (its transactional id derives from it, so a restart "
                        + "fences the dead predecessor). Env: ROLERADAR_INSTANCE_ID. Default: from the host name")
        String instanceId;

        @Option(names = "--taxonomy", paramLabel = "FILE", defaultValue = "${env:ROLERADAR_TAXONOMY}",
                description = "Taxonomy file instead of the shipped one. Env: ROLERADAR_TAXONOMY")
        Path taxonomy;

        @Option(names = "--drain",
                description = "Exit 0 once caught up with the end offsets of the raw topic seen at start")
        boolean drain;
    }

    /** @param command how the command was spelled, for the messages: {@code classifier run} or the bare form */
    private int runService(ServiceOptions opts, String command) {
        ClassifierConfig config;
        Classifier classifier;
        try {
            config = config(opts);
            classifier = classifier(opts);
        } catch (TaxonomyException | IllegalArgumentException e) {
            System.err.println("roleradar " + command + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (StopSignals signals = StopSignals.install()) {
            try {
                opts.kafka.requireReachable(env);
                TopicAdmin.ensureTopics(config.settings(), config.topics(), config.partitions());
            } catch (KafkaUnreachableException e) {
                System.err.println(e.userMessage(command, NO_KAFKA_WAY));
                return ExitCodes.KAFKA_UNAVAILABLE;
            } catch (IllegalStateException e) {
                System.err.println("roleradar " + command + ": " + e.getMessage() + "; or use " + NO_KAFKA_WAY);
                return ExitCodes.KAFKA_UNAVAILABLE;
            }
            return serve(config, classifier, signals);
        }
    }

    private int serve(ClassifierConfig config, Classifier classifier, StopSignals signals) {
        Logger log = LoggerFactory.getLogger(ClassifierMain.class);
        try (MetricsEndpoint metrics = MetricsEndpoint.start(ClassifierConfig.SERVICE, config.metricsPort())) {
            TaggingService running = new TaggingService(config, classifier, metrics.registry());
            this.service = running;
            signals.whileRunning(() -> stopQuietly(running));
            log.info("classifier {} (taxonomy {}) reading {} into {} as group {}{}", config.instanceId(),
                    classifier.taxonomyVersion(), config.topics().raw(), config.topics().tagged(), config.group(),
                    config.drain() ? ", until caught up" : "");
            running.run();
            int code = switch (running.outcome()) {
                case DRAINED, STOPPED, RUNNING -> ExitCodes.OK;
                case FENCED, FAILED -> ExitCodes.FAILED;
            };
            // A drain that reached the end did its work: a signal after it changes nothing.
            return signals.exitCode(code, running.outcome() == ExactlyOnceLoop.Outcome.DRAINED);
        }
    }

    /** The running service, once a run has started it (for tests that stop it). */
    public TaggingService service() {
        return service;
    }

    /** The settings of the bare form's options (for tests). */
    ClassifierConfig config() {
        return config(options);
    }

    private ClassifierConfig config(ServiceOptions opts) {
        KafkaSettings settings = opts.kafka.settings(env);
        Topics topics = new Topics(opts.rawTopic.name(), opts.taggedTopic.name(), opts.deadLetterTopic.name());
        String id = opts.instanceId == null || opts.instanceId.isBlank() ? InstanceIds.fromHost(env)
                : opts.instanceId.strip();
        return new ClassifierConfig(settings, topics, opts.partitions.count(), opts.group, id, opts.drain,
                opts.kafka.metricsPort());
    }

    private Classifier classifier(ServiceOptions opts) {
        return TaxonomyChoice.classifier(opts.taxonomy, "classifier", System.err);
    }

    private static void stopQuietly(TaggingService running) {
        try {
            running.stop(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
