package io.roleradar.reporter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The reporter's meters, so a scheduled reporter can be watched: runs by outcome, records read,
 * unreadable records by reason, the postings the last report counted, and how long runs take.
 */
final class ReporterMetrics {
    private final MeterRegistry registry;
    private final AtomicLong lastCounted = new AtomicLong();
    private final AtomicLong lastDistinct = new AtomicLong();
    private final Counter records;
    private final Timer duration;

    ReporterMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.records = Counter.builder("roleradar.reporter.records.read")
                .description("Tagged records read by report runs").register(registry);
        this.duration = Timer.builder("roleradar.reporter.run.duration")
                .description("Time of one report run, read to files written").register(registry);
        Gauge.builder("roleradar.reporter.postings.counted", lastCounted, AtomicLong::get)
                .description("ML postings the last report counted").register(registry);
        Gauge.builder("roleradar.reporter.postings.distinct", lastDistinct, AtomicLong::get)
                .description("Distinct posting ids the last report read").register(registry);
    }

    void finished(ReportRun.Result result) {
        records.increment(result.latest().records());
        result.latest().rejectedByReason().forEach((reason, n) -> Counter.builder("roleradar.reporter.records.unreadable")
                .description("Tagged records that could not be read, by reason").tag("reason", reason)
                .register(registry).increment(n));
        followed(result);
    }

    /**
     * A report of {@code reporter follow}: as {@link #finished}, but its records are the store's
     * running totals, already counted by the projectors, so they are not added again.
     */
    void followed(ReportRun.Result result) {
        lastCounted.set(result.report().postings());
        lastDistinct.set(result.latest().size());
        duration.record(result.took());
        run("ok");
    }

    void run(String outcome) {
        Counter.builder("roleradar.reporter.runs").description("Report runs by outcome").tag("outcome", outcome)
                .register(registry).increment();
    }
}
