package io.roleradar.reporter.output;

import io.roleradar.model.Domain;
import io.roleradar.model.Round;
import io.roleradar.reporter.aggregate.MarketReport;
import io.roleradar.reporter.aggregate.Pay;
import io.roleradar.reporter.aggregate.PostingFacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Writes postings.csv, one row per latest posting that passes the filters (ML or not, open or
 * closed), sorted by id, with the role it belongs to: read back from the facts store in id order
 * ({@link MarketReport#forEachRow}), a chunk at a time. With a
 * million postings this is the longest part of a report after the read, so the rows are formatted
 * in chunks on every core and the chunks written in order: the file is the same as one made row by
 * row on one thread. A few chunks are in flight at a time, so the text held stays small (a chunk is
 * well under G1's humongous-object size of half a region at {@code -Xmx512m}, should G1 be used).
 */
final class PostingsCsv {
    static final String FILE = "postings.csv";
    static final String[] HEADER = {"id", "company", "title", "source", "source_url", "posted_at", "fetched_on",
            "week", "ml_role", "quadrant", "level", "manager", "domains", "top_domain", "ml_fundamentals",
            "ml_case_study", "ml_system_design", "ml_coding", "taxonomy_version", "status", "first_seen", "closed_on",
            "days_open", "remote", "country", "city", "salary_currency", "salary_period", "salary_min", "salary_max",
            "salary_annual_mid", "role_group"};
    /** What the week column says of a posting with no date. */
    static final String UNKNOWN_WEEK = "unknown";
    /** Rows per chunk: about 250 KB of text with typical titles and URLs. */
    private static final int CHUNK = 1024;
    private static final Round[] ROUNDS = Round.values();

    // Dates, weeks, domain lists and weights repeat from row to row: each is formatted once, shared by the chunks.
    private final Map<LocalDate, String> days = new ConcurrentHashMap<>();
    private final Map<LocalDate, String> weeks = new ConcurrentHashMap<>();
    private final Map<List<Domain>, String> domainLists = new ConcurrentHashMap<>();
    private final Map<Float, String> weights = new ConcurrentHashMap<>();

    private final MarketReport report;
    private final LocalDate asOf;

    private PostingsCsv(MarketReport report, LocalDate asOf) {
        this.report = report;
        this.asOf = asOf;
    }

    /**
     * Writes the report's rows (every posting within the filters, sorted by id).
     *
     * @param asOf the snapshot's day: an open posting's {@code days_open} runs to it
     */
    static Path write(Path dir, MarketReport report, LocalDate asOf) throws IOException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "reporter-csv");
            t.setDaemon(true);
            return t;
        });
        try {
            PostingsCsv format = new PostingsCsv(report, asOf);
            return ReportFiles.write(dir, FILE, out -> {
                try (CsvTable header = new CsvTable(out, HEADER)) {
                    format.writeRows(out, pool, threads * 2);
                    out.flush();
                }
            });
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads the rows from the store in id order, a chunk at a time, each formatted on a worker. */
    private void writeRows(Writer out, ExecutorService pool, int maxInFlight) throws IOException {
        ArrayDeque<Future<StringBuilder>> inFlight = new ArrayDeque<>();
        PostingFacts[][] rows = {new PostingFacts[CHUNK]};
        String[][] groups = {new String[CHUNK]};
        int[] n = {0};
        try {
            report.forEachRow((facts, group) -> {
                rows[0][n[0]] = facts;
                groups[0][n[0]++] = group;
                if (n[0] == CHUNK) {
                    submit(out, pool, maxInFlight, inFlight, rows[0], groups[0], n[0]);
                    rows[0] = new PostingFacts[CHUNK];
                    groups[0] = new String[CHUNK];
                    n[0] = 0;
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (n[0] > 0) {
            submit(out, pool, maxInFlight, inFlight, rows[0], groups[0], n[0]);
        }
        while (!inFlight.isEmpty()) {
            out.append(next(inFlight));
        }
    }

    private void submit(Writer out, ExecutorService pool, int maxInFlight, ArrayDeque<Future<StringBuilder>> inFlight,
                        PostingFacts[] rows, String[] groups, int count) {
        inFlight.add(pool.submit(() -> chunk(rows, groups, count)));
        if (inFlight.size() >= maxInFlight) {
            try {
                out.append(next(inFlight));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static StringBuilder next(ArrayDeque<Future<StringBuilder>> inFlight) throws IOException {
        try {
            return inFlight.removeFirst().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing " + FILE, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException("formatting " + FILE + " failed: " + e.getCause(), e.getCause());
        }
    }

    private StringBuilder chunk(PostingFacts[] rows, String[] groups, int count) {
        TextBuffer text = new TextBuffer(count * 256);
        try {
            CsvTable t = new CsvTable(text, HEADER.length);
            for (int i = 0; i < count; i++) {
                row(t, rows[i], groups[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // appending to memory does not fail; keeps the signature honest
        }
        return text.text;
    }

    private void row(CsvTable t, PostingFacts f, String roleGroup) throws IOException {
        t.text(f.id());
        t.text(f.company());
        t.text(f.title());
        t.text(f.source());
        t.text(f.sourceUrl());
        t.plain(day(f.postedAt()));
        t.plain(day(f.fetchedOn()));
        t.plain(f.date() == null ? UNKNOWN_WEEK : weeks.computeIfAbsent(f.date(), MarketReport::isoWeek));
        t.plain(String.valueOf(f.mlRole()));
        t.plain(f.quadrant() == null ? null : f.quadrant().name());
        t.plain(f.level() == null ? null : f.level().name());
        t.plain(f.manager() == null ? null : String.valueOf(f.manager()));
        List<Domain> domains = f.domains();
        t.plain(domainLists.computeIfAbsent(domains,
                k -> domains.stream().map(Domain::name).collect(Collectors.joining(";"))));
        t.plain(domains.isEmpty() ? null : domains.get(0).name());
        for (Round r : ROUNDS) {
            t.plain(f.mlRole() ? weights.computeIfAbsent((float) f.weight(r), CsvTable::format) : null);
        }
        t.text(f.taxonomyVersion());
        t.plain(f.closed() ? "CLOSED" : "OPEN");
        t.plain(day(f.firstSeenAt()));
        t.plain(day(f.closedAt()));
        t.plain(daysOpen(f));
        t.plain(f.remote().name());
        t.text(f.country());
        t.text(f.city());
        Pay pay = f.pay();
        t.text(pay == null ? null : pay.currency());
        t.text(pay == null ? null : pay.period());
        t.plain(pay == null ? null : amount(pay.min()));
        t.plain(pay == null ? null : amount(pay.max()));
        t.plain(pay == null || !pay.countable() ? null : amount(Math.rint(pay.annualMid())));
        t.text(roleGroup);
        t.endRow();
    }

    /** Days from the posting's date (posted, else first seen) to its closing, or to the snapshot while open. */
    private String daysOpen(PostingFacts f) {
        LocalDate start = f.postedAt() != null ? f.postedAt() : f.firstSeenAt();
        LocalDate end = f.closed() ? f.closedAt() : asOf;
        if (start == null || end == null) {
            return null;
        }
        return Long.toString(Math.max(0, ChronoUnit.DAYS.between(start, end)));
    }

    /** A stated amount as written: no exponent, no trailing zeros ({@code 150000}, {@code 62.5}); empty when absent. */
    static String amount(double v) {
        if (Double.isNaN(v)) {
            return null;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v); // nearly every stated amount: no BigDecimal for it
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private String day(LocalDate date) {
        return date == null ? null : days.computeIfAbsent(date, LocalDate::toString);
    }

    /** A writer into a string builder with no lock: each chunk has its own. */
    private static final class TextBuffer extends Writer {
        private final StringBuilder text;

        TextBuffer(int capacity) {
            this.text = new StringBuilder(capacity);
        }

        @Override
        public void write(char[] buf, int off, int len) {
            text.append(buf, off, len);
        }

        @Override
        public Writer append(CharSequence csq) {
            text.append(csq);
            return this;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
