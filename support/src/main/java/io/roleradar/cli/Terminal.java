package io.roleradar.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a person is at the keyboard: a command that would read stdin says what it wants instead of waiting. */
public final class Terminal {
    private Terminal() {
    }

    /**
     * True when stdin is a terminal. {@link System#console()} answers only when stdout is one too,
     * so {@code roleradar classify > out.jsonl} would wait silently; on Linux the link of file
     * descriptor 0 names the terminal device itself.
     */
    public static boolean stdinIsTerminal() {
        Path fd0 = Path.of("/proc/self/fd/0");
        if (Files.exists(fd0)) {
            try {
                String target = Files.readSymbolicLink(fd0).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                // fall through to the portable answer
            }
        }
        return System.console() != null;
    }
}
