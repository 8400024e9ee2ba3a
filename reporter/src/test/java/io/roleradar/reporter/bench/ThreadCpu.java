package io.roleradar.reporter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The CPU time of each native thread of this JVM so far, summed by name (digits dropped, so the
 * garbage collector's or the compiler's threads count together), from {@code /proc/self/task}:
 * says whether a child's CPU went to decoding, the consumer, the collector or the JIT.
 * Prints nothing where there is no {@code /proc}.
 */
final class ThreadCpu {
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private ThreadCpu() {
    }

    static void print() {
        Map<String, Long> byName = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close).replaceAll("[0-9]+", "#");
                    String[] rest = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(rest[11]) + Long.parseLong(rest[12]); // utime + stime
                    byName.merge(name, ticks, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
        } catch (IOException e) {
            return;
        }
        StringBuilder sb = new StringBuilder("thread cpu ms:");
        byName.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sb.append(' ').append(e.getKey()).append('=').append(e.getValue() * 1000 / TICKS_PER_SECOND));
        System.out.println(sb);
    }
}
