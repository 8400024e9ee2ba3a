package io.roleradar.ingest;

import io.roleradar.model.RawPosting;
import io.roleradar.model.RemoteMode;
import io.roleradar.testkit.SharedData;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How many postings of {@code ../shared/data} carry a country, a pay range and a work mode, per
 * kind of source: the figures of the ingest README. Run by hand ({@code main}) to print them;
 * {@link FactSharesTest} guards them with floors.
 */
public final class FactShares {
    /** The folders {@code ingest run} reads of the shared data. */
    static final List<String> FOLDERS = List.of("ashby-boards", "ashby-boards-more", "ats-api-responses", "csv", "job-pages");

    private FactShares() {
    }

    /** Counts of one kind of source. */
    record Counts(int postings, int country, int pay, int workMode) {
        Counts plus(RawPosting p) {
            return new Counts(postings + 1, country + (p.country() != null ? 1 : 0), pay + (p.salary() != null ? 1 : 0),
                    workMode + (p.remote() != RemoteMode.UNKNOWN ? 1 : 0));
        }

        double share(int n) {
            return postings == 0 ? 0 : (double) n / postings;
        }
    }

    /** The kind of source a posting came from, by its id. */
    static String kind(RawPosting p) {
        String id = p.id();
        if (id.startsWith("ashby:")) {
            return "Ashby boards";
        }
        if (id.startsWith("greenhouse:") || id.startsWith("lever:")) {
            return "Greenhouse / Lever API";
        }
        if (id.startsWith("csv:")) {
            return "CSV";
        }
        if (id.startsWith("page:")) {
            return "job pages";
        }
        return "job-search APIs";
    }

    /** The counts per kind of source, in the order first met, over the unique postings of the shared data. */
    static Map<String, Counts> measure(Path data) {
        ReadResult r = PostingSources.withDefaults().read(FOLDERS.stream().map(f -> data.resolve(f).toString()).toList());
        Map<String, Counts> counts = new LinkedHashMap<>();
        for (RawPosting p : r.postings()) {
            counts.merge(kind(p), new Counts(0, 0, 0, 0).plus(p), (a, b) -> new Counts(a.postings + b.postings,
                    a.country + b.country, a.pay + b.pay, a.workMode + b.workMode));
        }
        return counts;
    }

    public static void main(String[] args) {
        Path data = args.length > 0 ? Path.of(args[0]) : SharedData.locate();
        if (data == null) {
            System.err.println("no ../shared/data: pass its path");
            System.exit(2);
        }
        System.out.println("| source | postings | with a country | with a pay range | with a work mode |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        Counts all = new Counts(0, 0, 0, 0);
        for (Map.Entry<String, Counts> e : measure(data).entrySet()) {
            print(e.getKey(), e.getValue());
            Counts c = e.getValue();
            all = new Counts(all.postings + c.postings, all.country + c.country, all.pay + c.pay, all.workMode + c.workMode);
        }
        print("all", all);
    }

    private static void print(String kind, Counts c) {
        System.out.printf(Locale.ROOT, "| %s | %,d | %,d (%.0f%%) | %,d (%.0f%%) | %,d (%.0f%%) |%n", kind, c.postings,
                c.country, 100 * c.share(c.country), c.pay, 100 * c.share(c.pay), c.workMode, 100 * c.share(c.workMode));
    }
}
