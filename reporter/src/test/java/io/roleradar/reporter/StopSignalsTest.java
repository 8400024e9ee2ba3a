package io.roleradar.reporter;

import io.roleradar.cli.ExitCodes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM and SIGINT stop {@code reporter run} in a child JVM reading standard input that never
 * ends: exit 143 and 130, one line saying so, the earlier reports as they were, no temporary
 * folder left. Linux only (the child's readiness is seen in {@code /proc}).
 */
class StopSignalsTest {
    @TempDir
    Path dir;

    @Test
    void sigtermExits143AndLeavesTheReportsUntouched() throws Exception {
        stopsWith("TERM", ExitCodes.TERMINATED);
    }

    @Test
    void sigintExits130AndLeavesTheReportsUntouched() throws Exception {
        stopsWith("INT", ExitCodes.INTERRUPTED);
    }

    private void stopsWith(String signal, int expected) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs /proc (Linux) to see the child ready");
        Path reports = dir.resolve("reports");
        assertThat(ReporterMain.execute("run", "-i", Fixtures.path(Fixtures.BASIC).toString(), "--out-dir",
                reports.toString(), "-q")).isEqualTo(ExitCodes.OK);
        String before = Files.readString(reports.resolve("manifest.json"));
        Path stderr = dir.resolve("stderr.txt");
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ReporterMain.class.getName(), "run", "--input", "-",
                "--out-dir", reports.toString()))
                .redirectError(stderr.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // One good line, then standard input stays open: the run waits in its read.
            child.getOutputStream().write((Fixtures.lines(Fixtures.BASIC).get(0) + "\n").getBytes(StandardCharsets.UTF_8));
            child.getOutputStream().flush();
            waitForThread(child.pid(), "reporter-run");

            new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start().waitFor(10, TimeUnit.SECONDS);

            assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("child stopped within 20 s").isTrue();
            assertThat(child.exitValue()).isEqualTo(expected);
            assertThat(Files.readString(stderr)).contains("roleradar reporter run: stopped by a signal")
                    .doesNotContain("Exception");
            assertThat(Files.readString(reports.resolve("manifest.json"))).isEqualTo(before);
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
        } finally {
            child.destroyForcibly();
        }
    }

    /** Waits (with a deadline) until the child has a thread of that name: the run has started. */
    private static void waitForThread(long pid, String name) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        while (System.nanoTime() < deadline) {
            File[] threads = tasks.toFile().listFiles();
            if (threads != null) {
                for (File t : threads) {
                    try {
                        if (Files.readString(t.toPath().resolve("comm")).strip().equals(name)) {
                            return;
                        }
                    } catch (IOException e) {
                        // the thread ended while listed
                    }
                }
            }
            Thread.sleep(50); // polling /proc, bounded by the deadline
        }
        throw new AssertionError("the child never started its run (no thread " + name + " within 60 s)");
    }
}
