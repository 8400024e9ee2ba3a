package io.roleradar.reporter;

import io.roleradar.kafka.KafkaSettings;
import io.roleradar.reporter.aggregate.Filters;
import io.roleradar.reporter.aggregate.LatestPostings;
import io.roleradar.reporter.aggregate.MarketReport;
import io.roleradar.reporter.aggregate.StateDir;
import io.roleradar.reporter.input.WrongInput;
import io.roleradar.reporter.input.JsonLinesReader;
import io.roleradar.reporter.input.Progress;
import io.roleradar.reporter.input.Source;
import io.roleradar.reporter.input.TopicSnapshotReader;
import io.roleradar.reporter.output.CsvReports;
import io.roleradar.reporter.output.HtmlReport;
import io.roleradar.reporter.output.Manifest;
import io.roleradar.reporter.output.ReportFolder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One report run: read the latest postings (from a topic snapshot or a file), check there is
 * something to report on, fold them into the market figures, write the CSVs, {@code report.html}
 * and {@code manifest.json} into a temporary folder, and move them into place only when all are
 * written ({@link ReportFolder}). A run that fails or is stopped leaves the earlier reports as they
 * were. The command line and the tests both go through here.
 */
public final class ReportRun {
    private ReportRun() {
    }

    /** What a report covers: the filters, and whether closed postings count too; and where its facts are kept. */
    public record Options(Filters filters, boolean includeClosed, StateDir state) {
        public Options {
            state = state == null ? StateDir.TEMPORARY : state;
        }
    }

    /** What a run produced, for the summary the command prints (the store is closed by then: counts only). */
    public record Result(Path dir, List<Path> files, Source source, LatestPostings latest, MarketReport report,
                         Duration took) {
    }

    /** The input cannot make a report (nothing in it, nothing readable); nothing was written. */
    public static class NothingToReport extends RuntimeException {
        public NothingToReport(String message) {
            super(message);
        }
    }

    /**
     * The input is of another kind (raw postings, a board response, a folder, a compressed or
     * binary file): the fix is on the command line, so it exits as a usage error, as every command
     * does for the wrong kind of input.
     */
    public static final class WrongKindOfInput extends NothingToReport {
        public WrongKindOfInput(String message) {
            super(message);
        }
    }

    /** Reports on a JSON Lines file of tagged postings ({@code -} for stdin). */
    public static Result fromFile(String input, Options options, Path out, Progress progress, RunGate gate)
            throws IOException {
        Instant started = Instant.now();
        try (LatestPostings latest = new LatestPostings(options.state().open())) {
            Source source = JsonLinesReader.read(input, latest, progress, gate::stopped);
            return write(started, source, latest, options, out, gate);
        } catch (WrongInput.Refused e) {
            throw new WrongKindOfInput(e.getMessage());
        }
    }

    /**
     * Reports on a snapshot of a topic.
     *
     * @param onOpen given the reader before it reads, so a signal handler can stop it
     */
    public static Result fromTopic(KafkaSettings settings, String topic, Options options, Path out, Progress progress,
                                   Consumer<TopicSnapshotReader> onOpen, RunGate gate) throws IOException {
        Instant started = Instant.now();
        try (LatestPostings latest = new LatestPostings(options.state().open())) {
            Source source;
            try (TopicSnapshotReader reader = new TopicSnapshotReader(settings)) {
                onOpen.accept(reader);
                source = reader.read(topic, latest, progress);
            }
            return write(started, source, latest, options, out, gate);
        }
    }

