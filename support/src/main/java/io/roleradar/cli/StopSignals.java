package io.roleradar.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIGINT (Ctrl-C) and SIGTERM (Docker, Kubernetes) for a command that must stop cleanly and say
 * which one stopped it: {@link ExitCodes#INTERRUPTED} (130) or {@link ExitCodes#TERMINATED} (143).
 * The JVM's own handling runs the shutdown hooks and exits 130 or 143 at once, before the command
 * can finish its current transaction or report what it did; a handler of our own asks the command
 * to stop and lets it return.
 *
 * <p>A second signal halts at once. Until {@link #whileRunning} names the way to stop, a signal exits at once with its code (there
 * is nothing to finish yet). {@link #close()} puts the previous handlers back, so a command run
 * inside another (the demo) leaves Ctrl-C to its caller afterwards.
 */
public final class StopSignals implements AutoCloseable {
    private final AtomicInteger received = new AtomicInteger();
    private volatile Runnable stop;
    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;

    private StopSignals() {
        previousInt = Signal.handle(new Signal("INT"), s -> onSignal(ExitCodes.INTERRUPTED));
        previousTerm = Signal.handle(new Signal("TERM"), s -> onSignal(ExitCodes.TERMINATED));
    }

    /** Takes SIGINT and SIGTERM over until {@link #close()}. */
    public static StopSignals install() {
        return new StopSignals();
    }

    /** From now on a signal runs {@code stopAction} (once) instead of exiting. */
    public void whileRunning(Runnable stopAction) {
        this.stop = stopAction;
    }

    /** The exit code of the first signal received (130 or 143), or 0 when none came. */
    public int received() {
        return received.get();
    }

    /**
     * The exit code of a run that returned {@code exitCode}: the signal's code when a signal
     * stopped it, else the run's own. A run that had finished its work keeps its code whatever
     * arrived after: pass {@code finished} true for it.
     */
    public int exitCode(int exitCode, boolean finished) {
        int signal = received.get();
        return finished || signal == 0 ? exitCode : signal;
    }

    private void onSignal(int code) {
        if (!received.compareAndSet(0, code)) {
            // A second signal: the person does not want to wait for a clean stop.
            Runtime.getRuntime().halt(code);
        }
        Runnable action = stop;
        if (action == null) {
            System.exit(code);
        }
        action.run();
    }

    @Override
    public void close() {
        Signal.handle(new Signal("INT"), previousInt);
        Signal.handle(new Signal("TERM"), previousTerm);
    }
}
