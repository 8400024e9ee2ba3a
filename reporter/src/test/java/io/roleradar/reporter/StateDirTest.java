package io.roleradar.reporter;

import io.roleradar.reporter.aggregate.Filters;
import io.roleradar.reporter.aggregate.StateDir;
import io.roleradar.reporter.input.Progress;
import io.roleradar.testkit.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17: where a run keeps its facts store, and that it is gone after the run unless kept. */
class StateDirTest {
    @Test
    void aTemporaryStoreByDefaultElseTheFolderAndWhetherToKeepIt() {
        // The flags over their variables: RunSettingsTest, RunEnvironmentTest.
        assertThat(RunSettings.of(option -> "", null, null, null, null, null, null, null, false, null, false)
                .state()).isEqualTo(StateDir.TEMPORARY);
        RunSettings kept = RunSettings.of(option -> "", null, null, null,
                null, null, null, null, false, "/var/lib/roleradar/reporter", true);
        assertThat(kept.state()).isEqualTo(new StateDir(Path.of("/var/lib/roleradar/reporter"), true));
        RunSettings flags = RunSettings.of(option -> "", null, null, null, null,
                null, null, null, false, "state", false);
        assertThat(flags.state()).isEqualTo(new StateDir(Path.of("state"), false));
        assertThat(flags.options().state()).isEqualTo(flags.state());
    }

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void aStateDirHoldingOtherFilesKeepsThemAndSaysSoInPlainWords(@TempDir Path tmp) throws Exception {
        Path state = Files.createDirectories(tmp.resolve("state"));
        Files.writeString(state.resolve("notes.txt"), "mine");
        ReportRun.fromFile(Fixtures.path(Fixtures.BASIC).toString(),
                new ReportRun.Options(Filters.NONE, false, new StateDir(state, false)), tmp.resolve("out"),
                Progress.NONE, RunGate.NONE);

        assertThat(state.resolve("notes.txt")).hasContent("mine");
        assertThat(state.resolve("CURRENT")).doesNotExist();
        assertThat(console.err()).isEqualTo("roleradar reporter run: deleted the facts store in " + state
                + "; the folder stays, as it holds other files" + System.lineSeparator());
    }

    @Test
    void theStoreIsDeletedAfterARunUnlessKept(@TempDir Path tmp) throws Exception {
        Path state = tmp.resolve("state");
        ReportRun.fromFile(Fixtures.path(Fixtures.BASIC).toString(),
                new ReportRun.Options(Filters.NONE, false, new StateDir(state, false)), tmp.resolve("out"),
                Progress.NONE, RunGate.NONE);
        assertThat(state).doesNotExist();
        assertThat(tmp.resolve("out/postings.csv")).exists();

        ReportRun.Result kept = ReportRun.fromFile(Fixtures.path(Fixtures.BASIC).toString(),
                new ReportRun.Options(Filters.NONE, false, new StateDir(state, true)), tmp.resolve("out2"),
                Progress.NONE, RunGate.NONE);
        assertThat(state.resolve("CURRENT")).exists();
        assertThat(kept.latest().store().kept()).isTrue();
        assertThat(Files.readString(tmp.resolve("out2/quadrants.csv")))
                .isEqualTo(Files.readString(tmp.resolve("out/quadrants.csv")));
    }
}
