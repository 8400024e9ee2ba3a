package io.roleradar.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** A consumer group's committed offsets, as the crash and scale-out tests poll them. */
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
}
