package io.roleradar.reporter.aggregate;

import java.nio.file.Path;

/**
 * Where a run keeps its {@link FactsStore}: a folder ({@code --state-dir}, env
 * {@code ROLERADAR_REPORT_STATE_DIR}), or null for a new temporary one; and whether the store stays
 * after the run ({@code --keep-state}, env {@code ROLERADAR_REPORT_KEEP_STATE}), for a look at it or
 * to measure reopening it. By default it is deleted when the run ends, as nothing reads it again:
 * every report reads its snapshot whole.
 *
 * @param dir  the store's folder, or null for a temporary one
 * @param keep whether the store stays after the run
 */
public record StateDir(Path dir, boolean keep) {
    /** A temporary store, deleted after the run. */
    public static final StateDir TEMPORARY = new StateDir(null, false);

    /** A new, empty store where this says (a store already in the folder is destroyed first). */
    public FactsStore open() {
        return dir == null ? FactsStore.temporary(keep) : FactsStore.open(dir, keep);
    }
}
