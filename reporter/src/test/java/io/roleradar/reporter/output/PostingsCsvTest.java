package io.roleradar.reporter.output;

import io.roleradar.model.Domain;
import io.roleradar.model.Round;
import io.roleradar.reporter.aggregate.FactsStore;
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
    private static final java.time.LocalDate AS_OF = java.time.LocalDate.of(2026, 12, 6);
    @TempDir
    Path out;

    @Test
    void chunkedPostingsCsvIsTheSameAsTheTableWrittenRowByRow() throws Exception {
        // Several chunks and a part-filled last one; ids arrive out of order, so the sort matters too.
        LatestPostings latest = new LatestPostings(FactsStore.temporary(false));
        SyntheticPostings generator = new SyntheticPostings(7, 40);
        for (int i = 3_500; i > 0; i--) {
            latest.accept(latest.factsOf(generator.next(i)));
        }

        MarketReport report = MarketReport.of(latest, Filters.NONE, true);
        Path written = PostingsCsv.write(out, report, AS_OF);

        assertThat(Files.readString(written, StandardCharsets.UTF_8)).isEqualTo(rowByRow(latest, report));
    }

    @Test
    void writesOnlyTheHeaderWhenNoPostingPassesTheFilters() throws Exception {
        Path written = PostingsCsv.write(out,
                MarketReport.of(new LatestPostings(FactsStore.temporary(false)), Filters.NONE, false), AS_OF);

        assertThat(Files.readString(written, StandardCharsets.UTF_8))
                .isEqualTo(String.join(",", PostingsCsv.HEADER) + "\r\n");
    }

    /** The file as {@link CsvTable#row} writes it, each cell made from the facts here. */
    private static String rowByRow(LatestPostings latest, MarketReport report) throws Exception {
        List<PostingFacts> rows = new ArrayList<>();
        latest.forEachFacts(rows::add);
        rows.sort(Comparator.comparing(PostingFacts::id));
        java.util.Map<String, String> roleGroups = new java.util.HashMap<>();
        report.forEachRow((f, roleGroup) -> roleGroups.put(f.id(), roleGroup));
        StringWriter text = new StringWriter();
        try (CsvTable t = new CsvTable(text, PostingsCsv.HEADER)) {
            for (PostingFacts f : rows) {
                List<Object> cells = new ArrayList<>(List.of(f.id(), orEmpty(f.company()), f.title(),
                        orEmpty(f.source()), orEmpty(f.sourceUrl()), orEmpty(f.postedAt()), orEmpty(f.fetchedOn()),
                        f.date() == null ? "unknown" : MarketReport.isoWeek(f.date()), String.valueOf(f.mlRole()),
                        orEmpty(f.quadrant()), orEmpty(f.level()), orEmpty(f.manager()),
                        f.domains().stream().map(Domain::name).collect(Collectors.joining(";")),
                        f.domains().isEmpty() ? "" : f.domains().get(0).name()));
                for (Round r : Round.values()) {
                    cells.add(f.mlRole() ? (Object) (float) f.weight(r) : "");
                }
                cells.add(f.taxonomyVersion());
                cells.add(f.closed() ? "CLOSED" : "OPEN");
                cells.add(orEmpty(f.firstSeenAt()));
                cells.add(orEmpty(f.closedAt()));
                java.time.LocalDate start = f.postedAt() != null ? f.postedAt() : f.firstSeenAt();
                java.time.LocalDate end = f.closed() ? f.closedAt() : AS_OF;
                cells.add(start == null ? "" : Long.toString(Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(start, end))));
                cells.add(f.remote().name());
                cells.add(orEmpty(f.country()));
                cells.add(orEmpty(f.city()));
                cells.add(f.pay() == null ? "" : orEmpty(f.pay().currency()));
                cells.add(f.pay() == null ? "" : orEmpty(f.pay().period()));
                cells.add(f.pay() == null ? "" : orEmpty(PostingsCsv.amount(f.pay().min())));
                cells.add(f.pay() == null ? "" : orEmpty(PostingsCsv.amount(f.pay().max())));
                cells.add(f.pay() == null || !f.pay().countable() ? "" : Long.toString(Math.round(f.pay().annualMid())));
                cells.add(roleGroups.get(f.id()));
                t.row(cells.toArray());
            }
        }
        return text.toString();
    }

    private static Object orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }
}
