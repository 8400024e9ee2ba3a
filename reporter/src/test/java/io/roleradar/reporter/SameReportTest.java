package io.roleradar.reporter;

import io.roleradar.reporter.aggregate.FactsStore;
import io.roleradar.reporter.aggregate.Filters;
import io.roleradar.reporter.aggregate.LatestPostings;
import io.roleradar.reporter.aggregate.MarketReport;
import io.roleradar.reporter.input.JsonLinesReader;
import io.roleradar.reporter.input.Progress;
import io.roleradar.reporter.input.Source;
import io.roleradar.reporter.output.CsvReports;
import io.roleradar.reporter.output.HtmlReport;
import io.roleradar.reporter.output.Manifest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: the reports made from the facts kept on disk (RocksDB) equal, byte for byte, those the
 * reporter made when it kept every posting's facts on its heap. The files under
 * {@code src/test/resources/golden} were written by the in-memory reporter
 * (cea7398, before the facts store) with {@code -Dgolden.write=true}, for every fixture, open postings and all postings, and
 * two filters; each case writes the thirteen CSVs, postings.csv, report.html and manifest.json with a
 * fixed day, subtitle and start so nothing but the figures can differ.
 */
class SameReportTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 7);
    private static final Instant STARTED = Instant.parse("2026-12-07T12:00:00Z");

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String fixture : List.of(Fixtures.BASIC, Fixtures.HOSTILE, Fixtures.PROCESS, Fixtures.NEAR_DUPLICATES,
                Fixtures.SNAPSHOT_1, Fixtures.SNAPSHOT_2, Fixtures.UNREADABLE)) {
            String name = fixture.replace(".jsonl", "");
            cases.add(Arguments.of(name + "-open", fixture, Filters.NONE, false));
            cases.add(Arguments.of(name + "-all", fixture, Filters.NONE, true));
        }
        cases.add(Arguments.of("tagged-basic-since", Fixtures.BASIC,
                new Filters(LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 12), null, null), false));
        cases.add(Arguments.of("tagged-basic-greenhouse", Fixtures.BASIC, new Filters(null, null, null, "greenhouse"),
                true));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theReportFromDiskEqualsTheInMemoryOne(String name, String fixture, Filters filters, boolean includeClosed,
                                               @TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        write(fixture, filters, includeClosed, dir);
        Path golden = Path.of("src/test/resources/golden").resolve(name);
        if (Boolean.getBoolean("golden.write")) {
            Files.createDirectories(golden);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.copy(f, golden.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        List<String> expected;
        try (Stream<Path> files = Files.list(golden)) {
            expected = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<String> actual;
        try (Stream<Path> files = Files.list(dir)) {
            actual = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(actual).isEqualTo(expected);
        for (String file : expected) {
            assertThat(Files.readString(dir.resolve(file))).as(name + "/" + file)
                    .isEqualTo(Files.readString(golden.resolve(file)));
        }
    }

    private static void write(String fixture, Filters filters, boolean includeClosed, Path dir) throws IOException {
        LatestPostings latest = new LatestPostings(FactsStore.temporary(false));
        Source.JsonLinesFile read = JsonLinesReader.read(Fixtures.path(fixture).toString(), latest, Progress.NONE,
                () -> false);
        MarketReport report = MarketReport.of(latest, filters, includeClosed);
        List<Path> files = new ArrayList<>(new CsvReports(report).writeAll(dir, AS_OF));
        files.add(new HtmlReport(report, "golden " + fixture).write(dir));
        List<String> names = new ArrayList<>(files.stream().map(p -> p.getFileName().toString()).toList());
        names.add(Manifest.FILE);
        Manifest.write(dir, STARTED, Duration.ofMillis(1234), new Source.JsonLinesFile(fixture, read.lines(), null),
                filters, latest, report, names);
    }
}
