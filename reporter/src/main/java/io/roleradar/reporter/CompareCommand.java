package io.roleradar.reporter;

import io.roleradar.cli.ExitCodes;
import io.roleradar.reporter.compare.ReportComparison;
import io.roleradar.reporter.output.CsvTable;
import io.roleradar.reporter.output.ReportFiles;
import io.roleradar.reporter.output.ReportFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code reporter compare OLD_DIR NEW_DIR --out-dir DIR}: what changed between two report runs,
 * as {@code compare.csv} in DIR (written all or nothing) and a short text summary on standard output.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = ReporterMain.Version.class,
        usageHelpAutoWidth = true,
        description = {"Says what changed between two report folders.", "",
                "Postings, shares and mean round weights per quadrant, domain, round and level, with the ML "
                        + "postings opened and closed, as compare.csv in --out-dir and a short summary on "
                        + "standard output.", ""},
        footer = {"", "Exit codes: 0 done, 1 failed, 2 usage error (a folder that is not a report)."})
public final class CompareCommand implements Callable<Integer> {
    static final String FILE = "compare.csv";
    private static final String COMMAND = "reporter compare";

    @Parameters(index = "0", paramLabel = "OLD_DIR", description = "The earlier report folder.")
    Path oldDir;

    @Parameters(index = "1", paramLabel = "NEW_DIR", description = "The later report folder.")
    Path newDir;

    @Option(names = "--out-dir", paramLabel = "DIR", required = true,
            description = "Folder for compare.csv (created if missing).")
    Path outDir;

    @Override
    public Integer call() {
        for (Path dir : List.of(oldDir, newDir)) {
            if (!Files.isDirectory(dir)) {
                System.err.println("roleradar " + COMMAND + ": no such report folder: " + dir);
                return ExitCodes.USAGE;
            }
        }
        try {
            ReportFolder.checkTarget(outDir, "--out-dir");
        } catch (IllegalArgumentException e) {
            System.err.println("roleradar " + COMMAND + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            ReportComparison c = ReportComparison.of(oldDir, newDir);
            try (ReportFolder folder = ReportFolder.stage(outDir)) {
                ReportFiles.write(folder.staging(), FILE, out -> write(new CsvTable(out, "dimension", "value",
                        "old_postings", "new_postings", "postings_change", "old_share", "new_share", "share_change",
                        "old_mean_weight", "new_mean_weight", "mean_weight_change", "opened", "closed"), c));
                folder.publish();
            }
            summary(System.out, c);
            System.err.println("roleradar " + COMMAND + ": wrote " + outDir.resolve(FILE).toAbsolutePath());
            return ExitCodes.OK;
        } catch (NoSuchFileException e) {
            System.err.println("roleradar " + COMMAND + ": " + (e.getReason() != null ? e.getReason() + ": " : "no such file: ")
                    + e.getFile());
            return ExitCodes.USAGE;
        } catch (IOException | RuntimeException e) {
            System.err.println("roleradar " + COMMAND + ": failed: " + e.getMessage() + "; earlier output untouched");
            return ExitCodes.FAILED;
        }
    }

    private static void write(CsvTable t, ReportComparison c) throws IOException {
        try (t) {
            for (ReportComparison.Row r : c.rows()) {
                boolean round = r.dimension().equals("round");
                t.row(r.dimension(), r.value(), (long) r.oldPostings(), (long) r.newPostings(),
                        (long) r.newPostings() - (long) r.oldPostings(), r.oldShare(), r.newShare(),
                        r.newShare() - r.oldShare(), round ? r.oldMeanWeight() : null, round ? r.newMeanWeight() : null,
                        round ? r.newMeanWeight() - r.oldMeanWeight() : null, round ? null : r.opened(),
                        round ? null : r.closed());
            }
        }
    }

    /** A few lines a person reads: the totals, the quadrants, the largest domain moves, the rounds. */
    static void summary(PrintStream out, ReportComparison c) {
        ReportComparison.Row total = c.row("total", "ALL");
        out.printf(Locale.ROOT, "%s (%s, counting %s) -> %s (%s, counting %s)%n", c.older().dir(), c.older().generatedAt(),
                c.older().counting(), c.newer().dir(), c.newer().generatedAt(), c.newer().counting());
        if (!c.older().counting().equals(c.newer().counting())) {
            out.println("note: the two reports count different postings (open only, or all); the changes mix both");
        }
        if (c.filtersDiffer()) {
            out.println("note: the two reports were made with different filters (" + c.older().filters() + " -> "
                    + c.newer().filters() + "); a posting within one's filters and not the other's counts as opened "
                    + "or closed");
        }
        out.printf(Locale.ROOT, "ML roles: %d -> %d (%s); ML postings opened %d, closed %d%n",
                (long) total.oldPostings(), (long) total.newPostings(), signed(total.newPostings() - total.oldPostings()),
                total.opened(), total.closed());
        out.println("quadrants: " + c.rows().stream().filter(r -> r.dimension().equals("quadrant"))
                .map(r -> String.format(Locale.ROOT, "%s %d -> %d (%d opened, %d closed)", r.value(),
                        (long) r.oldPostings(), (long) r.newPostings(), r.opened(), r.closed()))
                .collect(Collectors.joining(", ")));
        out.println("largest domain moves: " + c.rows().stream().filter(r -> r.dimension().equals("domain"))
                .filter(r -> r.newPostings() != r.oldPostings())
                .sorted(Comparator.comparingDouble((ReportComparison.Row r) -> -Math.abs(r.newPostings() - r.oldPostings())))
                .limit(5).map(r -> r.value() + " " + signed(r.newPostings() - r.oldPostings()))
                .collect(Collectors.collectingAndThen(Collectors.joining(", "), s -> s.isEmpty() ? "none" : s)));
        out.println("round mean weights: " + c.rows().stream().filter(r -> r.dimension().equals("round"))
                .map(r -> String.format(Locale.ROOT, "%s %.2f -> %.2f", r.value(), r.oldMeanWeight(), r.newMeanWeight()))
                .collect(Collectors.joining(", ")));
        out.println("levels: " + c.rows().stream().filter(r -> r.dimension().equals("level"))
                .map(r -> String.format(Locale.ROOT, "%s %d -> %d", r.value(), (long) r.oldPostings(), (long) r.newPostings()))
                .collect(Collectors.joining(", ")));
    }

    private static String signed(double v) {
        long n = Math.round(v);
        return n > 0 ? "+" + n : Long.toString(n);
    }
}
