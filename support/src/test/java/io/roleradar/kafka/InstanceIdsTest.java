package io.roleradar.kafka;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstanceIdsTest {

    @Test
    void derivesAStableInstanceIdFromTheHostName() {
        assertThat(InstanceIds.fromHost(Map.of("HOSTNAME", "Classifier_Pod.7"))).isEqualTo("classifier_pod.7");
        assertThat(InstanceIds.fromHost(Map.of("HOSTNAME", "a b"))).isEqualTo("a-b");
    }

    @Test
    void refusesAnIdThatCannotNameAClient() {
        assertThat(InstanceIds.requireValid("pod-7")).isEqualTo("pod-7");
        assertThatThrownBy(() -> InstanceIds.requireValid("a b")).hasMessageContaining("--instance-id");
        assertThatThrownBy(() -> InstanceIds.requireValid(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
