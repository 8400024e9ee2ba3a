package io.roleradar.reporter;

import io.roleradar.testkit.SchemaValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FixturesTest {

    @ParameterizedTest(name = "every line of {0} is a valid tagged posting")
    @ValueSource(strings = {Fixtures.BASIC, Fixtures.HOSTILE, Fixtures.PROCESS})
    void fixtureLinesAreValidTaggedPostingsPerThePublishedSchema(String file) {
        List<String> lines = Fixtures.lines(file);
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            assertThat(SchemaValidator.taggedPostingErrors(line)).as(line).isEmpty();
        }
    }

    @Test
    void theUnreadableFixtureHasValidLinesAroundInvalidOnes() {
        List<String> lines = Fixtures.lines(Fixtures.UNREADABLE);
        assertThat(SchemaValidator.taggedPostingErrors(lines.get(0))).isEmpty();
        assertThat(SchemaValidator.taggedPostingErrors(lines.get(6))).isEmpty();
        for (int i : new int[]{3, 4, 5}) {
            assertThat(SchemaValidator.taggedPostingErrors(lines.get(i))).as("line " + (i + 1)).isNotEmpty();
        }
    }
}
