package io.roleradar.reporter;

import picocli.CommandLine;

/** Stops a {@code reporter follow} running in a test as a signal would (its stop is package-private). */
public final class FollowCommandAccess {
    private final FollowCommand command;

    public FollowCommandAccess(CommandLine reporter) {
        this.command = reporter.getSubcommands().get("follow").getCommand();
    }

    public void stop(int exitCode) {
        command.requestStop(exitCode);
    }
}
