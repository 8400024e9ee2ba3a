package io.roleradar.cli;

/**
 * What a roleradar command's exit status means, the same for every command so scripts and
 * schedulers can act on it (documented in the README).
 */
public final class ExitCodes {
    /** Done; any bad records were counted and kept (dead-letter topic or rejects file). */
    public static final int OK = 0;
    /** The run failed: nothing at all could be read, or an unexpected error stopped it. */
    public static final int FAILED = 1;
    /** The command line or configuration is invalid; the message says what to fix. */
    public static final int USAGE = 2;
    /** Kafka could not be reached within the timeout. */
    public static final int KAFKA_UNAVAILABLE = 3;
    /** Stopped by a signal before the work was done (nothing half-published). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
