package io.roleradar.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {
    @Test
    void theDemosIngestKeepsItsStateInTheFolderItIsGivenNotTheUsersDefault() {
        Path scratch = Path.of("/tmp/roleradar-demo-ingest-state123");

        List<String> args = DemoCommand.ingestArguments(Path.of("samples/sources.yml"), "localhost:9092", scratch);

        // Without --state-dir, ingest would use ~/.roleradar/ingest-state, the user's own runs' store.
        assertThat(String.join(" ", args)).contains("--state-dir " + scratch);
        assertThat(args).startsWith("run").contains("--config", "samples/sources.yml", "--bootstrap-servers", "localhost:9092");
    }
}
