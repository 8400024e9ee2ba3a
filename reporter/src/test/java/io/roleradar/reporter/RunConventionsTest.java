package io.roleradar.reporter;

import io.roleradar.cli.ExitCodes;
import io.roleradar.model.PostingJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18's conventions for reporter run: no lost output, one-line failures, the new flag names. */
class RunConventionsTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldErr;
    private Path reports;

    @BeforeEach
    void earlierReports() {
        oldErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        reports = dir.resolve("reports");
        assertThat(ReporterMain.execute("run", "-i", Fixtures.path(Fixtures.BASIC).toString(), "--out-dir",
                reports.toString())).isEqualTo(ExitCodes.OK);
        err.reset();
    }

    @AfterEach
    void restore() {
        System.setErr(oldErr);
    }

    private String snapshotOfReports() throws Exception {
        StringBuilder s = new StringBuilder();
        try (Stream<Path> files = Files.list(reports)) {
            for (Path f : files.sorted().toList()) {
                s.append(f.getFileName()).append('\n').append(Files.readString(f)).append('\n');
            }
        }
        return s.toString();
    }

    private void assertNoTemporaryFolderLeft() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void rawPostingsGivenByMistakeGetOneLineSayingRunClassifyAndLeaveTheReportsUntouched() throws Exception {
        String before = snapshotOfReports();
        Path raw = dir.resolve("raw.jsonl");
        List<String> lines = Fixtures.lines(Fixtures.BASIC).stream()
                .map(l -> PostingJson.tree(l).get("posting").toString()).toList();
        Files.write(raw, lines);

        int code = ReporterMain.execute("run", "--input", raw.toString(), "--out-dir", reports.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message.lines()).hasSize(1);
        assertThat(message).startsWith("roleradar reporter run: these are raw postings, not tagged ones: run classify "
                + "first (roleradar classify --input " + raw + " --output tagged.jsonl)");
        assertThat(snapshotOfReports()).isEqualTo(before);
        assertNoTemporaryFolderLeft();
    }

    /** Runs over an input of the wrong kind: exit 2, one line starting with {@code message}, the reports untouched. */
    private void refusedAsTheWrongKind(Path input, String message) throws Exception {
        String before = snapshotOfReports();

        int code = ReporterMain.execute("run", "--input", input.toString(), "--out-dir", reports.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines()).hasSize(1);
        assertThat(printed).startsWith("roleradar reporter run: " + message).doesNotContain("Exception");
        assertThat(snapshotOfReports()).isEqualTo(before);
        assertNoTemporaryFolderLeft();
    }

    @Test
    void aBoardResponseIsNamedWithTheCommandsThatReadItAndExits2() throws Exception {
        // One line, the shape of ../shared/data/ashby-boards/*.json (the text made up).
        Path board = Path.of(getClass().getResource("/wrong-inputs/ashby-board.json").toURI());
        refusedAsTheWrongKind(board, board + " is an Ashby board response, not tagged postings: ingest it first "
                + "('roleradar ingest run --source " + board + " --output raw.jsonl'), then classify it "
                + "('roleradar classify --input raw.jsonl --output tagged.jsonl')");
    }

    @Test
    void aFolderIsNamedAsAFolderAndExits2() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        refusedAsTheWrongKind(folder, folder + " is a folder, not a file: give --input the one JSON Lines file");
    }

    @Test
    void aCompressedFileIsNamedWithHowToUnpackItAndExits2() throws Exception {
        Path gz = dir.resolve("tagged.jsonl.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(Fixtures.path(Fixtures.BASIC), out);
        }
        refusedAsTheWrongKind(gz, gz + " is gzip-compressed, not JSON Lines: unpack it first, e.g. 'gunzip -c " + gz
                + " | roleradar reporter run --input -'");
    }

    @Test
    void aBinaryFileIsNotTextAndExits2() throws Exception {
        Path binary = dir.resolve("store.sst");
        Files.write(binary, new byte[] {'S', 'S', 'T', 0, 0, 1, (byte) 0xff, (byte) 0xfe, 7});
        refusedAsTheWrongKind(binary, binary + " is not UTF-8 text");
    }

    @Test
    void aBrokenFirstLineDoesNotMakeAFileOfTaggedPostingsTheWrongKind() throws Exception {
        // A line left by a merge, then good postings: counted as unreadable, the rest reported as always.
        Path merged = dir.resolve("merged.jsonl");
        List<String> lines = new java.util.ArrayList<>(List.of("<<<<<<< HEAD, ours"));
        lines.addAll(Fixtures.lines(Fixtures.BASIC));
        Files.write(merged, lines);

        assertThat(ReporterMain.execute("run", "--input", merged.toString(), "--out-dir", dir.resolve("merged")
                .toString())).isEqualTo(ExitCodes.OK);
    }

    @Test
    void anEmptyInputIsNothingToReadAndLeavesTheReportsUntouched() throws Exception {
        String before = snapshotOfReports();
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "\n\n");

        assertThat(ReporterMain.execute("run", "--input", empty.toString(), "--out-dir", reports.toString()))
                .isEqualTo(ExitCodes.FAILED);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing to read");
        assertThat(snapshotOfReports()).isEqualTo(before);
        assertNoTemporaryFolderLeft();
    }

    @Test
    void anUnreadableInputLeavesTheReportsUntouched() throws Exception {
        String before = snapshotOfReports();
        Path junk = dir.resolve("junk.jsonl");
        Files.writeString(junk, "not json\n");

        assertThat(ReporterMain.execute("run", "--input", junk.toString(), "--out-dir", reports.toString()))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(snapshotOfReports()).isEqualTo(before);
    }

    @Test
    void anOutDirUnderAFileIsAUsageErrorSaidInWordsBeforeTheRead() throws Exception {
        // The folder's parent is a file: no report folder can be made there; said before reading, exit 2.
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file, not a folder");
        Path reportsUnder = blocker.resolve("reports");
        assertThat(ReporterMain.execute("run", "--input", Fixtures.path(Fixtures.BASIC).toString(), "--out-dir",
                reportsUnder.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("roleradar reporter run: --out-dir " + reportsUnder
                + " cannot be a folder: " + blocker + " is a file; name a folder (new or not) for the reports"
                + System.lineSeparator());
        assertThat(Files.readString(blocker)).isEqualTo("a file, not a folder");

        err.reset();
        assertThat(ReporterMain.execute("run", "--input", Fixtures.path(Fixtures.BASIC).toString(), "--out-dir",
                blocker.toString())).as("--out-dir naming a file").isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(blocker + " is a file");
        assertNoTemporaryFolderLeft();
    }

    @Test
    void theOldFlagSpellingsStillWorkWithADeprecationNote() {
        Path out = dir.resolve("old");
        int code = ReporterMain.execute("run", "--input", Fixtures.path(Fixtures.BASIC).toString(), "-o", out.toString(),
                "--source", "greenhouse");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(CsvFiles.read(out.resolve("companies.csv"))).extracting(r -> r.get("company")).containsExactly("Acme");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("roleradar reporter run: -o/--out is deprecated, use --out-dir; it will be removed in the next release")
                .contains("roleradar reporter run: --source is deprecated, use --only-source");
    }

    @Test
    void reportFilesGetTheModeOfAPlainlyCreatedFile() throws Exception {
        if (!reports.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            System.out.println("skipped: no POSIX file modes on this file system");
            return;
        }
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(plain);
        try (Stream<Path> files = Files.list(reports)) {
            for (Path f : files.toList()) {
                assertThat(Files.getPosixFilePermissions(f)).as(f.getFileName().toString()).isEqualTo(usual);
            }
        }
        assertThat(usual).contains(PosixFilePermission.OTHERS_READ); // 0644 under the default umask, not 0600
    }
}
