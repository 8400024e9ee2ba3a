package io.roleradar.reporter;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.roleradar.reporter.aggregate.Filters;
import io.roleradar.reporter.input.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReporterMetricsTest {

    @Test
    void aRunCountsItsRecordsUnreadableRecordsByReasonAndThePostingsItCounted(@TempDir Path out) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ReporterMetrics metrics = new ReporterMetrics(registry);
        ReportRun.Result result = ReportRun.fromFile(Fixtures.path(Fixtures.UNREADABLE).toString(),
                new ReportRun.Options(Filters.NONE, false, null), out, Progress.NONE, RunGate.NONE);

        metrics.finished(result);

        assertThat(registry.get("roleradar.reporter.records.read").counter().count()).isEqualTo(result.latest().records());
        assertThat(result.latest().rejected()).isPositive();
        double unreadable = registry.find("roleradar.reporter.records.unreadable").counters().stream()
                .mapToDouble(c -> c.count()).sum();
        assertThat(unreadable).isEqualTo(result.latest().rejected());
        assertThat(registry.get("roleradar.reporter.postings.counted").gauge().value()).isEqualTo(result.report().postings());
        assertThat(registry.get("roleradar.reporter.runs").tag("outcome", "ok").counter().count()).isEqualTo(1);
    }

    @Test
    void aFollowReportCountsTheRunAndItsPostingsButNotTheStoresRecordsAgain(@TempDir Path out) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ReporterMetrics metrics = new ReporterMetrics(registry);
        ReportRun.Result result = ReportRun.fromFile(Fixtures.path(Fixtures.UNREADABLE).toString(),
                new ReportRun.Options(Filters.NONE, false, null), out, Progress.NONE, RunGate.NONE);

        metrics.followed(result);
        metrics.followed(result);

        // The store's records are running totals the projectors counted: a second report adds none.
        assertThat(registry.get("roleradar.reporter.records.read").counter().count()).isZero();
        assertThat(registry.get("roleradar.reporter.postings.counted").gauge().value()).isEqualTo(result.report().postings());
        assertThat(registry.get("roleradar.reporter.runs").tag("outcome", "ok").counter().count()).isEqualTo(2);
        assertThat(registry.get("roleradar.reporter.run.duration").timer().count()).isEqualTo(2);
    }
}
