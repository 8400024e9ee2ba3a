package io.roleradar.reporter.follow;

import io.roleradar.kafka.InstanceIds;
import io.roleradar.kafka.KafkaSettings;

import java.util.Objects;

/**
 * One projector instance of {@code reporter follow}: the tagged topic it reads in consumer group
 * {@code group}, the facts topic it writes, and its instance id, which names its static group
 * membership and, with the group, its transactional id.
 *
 * @param drain stop once the partitions it owns are read up to the end offsets seen at its start
 *              ({@code --once}); else run until stopped
 */
public record ProjectorConfig(KafkaSettings settings, String taggedTopic, String factsTopic, String group,
                              String instanceId, boolean drain) {
    public ProjectorConfig {
        Objects.requireNonNull(settings, "settings");
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("the consumer group must not be blank: pass --group NAME or set "
                    + "ROLERADAR_REPORT_FOLLOW_GROUP");
        }
        InstanceIds.requireValid(instanceId);
    }
}
