package io.roleradar.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: {@code ingest} as a process of its own, with this test run's class path. */
final class IngestProcess {
    private IngestProcess() {
    }

    static ProcessBuilder command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IngestMain.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }
}
