package io.roleradar.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ScratchFolderTest {
    @Test
    void closingDeletesTheFolderWithEverythingInIt() throws Exception {
        Path folder;
        try (ScratchFolder scratch = ScratchFolder.create("roleradar-test")) {
            folder = scratch.path();
            Files.writeString(Files.createDirectories(folder.resolve("postings.raw")).resolve("CURRENT"), "x");
            assertThat(folder).isDirectory();
        }
        assertThat(folder).doesNotExist();
    }
}
