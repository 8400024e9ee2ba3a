package io.roleradar.app.resilience;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A service started as its own operating-system process, on this test JVM's class path, with its
 * output in a log file: the way to kill -9 it ({@link Process#destroyForcibly()}) as a real crash
 * would, which an in-process service cannot be.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** Starts {@code mainClass} with {@code args} and the heap cap {@code xmx}, appending its output to {@code log}. */
    public static Process start(String mainClass, String xmx, Path log, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + xmx);
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        Files.createDirectories(log.toAbsolutePath().getParent());
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** The log so far, for assertion messages. */
    public static String tail(Path log, int chars) {
        try {
            String s = Files.exists(log) ? Files.readString(log) : "";
            return s.length() <= chars ? s : s.substring(s.length() - chars);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
