package io.roleradar.app.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a live process has used so far, read from Linux's {@code /proc}: CPU time (user + system)
 * and peak resident memory (VmHWM). Read while the process still runs; a process that has exited
 * has no {@code /proc} entry, which is reported as zero.
 */
record ProcessUsage(double cpuSeconds, long peakRssKb, double jitSeconds, double gcSeconds) {
    /** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    static ProcessUsage of(long pid) {
        return new ProcessUsage(cpuSeconds(Path.of("/proc", String.valueOf(pid), "stat")), peakRssKb(pid),
                threadCpu(pid, "C1 CompilerThre", "C2 CompilerThre"), threadCpu(pid, "GC Thread", "G1 ", "VM Thread"));
    }

    /**
     * CPU seconds of the process's live threads whose name starts with one of {@code prefixes}: the
     * JIT compiler threads or the collector's, so a run can say how much of a JVM's CPU went to
     * warming up rather than to its work.
     */
    private static double threadCpu(long pid, String... prefixes) {
        double total = 0;
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    for (String prefix : prefixes) {
                        if (name.startsWith(prefix)) {
                            total += cpuSeconds(task.resolve("stat"));
                            break;
                        }
                    }
                } catch (IOException e) {
                    // the thread has ended
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    /** The machine's 1-minute load average, as /proc/loadavg gives it. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double cpuSeconds(Path stat) {
        try {
            // Fields 14 and 15 (utime, stime), counted after the command name, which may hold spaces.
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException e) {
            return 0;
        }
    }

    private static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            // gone
        }
        return 0;
    }
}
