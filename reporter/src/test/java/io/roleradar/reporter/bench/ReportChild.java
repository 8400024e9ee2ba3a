package io.roleradar.reporter.bench;

import io.roleradar.reporter.ReporterMain;

import java.lang.management.ManagementFactory;

/**
 * {@code reporter ...} as the benchmark runs it: the real command line, then one last line with the
 * JVM's CPU time, which says what the report costs even when other work shares the machine.
 */
public final class ReportChild {
    private ReportChild() {
    }

    public static void main(String[] args) {
        int code = ReporterMain.execute(args);
        ThreadCpu.print();
        System.out.println("cpu_ms=" + cpuMillis());
        System.exit(code);
    }

    /** CPU time of this JVM so far (all threads, JIT and GC included). */
    static long cpuMillis() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1_000_000;
    }
}
