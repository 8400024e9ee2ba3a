package io.roleradar.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A consumer group's committed offsets and members, as the crash and scale-out tests poll them. */
public final class GroupOffsets {
    private GroupOffsets() {
    }

    /**
     * The group's committed offsets by partition. With {@code requireStable}, an offset still pending
     * in an open transaction makes the broker refuse the answer, and this returns an empty map: poll
     * again. An empty map also means the broker did not answer within 10 s or knows no such group.
     */
    public static Map<Integer, Long> committed(Admin admin, String group, boolean requireStable) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group,
                    new ListConsumerGroupOffsetsOptions().requireStable(requireStable)).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            Map<Integer, Long> byPartition = new TreeMap<>();
            offsets.forEach((tp, o) -> {
                if (o != null) {
                    byPartition.put(tp.partition(), o.offset());
                }
            });
            return byPartition;
        } catch (Exception e) {
            return Map.of(); // not stable yet, or not known yet
        }
    }

    /**
     * Which partitions of {@code topic} each member of the group owns, by instance id (its static
     * member id, else its consumer id); an empty map while the broker does not know the group yet.
     */
    public static Map<String, Set<Integer>> owners(Admin admin, String group, String topic) {
        try {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(10, TimeUnit.SECONDS);
            Map<String, Set<Integer>> owners = new TreeMap<>();
            for (MemberDescription m : d.members()) {
                owners.put(m.groupInstanceId().orElse(m.consumerId()), m.assignment().topicPartitions().stream()
                        .filter(tp -> tp.topic().equals(topic)).map(TopicPartition::partition)
                        .collect(Collectors.toCollection(TreeSet::new)));
            }
            return owners;
        } catch (Exception e) {
            return Map.of(); // the group is not known yet
        }
    }
}
