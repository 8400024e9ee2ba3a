package io.roleradar.classifier.eval;

import io.roleradar.model.Domain;
import io.roleradar.model.Level;
import io.roleradar.model.Responsibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelsTest {

    static Path resource(String name) throws Exception {
        return Path.of(LabelsTest.class.getResource(name).toURI());
    }

    @Test
    void readsQuotedTitlesDomainListsAndEmptyMlOnlyColumns() throws Exception {
        List<Label> labels = Labels.read(resource("/labels/small.csv"));
        assertThat(labels).hasSize(5);
        Label infra = labels.get(1);
        assertThat(infra.title()).isEqualTo("Senior Software Engineer, Inference Platform");
        assertThat(infra.responsibility()).isEqualTo(Responsibility.INFRA);
        assertThat(infra.domains()).containsExactlyInAnyOrder(Domain.NLP_LLM, Domain.COMPUTER_VISION);
        assertThat(infra.level()).isEqualTo(Level.SENIOR);
        Label sales = labels.get(2);
        assertThat(sales.mlRole()).isFalse();
        assertThat(sales.responsibility()).isNull();
        assertThat(sales.domains()).isEmpty();
    }

    @Test
    void readsLevelAndManagerOfANonMlRoleWhereTheLabelGivesThemAndNullWhereItDoesNot() throws Exception {
        List<Label> labels = Labels.read(resource("/eval/labels.csv"));
        Label solutions = labels.stream().filter(l -> l.id().equals("fixture:solutions-engineer")).findFirst().orElseThrow();
        assertThat(solutions.mlRole()).isFalse();
        assertThat(solutions.level()).isEqualTo(Level.UNKNOWN);
        assertThat(solutions.manager()).isFalse();
        Label old = labels.stream().filter(l -> l.id().equals("fixture:bi-analyst")).findFirst().orElseThrow();
        assertThat(old.level()).isNull();
        assertThat(old.manager()).isNull();
    }

    @Test
    void reportsEveryBadRowWithItsLineAndTheFix() throws Exception {
        assertThatThrownBy(() -> Labels.read(resource("/labels/bad.csv")))
                .hasMessageContaining("3 bad label(s)")
                .hasMessageContaining("line 2 (a): mlRole is 'maybe': write true or false")
                .hasMessageContaining("line 3 (b): responsibility must be empty when mlRole is false")
                .hasMessageContaining("line 4 (c): domains is 'SPORTS': write one of");
    }

    @Test
    void aLaterFileCorrectsAnEarlierLabelOfTheSameId(@TempDir Path dir) throws Exception {
        Path correction = Files.writeString(dir.resolve("fix.csv"), String.join(",", Labels.HEADER) + "\n"
                + "fixture:bi-analyst,Example Co,Business Intelligence Analyst,false,,,,,,corrected\n");
        List<Label> labels = Labels.read(List.of(resource("/labels/small.csv"), correction));
        assertThat(labels).hasSize(5).filteredOn(l -> l.id().equals("fixture:bi-analyst"))
                .singleElement().satisfies(l -> assertThat(l.mlRole()).isFalse());
    }

    @Test
    void refusesAFileWithoutTheHeaderRow(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.csv"), "a,b,c\n1,2,3\n");
        assertThatThrownBy(() -> Labels.read(file)).hasMessageContaining("the first row must be id,company,title");
    }
}
