package io.roleradar.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code roleradar demo} as a new user runs it: its own embedded broker, the shipped samples, reports. */
class DemoIT {
    private static final Path ROOT = Path.of(System.getProperty("roleradar.project.root", "..")).toAbsolutePath().normalize();

    @Test
    void demoStartsItsOwnBrokerAndLeavesNonEmptyReports(@TempDir Path out) throws Exception {
        int exit = RoleradarMain.execute("demo", "--samples", ROOT.resolve("samples").toString(), "--out-dir", out.toString(),
                "--bootstrap-servers", "");

        assertThat(exit).isZero();
        for (String name : List.of("quadrants.csv", "domains.csv", "rounds.csv", "postings.csv")) {
            assertThat(Files.readAllLines(out.resolve(name))).as(name).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void demoWithoutSamplesSaysWhereItLookedAndExitsWithAUsageError(@TempDir Path empty) {
        assertThat(RoleradarMain.execute("demo", "--samples", empty.toString(), "--out", empty.resolve("r").toString(),
                "--bootstrap-servers", "")).isEqualTo(2);
    }
}
