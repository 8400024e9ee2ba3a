package io.roleradar.classifier;

import io.roleradar.model.Evidence;
import io.roleradar.model.SourceField;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The strongest few pieces of evidence of one rule for one posting. Only the best are kept, so a
 * long posting does not build long lists; the text is cut out of the field only when a match is
 * kept, which keeps the scan cheap.
 */
final class Evidences {
    static final int KEEP = 2;

    private final Evidence[] kept = new Evidence[KEEP];
    private final double[] weights = new double[KEEP];
    private int size;

    void offer(double weight, String fieldText, SourceField field, int start, int end, String rule) {
        // Overlapping matches of one rule ("system design" inside "system design interview") are one
        // piece of evidence: keep the longer.
        for (int i = 0; i < size; i++) {
            Evidence e = kept[i];
            if (e.field() == field && start < e.end() && e.start() < end) {
                if (end - start > e.end() - e.start()) {
                    kept[i] = new Evidence(fieldText.substring(start, end), field, start, end, rule);
                    weights[i] = Math.max(weight, weights[i]);
                }
                return;
            }
        }
        int slot;
        if (size < KEEP) {
            slot = size++;
        } else {
            slot = weights[0] <= weights[1] ? 0 : 1;
            if (weight <= weights[slot]) {
                return;
            }
        }
        kept[slot] = new Evidence(fieldText.substring(start, end), field, start, end, rule);
        weights[slot] = weight;
    }

    /** The kept evidence, strongest first, earliest first among equals. */
    List<Evidence> list() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -weights[i])
                .thenComparing(i -> kept[i].field())
                .thenComparingInt(i -> kept[i].start()));
        List<Evidence> out = new ArrayList<>(size);
        for (int i : order) {
            out.add(kept[i]);
        }
        return out;
    }
}
