package io.roleradar.app;

import io.roleradar.kafka.KafkaSettings;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.kafka.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Kafka names of the demo, its own on every broker. On a broker of the user's the samples must
 * not land in the topics of real runs (compacted: they would stay there and count in every later
 * report), the report must not read the user's postings, the demo's classifier must not move the
 * offsets of the real classifier's group, and the demo's ingest must not fence a running ingest's
 * transactional id. Each run starts from empty topics, so its report holds its own samples only,
 * whatever an earlier demo (other samples, another taxonomy) left.
 */
final class DemoKafka {
    /** What the names of the demo's topics, group and transactional id begin with. */
    static final String PREFIX = "roleradar-demo";
    static final Topics TOPICS = new Topics(PREFIX + ".raw", PREFIX + ".tagged", PREFIX + ".dlq");
    static final String CLASSIFIER_GROUP = PREFIX + "-classifier";
    static final String INGEST_TRANSACTIONAL_ID = PREFIX + "-ingest";
    private static final long WAIT_SECONDS = 60;

    private DemoKafka() {
    }

    /**
     * Deletes the topics an earlier demo left on the broker, then creates them empty. The demo
     * classifier's group goes on, but not its offsets: Kafka drops a deleted partition's committed
     * offsets from every group, so the next classifier reads the new raw topic from its start. (The
     * group itself cannot be deleted at once: the classifier is a static member, which stays in the
     * group for its session timeout after it stopped.)
     *
     * @throws IllegalStateException when that cannot be done, with the reason and the way out
     */
    static void prepare(KafkaSettings settings) {
        try (Admin admin = Admin.create(TopicAdmin.adminProps(settings, "roleradar-demo-admin"))) {
            deleteTopics(admin);
        } catch (ExecutionException e) {
            throw cannotClear(settings, e.getCause());
        } catch (TimeoutException e) {
            throw cannotClear(settings, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while clearing the demo's topics", e);
        }
        TopicAdmin.ensureTopics(settings, TOPICS, Topics.DEFAULT_PARTITIONS);
    }

    /** Deletes the demo's topics that exist and waits until the broker no longer lists them. */
    private static void deleteTopics(Admin admin) throws ExecutionException, TimeoutException, InterruptedException {
        List<String> ours = List.of(TOPICS.raw(), TOPICS.tagged(), TOPICS.deadLetter());
        List<String> present = ours.stream().filter(names(admin)::contains).toList();
        if (present.isEmpty()) {
            return;
        }
        try {
            admin.deleteTopics(present).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // Deleted in the meantime (another demo's start): what we wanted.
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw e;
            }
        }
        // The controller has dropped them; a broker may list them a moment longer, and creating a topic
        // it still lists would be taken for "already there".
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (present.stream().anyMatch(names(admin)::contains)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the topics " + present + " are still listed " + WAIT_SECONDS
                        + " s after they were deleted");
            }
            Thread.sleep(100);
        }
    }

    private static Set<String> names(Admin admin) {
        try {
            return admin.listTopics().names().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing the topics", e);
        }
    }

    private static IllegalStateException cannotClear(KafkaSettings settings, Throwable cause) {
        return new IllegalStateException("cannot delete the demo's topics of an earlier run (" + TOPICS.raw() + ", "
                + TOPICS.tagged() + ", " + TOPICS.deadLetter() + ") on " + settings.bootstrapServers() + ": "
                + cause.getMessage() + "; delete them, or give the demo a broker of its own with --bootstrap-server ''",
                cause);
    }
}
