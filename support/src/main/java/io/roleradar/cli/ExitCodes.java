package io.roleradar.cli;

/**
 * What a roleradar command's exit status means, the same for every command so scripts and
 * schedulers can act on it (documented in the README).
 */
public final class ExitCodes {
    /** Done; any bad records were counted and kept (dead-letter topic or rejects file). */
    public static final int OK = 0;
    /** The run failed, or there was nothing to read; earlier output is left untouched. */
    public static final int FAILED = 1;
    /** The command line or configuration is invalid; the message says what to fix. */
    public static final int USAGE = 2;
    /** Kafka could not be reached within the timeout. */
    public static final int KAFKA_UNAVAILABLE = 3;
    /**
     * Done in part: some sources could not be read (each reported with its reason), the rest was
     * published, and the next run retries them. Schedulers can alert on it without treating the
     * run as lost.
     */
    public static final int PARTIAL = 4;
    /** Interrupted by SIGINT (Ctrl-C) before the work was done; nothing half-published. */
    public static final int INTERRUPTED = 130;
    /** Terminated by SIGTERM (Docker, Kubernetes) before the work was done; nothing half-published. */
    public static final int TERMINATED = 143;

    private ExitCodes() {
    }
}
