package io.roleradar.reporter.aggregate;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Finds the postings that are one role: within a company and a level, postings whose {@link TextSignature}s
 * are at most {@link #MAX_DISTANCE} bits apart. A text differing only in small local parts (a city,
 * a country paragraph, a requisition number: up to about a tenth of its shingles) gives that, while
 * two different roles of one company, sharing its boilerplate, stay about 20 bits or more apart
 * (the fixtures of {@code RoleGroupsTest}: 5-8 bits against 18-23). Groups are transitive (A like
 * B and B like C make one role of all three).
 *
 * <p>Candidates come from the pigeonhole principle instead of comparing every pair of a company's
 * postings: the 64 bits are cut into {@code MAX_DISTANCE + 1} bands, and two signatures at most
 * {@code MAX_DISTANCE} bits apart agree exactly on at least one band. Per band, postings are sorted
 * by (company, whether ML, level, band value) and only postings of one run of equal keys are compared, each
 * against the run's first distinct members (at most {@link #MAX_COMPARED} of them, so one huge run
 * cannot make the work quadratic; past that a posting may miss a merge, never make a wrong one).
 * The cost is a sort of the postings per band: n log n, a fraction of a second for a million.
 */
public final class RoleGroups {
    /** Signatures this many bits apart or fewer are one role. */
    public static final int MAX_DISTANCE = 9;
    static final int BANDS = MAX_DISTANCE + 1;
    /** How many distinct members of a run of equal band values each posting is compared with. */
    static final int MAX_COMPARED = 64;
    private static final int INDEX_BITS = 24;

    private RoleGroups() {
    }

    /**
     * For each row, the index of its role's first row (rows in the order given; a posting alone is its
     * own role). Postings without a company or without a {@link TextSignature} (non-ML postings,
     * texts too short) are always alone; postings of two levels are never one role (a company that
     * posts one text as Senior and Staff has two openings, and the level figures must see both).
     */
    public static int[] leaders(PostingFacts[] rows) {
        int n = rows.length;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        if (n >= 1 << INDEX_BITS) {
            return parent; // beyond 16 million postings the packed sort keys would overflow: no merging
        }
        int[] company = companyIds(rows);
        long[] keys = new long[n];
        for (int band = 0; band < BANDS; band++) {
            int from = band * 64 / BANDS;
            int to = (band + 1) * 64 / BANDS;
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (company[i] < 0) {
                    continue;
                }
                long bandValue = (rows[i].signature() >>> from) & ((1L << (to - from)) - 1);
                long key = (long) company[i] << 14 | (rows[i].mlRole() ? 1L << 13 : 0)
                        | (long) level(rows[i]) << 10 | bandValue;
                keys[m++] = key << INDEX_BITS | i;
            }
            Arrays.sort(keys, 0, m);
            mergeRuns(rows, keys, m, parent);
        }
        for (int i = 0; i < n; i++) {
            parent[i] = find(parent, i);
        }
        return parent;
    }

    /** The level's number (0-4), 7 when untagged: postings of two levels are two roles, whatever their text. */
    private static int level(PostingFacts f) {
        return f.level() == null ? 7 : f.level().ordinal();
    }

    private static void mergeRuns(PostingFacts[] rows, long[] keys, int m, int[] parent) {
        int[] compared = new int[MAX_COMPARED];
        int start = 0;
        while (start < m) {
            long runKey = keys[start] >>> INDEX_BITS;
            int end = start;
            while (end < m && keys[end] >>> INDEX_BITS == runKey) {
                end++;
            }
            int distinct = 0;
            for (int k = start; k < end; k++) {
                int i = (int) (keys[k] & ((1 << INDEX_BITS) - 1));
                long sig = rows[i].signature();
                boolean matched = false;
                for (int c = 0; c < distinct; c++) {
                    int j = compared[c];
                    if (TextSignature.distance(sig, rows[j].signature()) <= MAX_DISTANCE) {
                        union(parent, i, j);
                        matched = true;
                        break;
                    }
                }
                if (!matched && distinct < MAX_COMPARED) {
                    compared[distinct++] = i;
                }
            }
            start = end;
        }
    }

    /** A number per company (by the interned name's identity first, then its text), -1 when it cannot be grouped. */
    private static int[] companyIds(PostingFacts[] rows) {
        Map<String, Integer> ids = new java.util.HashMap<>();
        Map<String, Integer> seen = new IdentityHashMap<>();
        int[] company = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            PostingFacts f = rows[i];
            if (f.company() == null || f.signature() == TextSignature.NONE) {
                company[i] = -1;
                continue;
            }
            Integer id = seen.get(f.company());
            if (id == null) {
                id = ids.computeIfAbsent(f.company(), c -> ids.size());
                seen.put(f.company(), id);
            }
            company[i] = id;
        }
        return company;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Joins the two groups under the smaller index, so a group's root is its first row. */
    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
