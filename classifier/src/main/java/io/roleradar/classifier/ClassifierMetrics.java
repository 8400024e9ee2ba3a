package io.roleradar.classifier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.roleradar.model.DomainTag;
import io.roleradar.model.Tags;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The classifier service's meters, built once: postings tagged by quadrant and by domain, dead
 * letters by reason, classification latency, and consumer lag. Tag values come from small fixed
 * sets (the enums), as Micrometer asks. Counts are added only after a transaction commits, so an
 * aborted and retried batch is not counted twice.
 */
final class ClassifierMetrics {
    private final MeterRegistry registry;
    private final Timer latency;
    private final AtomicLong lag = new AtomicLong();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    ClassifierMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("roleradar.classifier.classification")
                .description("Time to classify one posting")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        Gauge.builder("roleradar.classifier.consumer.lag", lag, AtomicLong::get)
                .description("Records of the input topic not yet tagged by this instance")
                .register(registry);
    }

    Timer latency() {
        return latency;
    }

    void lag(long records) {
        lag.set(records);
    }

    void tagged(Tags tags) {
        String quadrant = tags.mlRole() ? tags.quadrant().name() : "NOT_ML";
        counter("roleradar.classifier.postings.tagged", "quadrant", quadrant).increment();
        for (DomainTag d : tags.domains()) {
            counter("roleradar.classifier.postings.domain", "domain", d.domain().name()).increment();
        }
    }

    void deadLetter(String reason) {
        counter("roleradar.classifier.dead.letters", "reason", reason).increment();
    }

    private Counter counter(String name, String tag, String value) {
        return counters.computeIfAbsent(name + "|" + value,
                k -> Counter.builder(name).tag(tag, value).register(registry));
    }
}
