package io.roleradar.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import static org.assertj.core.api.Assertions.assertThat;

class OutputFileTest {
    @Test
    void aCommittedFileReplacesTheEarlierOneAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.jsonl");
        Files.writeString(target, "earlier\n");
        try (OutputFile out = OutputFile.open(target)) {
            out.stream().write("new\n".getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
        assertThat(Files.readString(target)).isEqualTo("new\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFileClosedWithoutACommitLeavesTheEarlierOneUntouched(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.jsonl");
        Files.writeString(target, "earlier\n");
        try (OutputFile out = OutputFile.open(target)) {
            out.stream().write("half".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.readString(target)).isEqualTo("earlier\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void anAppendingFileIsAddedToTheEarlierOneOnCommitAndAddsNothingWithout(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("rejects.jsonl");
        Files.writeString(target, "earlier\n");
        try (OutputFile out = OutputFile.appendingTo(target)) {
            out.stream().write("stopped\n".getBytes(StandardCharsets.UTF_8));
        }
        try (OutputFile out = OutputFile.appendingTo(target)) {
            out.stream().write("new\n".getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
        assertThat(Files.readString(target)).isEqualTo("earlier\nnew\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void anAppendingFileIsCreatedWithItsFolderWhenMissing(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("state/rejects.jsonl");
        try (OutputFile out = OutputFile.appendingTo(target)) {
            out.stream().write("first\n".getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
        assertThat(Files.readString(target)).isEqualTo("first\n");
    }

    @Test
    void theFileIsReadableByOthersAsTheUmaskAllowsNotPrivate(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.jsonl");
        try (OutputFile out = OutputFile.open(target)) {
            out.commit();
        }
        if (Files.getFileStore(target).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(target)).contains(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE);
            // 0600 would be what Files.createTempFile gives; a plain new file follows the umask.
            Path plain = Files.createFile(dir.resolve("plain"));
            assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
        }
    }
}
