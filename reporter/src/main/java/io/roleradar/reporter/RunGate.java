package io.roleradar.reporter;

/**
 * Where a run is, so a stop request (a signal, the end of a schedule) knows what it may still
 * undo: while reading and writing the run can be dropped (nothing is in place yet); once it has
 * begun moving its files into place it is let finish, and reports success. Thread-safe.
 */
public final class RunGate {
    /** A gate nothing ever stops. */
    public static final RunGate NONE = new RunGate();

    /** The phases of a run, in order. */
    public enum Phase { READING, WRITING, PUBLISHING, DONE }

    private Phase phase = Phase.READING;
    private int stopCode;

    /** The run has read its input and writes its files into the temporary folder. */
    public synchronized void writing() {
        phase = Phase.WRITING;
    }

    /** Asks to move the files into place; false when a stop came first (the files are then discarded). */
    public synchronized boolean beginPublishing() {
        if (stopCode != 0) {
            return false;
        }
        phase = Phase.PUBLISHING;
        return true;
    }

    /** The run returned. */
    public synchronized void done() {
        phase = Phase.DONE;
    }

    /**
     * Asks the run to stop with {@code exitCode}; a run already publishing or done is not stopped.
     *
     * @return the phase the run was in
     */
    public synchronized Phase stop(int exitCode) {
        if (this != NONE && stopCode == 0 && (phase == Phase.READING || phase == Phase.WRITING)) {
            stopCode = exitCode;
        }
        return phase;
    }

    public synchronized boolean stopped() {
        return stopCode != 0;
    }

    /** The exit code the stop asked for, 0 when none. */
    public synchronized int stopCode() {
        return stopCode;
    }
}
