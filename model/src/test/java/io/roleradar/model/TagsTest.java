package io.roleradar.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagsTest {

    @Test
    void derivesTheQuadrantFromTheTwoAxes() {
        Tags tags = new Tags(true, 0.9, Responsibility.INFRA, Specialization.GENERALIST, null, List.of(),
                Level.MID, false, List.of(), null, null, "v");

        assertThat(tags.quadrant()).isEqualTo(Quadrant.INFRA_GENERALIST);
    }

    @Test
    void refusesAQuadrantThatContradictsTheAxes() {
        assertThatThrownBy(() -> new Tags(true, 0.9, Responsibility.INFRA, Specialization.GENERALIST,
                Quadrant.MODELING_SPECIALIST, List.of(), Level.MID, false, List.of(), null, null, "v"))
                .hasMessageContaining("does not match");
    }

    @Test
    void refusesMlOnlyTagsOnANonMlRole() {
        assertThatThrownBy(() -> new Tags(false, 0.2, Responsibility.INFRA, null, null, List.of(),
                null, null, List.of(), null, null, "v"))
                .hasMessageContaining("non-ML");
    }

    @Test
    void nonMlTagsHaveNullAxesAndNoRounds() {
        Tags tags = Tags.notMl(0.1, Level.UNKNOWN, false, null, null, "v");

        assertThat(tags.responsibility()).isNull();
        assertThat(tags.rounds()).isEmpty();
        assertThat(tags.evidence()).isEqualTo(TagEvidence.NONE);
    }

    @Test
    void refusesAWeightOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new RoundTag(Round.ML_CODING, 1.5, List.of(), List.of()))
                .hasMessageContaining("[0, 1]");
    }
}
