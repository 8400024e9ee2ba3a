package io.roleradar.classifier;

import io.roleradar.kafka.InstanceIds;
import io.roleradar.kafka.KafkaSettings;
import io.roleradar.kafka.Topics;

import java.util.Objects;

/**
 * The settings of one classifier service instance, checked in the constructor with messages that
 * name the fix.
 *
 * @param group      the consumer group; a new group re-reads {@code postings.raw} from the beginning
 * @param instanceId stable per instance, so its transactional id survives a restart and fences the
 *                   dead predecessor at once
 * @param drain      stop (exit 0) once caught up with the end offsets seen at start
 */
public record ClassifierConfig(KafkaSettings settings, Topics topics, int partitions, String group, String instanceId,
                               boolean drain, int metricsPort) {
    public static final String DEFAULT_GROUP = "roleradar-classifier";
    public static final String SERVICE = "classifier";

    public ClassifierConfig {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(topics, "topics");
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("the consumer group must not be blank: pass --group NAME or set ROLERADAR_CLASSIFIER_GROUP");
        }
        InstanceIds.requireValid(instanceId);
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
        }
    }
}
