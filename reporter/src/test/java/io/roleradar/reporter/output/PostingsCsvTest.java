package io.roleradar.reporter.output;

import io.roleradar.model.Domain;
import io.roleradar.model.Round;
import io.roleradar.reporter.aggregate.Filters;
import io.roleradar.reporter.aggregate.LatestPostings;
import io.roleradar.reporter.aggregate.MarketReport;
import io.roleradar.reporter.aggregate.PostingFacts;
import io.roleradar.reporter.bench.SyntheticPostings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** postings.csv formatted in chunks on several threads is the table written row by row on one. */
class PostingsCsvTest {
    @TempDir
    Path out;

    @Test
    void chunkedPostingsCsvIsTheSameAsTheTableWrittenRowByRow() throws Exception {
        // Several chunks and a part-filled last one; ids arrive out of order, so the sort matters too.
        LatestPostings latest = new LatestPostings();
        SyntheticPostings generator = new SyntheticPostings(7, 40);
        for (int i = 3_500; i > 0; i--) {
            latest.accept(latest.factsOf(generator.next(i)));
        }

        Path written = PostingsCsv.write(out, latest, Filters.NONE);

        assertThat(Files.readString(written, StandardCharsets.UTF_8)).isEqualTo(rowByRow(latest));
    }

    @Test
    void writesOnlyTheHeaderWhenNoPostingPassesTheFilters() throws Exception {
        Path written = PostingsCsv.write(out, new LatestPostings(), Filters.NONE);

        assertThat(Files.readString(written, StandardCharsets.UTF_8))
                .isEqualTo(String.join(",", PostingsCsv.HEADER) + "\r\n");
    }

    /** The file as {@link CsvTable#row} writes it, each cell made from the facts here. */
    private static String rowByRow(LatestPostings latest) throws Exception {
        List<PostingFacts> rows = new ArrayList<>();
        latest.forEachFacts(rows::add);
        rows.sort(Comparator.comparing(PostingFacts::id));
        StringWriter text = new StringWriter();
        try (CsvTable t = new CsvTable(text, PostingsCsv.HEADER)) {
            for (PostingFacts f : rows) {
                List<Object> cells = new ArrayList<>(List.of(f.id(), orEmpty(f.company()), f.title(),
                        orEmpty(f.source()), orEmpty(f.sourceUrl()), orEmpty(f.postedAt()), orEmpty(f.fetchedOn()),
                        f.date() == null ? "" : MarketReport.isoWeek(f.date()), String.valueOf(f.mlRole()),
                        orEmpty(f.quadrant()), orEmpty(f.level()), orEmpty(f.manager()),
                        f.domains().stream().map(Domain::name).collect(Collectors.joining(";")),
                        f.domains().isEmpty() ? "" : f.domains().get(0).name()));
                for (Round r : Round.values()) {
                    cells.add(f.mlRole() ? (Object) (float) f.weight(r) : "");
                }
                cells.add(f.taxonomyVersion());
                t.row(cells.toArray());
            }
        }
        return text.toString();
    }

    private static Object orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }
}
