package io.roleradar.reporter;

import io.roleradar.kafka.KafkaSettings;
import io.roleradar.reporter.aggregate.Filters;
import io.roleradar.reporter.aggregate.LatestPostings;
import io.roleradar.reporter.aggregate.MarketReport;
import io.roleradar.reporter.input.JsonLinesReader;
import io.roleradar.reporter.input.Progress;
import io.roleradar.reporter.input.Source;
import io.roleradar.reporter.input.TopicSnapshotReader;
import io.roleradar.reporter.output.CsvReports;
import io.roleradar.reporter.output.HtmlReport;
import io.roleradar.reporter.output.Manifest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One report run: read the latest postings (from a topic snapshot or a file), fold them into the
 * market figures, and write the CSVs, {@code report.html} and {@code manifest.json} into a folder.
 * The command line and the tests both go through here.
 */
public final class ReportRun {
    private ReportRun() {
    }

    /** What a run produced, for the summary the command prints. */
    public record Result(Path dir, List<Path> files, Source source, LatestPostings latest, MarketReport report,
                         Duration took) {
    }

    /** Reports on a JSON Lines file of tagged postings ({@code -} for stdin). */
    public static Result fromFile(String input, Filters filters, Path out, Progress progress) throws IOException {
        Instant started = Instant.now();
        LatestPostings latest = new LatestPostings();
        Source source = JsonLinesReader.read(input, latest, progress);
        return write(started, source, latest, filters, out);
    }

    /**
     * Reports on a snapshot of a topic.
     *
     * @param onOpen given the reader before it reads, so a signal handler can stop it
     */
    public static Result fromTopic(KafkaSettings settings, String topic, Filters filters, Path out, Progress progress,
                                   Consumer<TopicSnapshotReader> onOpen) throws IOException {
        Instant started = Instant.now();
        LatestPostings latest = new LatestPostings();
        Source source;
        try (TopicSnapshotReader reader = new TopicSnapshotReader(settings)) {
            onOpen.accept(reader);
            source = reader.read(topic, latest, progress);
        }
        return write(started, source, latest, filters, out);
    }

    private static Result write(Instant started, Source source, LatestPostings latest, Filters filters, Path out)
            throws IOException {
        MarketReport report = MarketReport.of(latest, filters);
        List<Path> files = new ArrayList<>(new CsvReports(report).writeAll(out, latest, filters));
        files.add(new HtmlReport(report, subtitle(started, source, filters)).write(out));
        List<String> names = new ArrayList<>(files.stream().map(p -> p.getFileName().toString()).toList());
        names.add(Manifest.FILE);
        Duration took = Duration.between(started, Instant.now());
        files.add(Manifest.write(out, started, took, source, filters, latest, report, names));
        return new Result(out, files, source, latest, report, took);
    }

    static String subtitle(Instant started, Source source, Filters filters) {
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(started);
        String from = source instanceof Source.TopicSnapshot t ? "topic " + t.topic() + " (read_committed snapshot)"
                : "file " + ((Source.JsonLinesFile) source).path();
        StringBuilder s = new StringBuilder("Generated " + when + " from " + from);
        if (!filters.isEmpty()) {
            s.append("; filters:");
            if (filters.since() != null) {
                s.append(" since ").append(filters.since());
            }
            if (filters.until() != null) {
                s.append(" until ").append(filters.until());
            }
            if (filters.company() != null) {
                s.append(" company ").append(filters.company());
            }
            if (filters.source() != null) {
                s.append(" source ").append(filters.source());
            }
        }
        return s.toString();
    }
}
