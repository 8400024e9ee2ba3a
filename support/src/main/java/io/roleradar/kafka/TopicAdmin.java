package io.roleradar.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the pipeline's topics when they are missing, with the settings the design relies on:
 * {@code postings.raw} and {@code postings.tagged} are compacted (the latest value per posting id is
 * the state), the dead-letter topic keeps everything for its retention time.
 */
public final class TopicAdmin {
    /** Compacted (the latest value per key is the state), each record kept an hour at least. */
    private static final Map<String, String> COMPACTED = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "3600000");
    /** One copy of each partition (see SCALING.md for a cluster). */
    private static final short REPLICATION = 1;

    private TopicAdmin() {
    }

    /**
     * Creates whichever of the three topics do not exist yet; existing ones are left as they are.
     * What the classifier, which reads the raw topic and writes the other two, creates.
     *
     * @param partitions number of partitions of a new raw or tagged topic; the classifier's parallelism
     */
    public static void ensureTopics(KafkaSettings settings, Topics topics, int partitions) {
        Map<String, String> deadLetter = Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(TimeUnit.DAYS.toMillis(30)));
        create(settings, List.of(
                new NewTopic(topics.raw(), partitions, REPLICATION).configs(COMPACTED),
                new NewTopic(topics.tagged(), partitions, REPLICATION).configs(COMPACTED),
                new NewTopic(topics.deadLetter(), 1, REPLICATION).configs(deadLetter)));
    }

    /**
     * Creates the raw topic when it does not exist yet, compacted as {@link #ensureTopics} creates it:
     * what ingest, which writes only that topic, creates.
     *
     * @param partitions number of partitions of a new raw topic
     */
    public static void ensureRawTopic(KafkaSettings settings, String raw, int partitions) {
        create(settings, List.of(new NewTopic(Topics.checkName(raw, "raw topic"), partitions, REPLICATION)
                .configs(COMPACTED)));
    }

    /** Creates whichever of {@code wanted} do not exist yet and waits for their leaders. */
    private static void create(KafkaSettings settings, List<NewTopic> wanted) {
        withAdmin(settings, admin -> {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return null;
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // Another instance created it between our list and create: that is fine.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + entry.getKey()
                                + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());
            return null;
        });
    }

    /**
     * Creates the reporter's facts topic ({@link Topics#DEFAULT_FACTS}) when missing: compacted as the
     * tagged topic, with the tagged topic's partition count, since each facts record goes to the
     * partition number of the tagged record it was made from (so one posting's records keep their
     * order). An existing facts topic with another count is refused: the mapping would not hold.
     *
     * @return the facts topic's partition count
     * @throws IllegalArgumentException when the tagged topic does not exist or the counts differ
     */
    public static int ensureFactsTopic(KafkaSettings settings, String taggedTopic, String factsTopic) {
        return withAdmin(settings, admin -> {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            if (!existing.contains(taggedTopic)) {
                throw new IllegalArgumentException("topic " + taggedTopic + " does not exist on "
                        + settings.bootstrapServers() + ": run the classifier first, or name it with --topic-tagged");
            }
            int partitions = partitionCount(admin, taggedTopic);
            if (existing.contains(factsTopic)) {
                int facts = partitionCount(admin, factsTopic);
                if (facts != partitions) {
                    throw new IllegalArgumentException("the facts topic " + factsTopic + " has " + facts
                            + " partitions and " + taggedTopic + " has " + partitions + ": they must match (delete "
                            + factsTopic + " and the report writer's --state-dir, or name another --topic-facts)");
                }
                return partitions;
            }
            NewTopic wanted = new NewTopic(factsTopic, partitions, REPLICATION).configs(COMPACTED);
            try {
                admin.createTopics(List.of(wanted)).all().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // Another instance created it between our list and create: check it as an existing one.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("could not create topic " + factsTopic + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
                return ensureFactsTopic(settings, taggedTopic, factsTopic);
            }
            awaitLeaders(admin, List.of(factsTopic));
            return partitions;
        });
    }

    /** What the admin calls of a topic creation may throw besides the unchecked. */
    @FunctionalInterface
    private interface AdminWork<T> {
        T run(Admin admin) throws ExecutionException, TimeoutException, InterruptedException;
    }

    /** Runs {@code work} with a new admin client; a broker that does not answer is an IllegalStateException. */
    private static <T> T withAdmin(KafkaSettings settings, AdminWork<T> work) {
        try (Admin admin = Admin.create(adminProps(settings))) {
            return work.run(admin);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not reach Kafka at " + settings.bootstrapServers()
                    + " to create topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    private static int partitionCount(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(60, TimeUnit.SECONDS).get(topic)
                .partitions().size();
    }

    /**
     * Waits until every partition of the new topics has a leader: a producer that writes to a
     * partition without one gets NOT_LEADER_OR_FOLLOWER and, when idempotent, can end up retrying
     * out-of-order sequences until its delivery timeout.
     */
    private static void awaitLeaders(Admin admin, List<String> names) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                Map<String, org.apache.kafka.clients.admin.TopicDescription> described =
                        admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
                boolean ready = described.values().stream().flatMap(d -> d.partitions().stream())
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (ready && described.size() == names.size()) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                // Metadata not propagated yet: ask again.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("topics " + names + " have partitions without a leader after 30 s");
    }

    /**
     * The topic's id: unlike its name, it changes when the topic is deleted and created again, so
     * state saved for one topic is never taken for another of the same name.
     */
    public static String topicId(KafkaSettings settings, String topic) {
        try (Admin admin = Admin.create(adminProps(settings))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).topicId().toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topic, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot describe " + topic + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static Map<String, Object> adminProps(KafkaSettings settings) {
        return adminProps(settings, "roleradar-admin");
    }

    /** Admin client properties that fail within a minute rather than hang when the broker is not there. */
    public static Map<String, Object> adminProps(KafkaSettings settings, String clientId) {
        Map<String, Object> props = settings.toMap();
        props.putIfAbsent("client.id", clientId);
        // Fail within a minute rather than hang when the broker is not there.
        props.putIfAbsent("default.api.timeout.ms", 60_000);
        props.putIfAbsent("request.timeout.ms", 30_000);
        return props;
    }
}
