package io.roleradar.classifier.eval;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SplitTest {

    @Test
    void readsThePartOfEachSourceInEitherSpellingOfItsName() throws Exception {
        Split split = Split.read(LabelsTest.resource("/eval/split.csv"));
        assertThat(split.partOf("ashby:alpha")).isEqualTo(Split.TUNE);
        assertThat(split.partOf("ASHBY:Alpha")).isEqualTo(Split.TUNE);
        assertThat(split.partOf("ashby:beta%20gamma")).isEqualTo(Split.LOCKED);
        assertThat(split.partOf("ashby:beta gamma")).isEqualTo(Split.LOCKED);
        assertThat(split.partOf("ashby:delta")).isEqualTo(Split.NOT_IN_SPLIT);
        assertThat(split.sourcesPerPart()).isEqualTo(Map.of(Split.TUNE, 1L, Split.LOCKED, 1L));
    }

    @Test
    void withoutASplitEverySourceIsInThePartAll() {
        assertThat(Split.none().partOf("ashby:alpha")).isEqualTo(Split.ALL);
        assertThat(Split.none().isNone()).isTrue();
    }

    @Test
    void reportsEveryBadRowWithItsLine() throws Exception {
        assertThatThrownBy(() -> Split.read(LabelsTest.resource("/eval/bad-split.csv")))
                .hasMessageContaining("3 bad row(s)")
                .hasMessageContaining("line 3 (ashby:beta): part is 'holdout': write tune or locked")
                .hasMessageContaining("line 4: source is empty")
                .hasMessageContaining("line 5 (ashby:alpha): listed before as tune");
        assertThatThrownBy(() -> Split.read(new java.io.StringReader("company,part\na,tune\n"), "split"))
                .hasMessageContaining("source,part");
    }

    /** The split checked in: a third of the companies or more locked, none of those the rules were tuned on. */
    @Test
    void theDevSetSplitLocksAThirdOfItsSourcesAndNoneOfTheFirstLabels() throws Exception {
        Path devset = Path.of(System.getProperty("roleradar.project.root", "..")).toAbsolutePath().normalize()
                .resolve("devset");
        Assumptions.assumeTrue(Files.isRegularFile(devset.resolve("split.csv")), "skipped: no devset/split.csv");
        List<String> rows = Files.readAllLines(devset.resolve("split.csv")).subList(1, Files.readAllLines(
                devset.resolve("split.csv")).size());
        long locked = rows.stream().filter(r -> r.endsWith("," + Split.LOCKED)).count();
        assertThat(locked * 3).as("locked sources of " + rows.size()).isGreaterThanOrEqualTo(rows.size());

        Split split = Split.read(devset.resolve("split.csv"));
        Set<String> firstSources = new HashSet<>();
        for (String part : List.of("labels-part1.csv", "labels-part2.csv")) {
            Path file = devset.resolve(part);
            if (Files.isRegularFile(file)) {
                firstSources.addAll(Labels.read(file).stream()
                        .map(l -> l.id().substring(0, l.id().lastIndexOf(':'))).collect(Collectors.toSet()));
            }
        }
        for (String source : firstSources) {
            assertThat(split.partOf(source)).as(source).isEqualTo(Split.TUNE);
        }
    }
}