    /** Refuses an input that cannot make a report, before anything is written. */
    static void check(Source source, LatestPostings latest) {
        if (latest.records() == 0) {
            throw new NothingToReport("nothing to read: " + describe(source) + " holds no records");
        }
        if (latest.readable() == 0 && latest.rawPostings() > 0) {
            String file = source instanceof Source.JsonLinesFile f && !"-".equals(f.path()) ? f.path() : "FILE";
            throw new WrongKindOfInput("these are raw postings, not tagged ones: run classify first "
                    + "(roleradar classify --input " + file + " --output tagged.jsonl)");
        }
        if (latest.readable() == 0 && source instanceof Source.JsonLinesFile f && f.kind() != null) {
            // A board response, a page or a CSV file: named with the commands that read it.
            throw new WrongKindOfInput(WrongInput.message(f.kind(), f.path()));
        }
        if (latest.readable() == 0 && latest.rejected() > 0) {
            throw new NothingToReport("none of the " + latest.records() + " records could be read "
                    + latest.rejectedByReason() + "; the first: " + latest.rejections().get(0).where() + ": "
                    + latest.rejections().get(0).message());
        }
    }

    private static String describe(Source source) {
        if (source instanceof Source.FactsTopic t) {
            return "topic " + t.topic() + " (the facts of " + t.taggedTopic() + ")";
        }
        return source instanceof Source.TopicSnapshot t ? "topic " + t.topic()
                : "-".equals(((Source.JsonLinesFile) source).path()) ? "standard input"
                : ((Source.JsonLinesFile) source).path();
    }

    /**
     * Writes the report of postings already read into {@code latest} ({@code reporter follow}'s
     * store), by the same checks, fold and writers as a batch run, into {@code out}, all or nothing.
     */
    public static Result write(Instant started, Source source, LatestPostings latest, Options options, Path out)
            throws IOException {
        return write(started, source, latest, options, out, RunGate.NONE);
    }

    private static Result write(Instant started, Source source, LatestPostings latest, Options options, Path out,
                                RunGate gate) throws IOException {
        check(source, latest);
        gate.writing();
        MarketReport report = MarketReport.of(latest, options.filters(), options.includeClosed());
        checkFilters(options.filters(), latest, report);
        LocalDate asOf = LocalDate.ofInstant(started, ZoneOffset.UTC);
        try (ReportFolder folder = ReportFolder.stage(out)) {
            Path dir = folder.staging();
            List<Path> files = new ArrayList<>(new CsvReports(report).writeAll(dir, asOf));
            files.add(new HtmlReport(report, subtitle(started, source, options)).write(dir));
            List<String> names = new ArrayList<>(files.stream().map(p -> p.getFileName().toString()).toList());
            names.add(Manifest.FILE);
            Duration took = Duration.between(started, Instant.now());
            Manifest.write(dir, started, took, source, options.filters(), latest, report, names);
            if (!gate.beginPublishing()) {
                throw new TopicSnapshotReader.InterruptedRead("stopped before the reports were moved into place");
            }
            return new Result(out, folder.publish(), source, latest, report, took);
        }
    }

    /**
     * Refuses a report of nothing: filters that no posting passes (a misspelt company, a window
     * without postings) would replace good reports with empty ones, so they are "nothing to report".
     */
    static void checkFilters(Filters filters, LatestPostings latest, MarketReport report) {
        if (filters.isEmpty() || latest.size() == 0 || report.filteredOut() < latest.size()) {
            return;
        }
        throw new NothingToReport("no posting matched the filters (" + filters.describe() + "): the "
                + latest.size() + " postings read are all outside them"
                + (filters.since() != null || filters.until() != null
                ? " (a posting without a date is outside any --since or --until)" : ""));
    }

    static String subtitle(Instant started, Source source, Options options) {
        Filters filters = options.filters();
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(started);
        String from = source instanceof Source.TopicSnapshot t ? "topic " + t.topic() + " (read_committed snapshot)"
                : source instanceof Source.FactsTopic f ? "topic " + f.taggedTopic() + " (kept current from "
                + f.topic() + ", read_committed)"
                : "file " + ((Source.JsonLinesFile) source).path();
        // Which postings it counts is the page's own line under this one (HtmlReport), said once.
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
