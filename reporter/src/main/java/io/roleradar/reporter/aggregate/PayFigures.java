package io.roleradar.reporter.aggregate;

import io.roleradar.model.Domain;
import io.roleradar.model.Level;
import io.roleradar.model.Quadrant;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What roles pay, per group (all roles, each quadrant, level and domain) and per currency: the
 * annualised midpoints of the roles that state a pay range the figures can count ({@link Pay}),
 * for their quartiles. Currencies are never mixed: a median of dollars and euros means nothing.
 */
public final class PayFigures {
    /** The groups, in the order pay.csv lists them. */
    public enum Scope { OVERALL, QUADRANT, LEVEL, DOMAIN }

    private final Map<String, Values> byGroupAndCurrency = new HashMap<>();
    private final Map<String, Long> rolesByCurrency = new HashMap<>();

    void add(Role role) {
        Pay pay = role.pay();
        if (pay == null) {
            return;
        }
        String currency = currency(pay);
        double mid = pay.annualMid();
        rolesByCurrency.merge(currency, 1L, Long::sum);
        values(Scope.OVERALL, "ALL", currency).add(mid);
        PostingFacts f = role.first();
        values(Scope.QUADRANT, f.quadrant().name(), currency).add(mid);
        values(Scope.LEVEL, f.level().name(), currency).add(mid);
        for (Domain d : f.domains()) {
            values(Scope.DOMAIN, d.name(), currency).add(mid);
        }
    }

    /** How pay.csv names a pay range without a currency. */
    public static final String UNKNOWN_CURRENCY = "UNKNOWN";

    private static String currency(Pay pay) {
        return pay.currency() == null ? UNKNOWN_CURRENCY : pay.currency();
    }

    private Values values(Scope scope, String group, String currency) {
        return byGroupAndCurrency.computeIfAbsent(key(scope, group, currency), k -> new Values());
    }

    private static String key(Scope scope, String group, String currency) {
        return scope + "/" + group + "/" + currency;
    }

    /** Every currency some role states, most roles first, then by code. */
    public java.util.List<String> currencies() {
        return rolesByCurrency.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** Roles of the group stating a countable pay range in the currency. */
    public long stating(Scope scope, String group, String currency) {
        Values v = byGroupAndCurrency.get(key(scope, group, currency));
        return v == null ? 0 : v.size;
    }

    /**
     * The {@code p}-th quantile (0..1) of the group's annualised midpoints in the currency, by linear
     * interpolation between the closest ranks (as a spreadsheet's PERCENTILE.INC and numpy's default
     * give it); NaN when no role of the group states pay in that currency.
     */
    public double quantile(Scope scope, String group, String currency, double p) {
        Values v = byGroupAndCurrency.get(key(scope, group, currency));
        return v == null ? Double.NaN : v.quantile(p);
    }

    /** The group names of a scope, in the order the CSVs list them. */
    public static java.util.List<String> groups(Scope scope) {
        return switch (scope) {
            case OVERALL -> java.util.List.of("ALL");
            case QUADRANT -> Arrays.stream(Quadrant.values()).map(Enum::name).toList();
            case LEVEL -> Arrays.stream(Level.values()).map(Enum::name).toList();
            case DOMAIN -> Arrays.stream(Domain.values()).map(Enum::name).toList();
        };
    }

    /** A growing list of doubles, sorted once when a quantile is first asked for. */
    private static final class Values {
        private double[] values = new double[8];
        private int size;
        private boolean sorted;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
            sorted = false;
        }

        double quantile(double p) {
            if (size == 0) {
                return Double.NaN;
            }
            if (!sorted) {
                Arrays.sort(values, 0, size);
                sorted = true;
            }
            double rank = p * (size - 1);
            int lo = (int) Math.floor(rank);
            int hi = Math.min(size - 1, lo + 1);
            return values[lo] + (rank - lo) * (values[hi] - values[lo]);
        }
    }
}
