package io.roleradar.reporter.input;

/** Told how far a long read has come, so a run over a big topic says it is alive. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total) -> { };

    /**
     * @param done  records read so far
     * @param total records expected, or -1 when unknown (a file)
     */
    void update(long done, long total);
}
