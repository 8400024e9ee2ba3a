package io.roleradar.classifier.eval;

import io.roleradar.model.Round;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessLabelsTest {

    @Test
    void readsWhetherAPostingDescribesItsProcessAndTheRoundsItStates() throws Exception {
        List<ProcessLabel> labels = ProcessLabels.read(List.of(LabelsTest.resource("/eval/process-labels.csv")));
        assertThat(labels).hasSize(5);
        assertThat(labels.get(0).describesProcess()).isTrue();
        assertThat(labels.get(0).statedRounds()).containsExactlyInAnyOrder(Round.ML_CODING, Round.ML_CASE_STUDY);
        assertThat(labels.get(1).describesProcess()).isFalse();
        assertThat(labels.get(1).statedRounds()).isEmpty();
    }

    @Test
    void reportsEveryBadRowWithItsLineAndTheFix() {
        assertThatThrownBy(() -> ProcessLabels.read(List.of(LabelsTest.resource("/eval/bad-process-labels.csv"))))
                .hasMessageContaining("3 bad process label(s)")
                .hasMessageContaining("line 2 (a): describesProcess is 'maybe': write true or false")
                .hasMessageContaining("line 3 (b): statedRounds must be empty when describesProcess is false")
                .hasMessageContaining("line 4 (c): statedRounds has 'ML_WHITEBOARD'");
    }
}
