package io.roleradar.reporter.aggregate;

import io.roleradar.model.Domain;
import io.roleradar.model.Level;
import io.roleradar.model.Quadrant;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What roles pay, per group (all roles, each quadrant, level and domain) and per currency: the
 * annualised midpoints of the roles that state a pay range the figures can count ({@link Pay}),
 * for their quartiles. Currencies are never mixed: a median of dollars and euros means nothing.
 * The midpoints are kept in the {@link FactsStore}, sorted by group and value (the heap keeps a
 * count per group), and the quartiles are read from them in one pass when the report is folded
 * ({@link #finish()}): exact, as a sort of each group's values gives them, in bounded memory.
 */
public final class PayFigures {
    /** The quantiles the reports show, worked out in {@link #finish()}: the only ones kept. */
    private static final double[] SHOWN = {0.25, 0.5, 0.75};

    /** The groups, in the order pay.csv lists them. */
    public enum Scope { OVERALL, QUADRANT, LEVEL, DOMAIN }

    private final Map<String, Values> byGroupAndCurrency = new HashMap<>();
    private final Map<String, Long> rolesByCurrency = new HashMap<>();
    private final FactsStore store;
    private final byte[] prefix;
    private FactsStore.Writer out;
    private long sequence;

    /** Pay figures whose values go to {@code store} under {@code prefix}. */
    PayFigures(FactsStore store, byte[] prefix) {
        this.store = store;
        this.prefix = prefix;
    }

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
        return byGroupAndCurrency.computeIfAbsent(key(scope, group, currency), k -> new Values(k));
    }

    /** Writes the last values and reads the shown quantiles of every group, in one pass over the values. */
    void finish() {
        if (out != null) {
            out.close();
            out = null;
        }
        try (FactsStore.Cursor c = store.work(prefix)) {
            Values group = null;
            byte[] groupKey = null;
            int groupEnd = 0;
            long rank = 0;
            while (c.next()) {
                byte[] key = c.key();
                int end = MarketReport.leaderEnd(key, prefix.length);
                if (group == null || !Arrays.equals(key, 0, end, groupKey, 0, groupEnd)) {
                    group = byGroupAndCurrency.get(new String(MarketReport.unordered(key, prefix.length, end),
                            StandardCharsets.UTF_8));
                    groupKey = key;
                    groupEnd = end;
                    rank = 0;
                }
                group.offer(rank++, value(key, end));
            }
        }
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
     * The {@code p}-th quantile (0.25, 0.5 or 0.75) of the group's annualised midpoints in the currency,
     * by linear interpolation between the closest ranks (as a spreadsheet's PERCENTILE.INC and numpy's
     * default give it); NaN when no role of the group states pay in that currency.
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

    /** Sortable bytes of a double: big-endian, sign bit flipped, every bit of a negative one flipped. */
    private static long sortable(double v) {
        long bits = Double.doubleToLongBits(v);
        return bits ^ (bits < 0 ? -1L : Long.MIN_VALUE);
    }

    private static double value(byte[] key, int at) {
        long s = 0;
        for (int i = 0; i < 8; i++) {
            s = s << 8 | (key[at + i] & 0xFF);
        }
        return Double.longBitsToDouble(s < 0 ? s ^ Long.MIN_VALUE : ~s);
    }

    /**
     * One group's values: how many (on the heap), the values themselves in the store, and the ones at
     * the ranks the shown quantiles need, picked up by {@link #finish()}.
     */
    private final class Values {
        private final byte[] keyHead;
        private long size;
        private final double[] atRank = new double[SHOWN.length * 2];

        Values(String key) {
            this.keyHead = MarketReport.ordered(prefix, key.getBytes(StandardCharsets.UTF_8));
        }

        void add(double v) {
            if (out == null) {
                out = store.writer();
            }
            byte[] key = Arrays.copyOf(keyHead, keyHead.length + 16);
            long s = sortable(v);
            long n = sequence++;
            for (int i = 0; i < 8; i++) {
                key[keyHead.length + i] = (byte) (s >>> (56 - 8 * i));
                key[keyHead.length + 8 + i] = (byte) (n >>> (56 - 8 * i));
            }
            out.put(key, new byte[0]);
            size++;
        }

        /** The value at {@code rank} in sorted order, as {@link #finish()} passes them. */
        void offer(long rank, double v) {
            for (int q = 0; q < SHOWN.length; q++) {
                long lo = low(SHOWN[q]);
                if (rank == lo) {
                    atRank[2 * q] = v;
                }
                if (rank == Math.min(size - 1, lo + 1)) {
                    atRank[2 * q + 1] = v;
                }
            }
        }

        private long low(double p) {
            return (long) Math.floor(p * (size - 1));
        }

        /** By linear interpolation between the values at the closest ranks, as before the store. */
        double quantile(double p) {
            if (size == 0) {
                return Double.NaN;
            }
            double rank = p * (size - 1);
            long lo = (long) Math.floor(rank);
            for (int q = 0; q < SHOWN.length; q++) {
                if (SHOWN[q] == p) {
                    return atRank[2 * q] + (rank - lo) * (atRank[2 * q + 1] - atRank[2 * q]);
                }
            }
            throw new IllegalArgumentException("only the quartiles are kept, not the quantile " + p);
        }
    }
}
