package io.roleradar.classifier.cli;

import io.roleradar.model.PostingJson;
import io.roleradar.model.TaggedPosting;
import io.roleradar.testkit.SchemaValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifyCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(byte[] stdin, String... args) {
        ClassifyCommand command = new ClassifyCommand(new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> false);
        return new CommandLine(command).execute(args);
    }

    private static Path resource(String name) throws Exception {
        return Path.of(ClassifyCommandTest.class.getResource(name).toURI());
    }

    @Test
    void tagsEachReadableLineInInputOrderAndReportsTheOthersWithLineNumbers(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("tagged.jsonl");
        Path rejects = dir.resolve("rejects.jsonl");
        int exit = run(new byte[0], "--input", resource("/jsonl/mixed.jsonl").toString(), "--output", output.toString(),
                "--rejects", rejects.toString());

        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(3);
        List<String> ids = lines.stream().map(l -> {
            try {
                return PostingJson.readTagged(l).id();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertThat(ids).containsExactly("t-1", "t-2", "t-3");
        lines.forEach(l -> assertThat(SchemaValidator.taggedPostingErrors(l)).isEmpty());
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(stderr).contains("line 2: MALFORMED_JSON", "line 4: UNSUPPORTED_SCHEMA_VERSION",
                "3 tagged, 2 rejected");
        assertThat(Files.readAllLines(rejects)).hasSize(2).first().asString().startsWith("{\"id\": \"broken\"");
    }

    @Test
    void theRejectsFileIsAppendedToRunAfterRunAsIngestsIs(@TempDir Path dir) throws Exception {
        Path rejects = Files.writeString(dir.resolve("rejects.jsonl"), "earlier\n");
        String mixed = resource("/jsonl/mixed.jsonl").toString();

        assertThat(run(new byte[0], "-i", mixed, "-o", dir.resolve("a.jsonl").toString(), "--rejects", rejects.toString()))
                .isZero();
        assertThat(run(new byte[0], "-i", mixed, "-o", dir.resolve("b.jsonl").toString(), "--rejects", rejects.toString()))
                .isZero();

        List<String> lines = Files.readAllLines(rejects);
        assertThat(lines).hasSize(5).first().isEqualTo("earlier");
        assertThat(lines.get(1)).isEqualTo(lines.get(3)).startsWith("{\"id\": \"broken\"");
    }

    @Test
    void readsStdinAndWritesStdoutWithDashes() throws Exception {
        byte[] input = Files.readAllBytes(resource("/jsonl/mixed.jsonl"));
        assertThat(run(input, "--input", "-", "--output", "-")).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(3);
        TaggedPosting first = PostingJson.readTagged(lines[0]);
        assertThat(first.tags().mlRole()).isTrue();
        assertThat(PostingJson.readTagged(lines[1]).tags().mlRole()).isFalse();
    }

    @Test
    void failsWhenNothingCouldBeRead() throws Exception {
        assertThat(run(new byte[0], "--input", resource("/jsonl/all-bad.jsonl").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 1: MALFORMED_JSON", "line 2: MISSING_FIELD");
    }

    @Test
    void refusesAMissingInputOrABrokenTaxonomyAsUsageErrors(@TempDir Path dir) throws Exception {
        assertThat(run(new byte[0], "--input", dir.resolve("nope.jsonl").toString())).isEqualTo(2);
        assertThat(run(new byte[0], "--taxonomy", resource("/taxonomy/broken.json").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read --input", "is not valid");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ashby-board.json,      is an Ashby board response, ingest it first",
            "greenhouse-board.json, is a Greenhouse board response, ingest it first",
            "lever-board.json,      is a Lever board response, ingest it first",
            "postings.csv,          is a CSV file, ingest it first",
            "tagged.jsonl,          holds tagged postings, reporter run --input",
            "raw.jsonl.gz,          is gzip-compressed, gunzip -c",
            "logo.png,              is binary data, one JSON object per line"})
    void theWrongKindOfInputIsOneLineNamingWhatItIsAndWhichCommandReadsIt(String file, String what, String next,
                                                                            @TempDir Path dir) throws Exception {
        Path output = dir.resolve("tagged.jsonl");

        int exit = run(new byte[0], "--input", resource("/wrong-kind/" + file).toString(), "--output", output.toString());

        assertThat(exit).isEqualTo(2);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(stderr.lines()).hasSize(1);
        assertThat(stderr).contains(what).contains(next).doesNotContain("line 1").doesNotContain("Exception");
        assertThat(output).doesNotExist();
    }

    @Test
    void aLineThatIsNotUtf8IsRejectedAloneWithItsNumberAndKeptAsItWasWhileTheOthersAreTagged(@TempDir Path dir)
            throws Exception {
        Path input = resource("/jsonl/invalid-utf8.jsonl");
        Path output = dir.resolve("tagged.jsonl");
        Path rejects = dir.resolve("rejects.jsonl");

        int exit = run(new byte[0], "-i", input.toString(), "-o", output.toString(), "--rejects", rejects.toString());

        assertThat(exit).isZero();
        assertThat(ids(Files.readAllLines(output))).containsExactly("u-1", "u-3");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 2: not valid UTF-8 text", "2 tagged, 1 rejected");
        byte[] secondLine = Files.readAllLines(input, StandardCharsets.ISO_8859_1).get(1)
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Files.readAllBytes(rejects)).startsWith(secondLine).hasSize(secondLine.length + 1);
    }

    @Test
    void aLineThatIsNotUtf8PipedToStdinIsRejectedTooNotTaggedWithAReplacementCharacter() throws Exception {
        assertThat(run(Files.readAllBytes(resource("/jsonl/invalid-utf8.jsonl")))).isZero();

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(ids(stdout.lines().toList())).containsExactly("u-1", "u-3");
        assertThat(stdout).doesNotContain("\uFFFD");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 2: not valid UTF-8 text");
    }

    @Test
    void aCompressedInputOnStdinIsNamedWithTheWayToDecompressIt() throws Exception {
        assertThat(run(Files.readAllBytes(resource("/wrong-kind/raw.jsonl.gz")))).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .isEqualTo("roleradar classify: stdin is gzip-compressed: decompress it first "
                        + "('... | gunzip | roleradar classify')");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aFieldOfTheWrongTypeIsRejectedNamingTheFieldInPlainWords() {
        String lines = "{\"id\": \"a\", \"title\": 123, \"description\": \"Train models\"}\n"
                + "{\"id\": \"b\", \"title\": \"ML Engineer\", \"description\": \"Train models\"}\n";

        assertThat(run(lines.getBytes(StandardCharsets.UTF_8))).isZero();

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("roleradar classify: line 1: INVALID_FIELD: title must be a string, got a number\n")
                .doesNotContain("java.lang").doesNotContain("Coercion");
    }

    @Test
    void aJsonArrayOfRawPostingsIsReadElementByElementRejectingABadOneByItsNumberAndLine(@TempDir Path dir)
            throws Exception {
        Path output = dir.resolve("tagged.jsonl");
        Path rejects = dir.resolve("rejects.jsonl");

        int exit = run(new byte[0], "-i", resource("/jsonl/array.json").toString(), "-o", output.toString(),
                "--rejects", rejects.toString());

        assertThat(exit).isZero();
        assertThat(ids(Files.readAllLines(output))).containsExactly("a-1", "a-3");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("roleradar classify: element 2 (line 7): MISSING_FIELD: required field 'description'")
                .contains("2 tagged, 1 rejected");
        assertThat(Files.readAllLines(rejects)).containsExactly("{\"id\":\"a-2\",\"title\":\"Account Executive\"}");
    }

    @Test
    void aJsonArrayOnOneLinePipedToStdinIsReadToo() {
        String array = "[{\"id\": \"b-1\", \"title\": \"ML Engineer\", \"description\": \"Train models\"},"
                + " {\"id\": \"b-2\", \"title\": 5, \"description\": \"x\"}]\n";

        assertThat(run(array.getBytes(StandardCharsets.UTF_8))).isZero();

        assertThat(ids(out.toString(StandardCharsets.UTF_8).lines().toList())).containsExactly("b-1");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("element 2 (line 1): INVALID_FIELD: title must be a string, got a number");
    }

    @Test
    void aBrokenJsonArrayFailsInOneLineNamingWhereAndLeavesTheEarlierOutput(@TempDir Path dir) throws Exception {
        Path output = Files.writeString(dir.resolve("tagged.jsonl"), "earlier\n");
        String broken = "[{\"id\": \"c-1\", \"title\": \"ML Engineer\", \"description\": \"Train models\"},\n"
                + " {\"id\": \"c-2\", \"title\": }]\n";

        assertThat(run(broken.getBytes(StandardCharsets.UTF_8), "-o", output.toString())).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .startsWith("roleradar classify: stdin is not a whole JSON array: in element 2, at line 2, column ")
                .contains("not valid JSON").endsWith(output + " left as it was");
        assertThat(Files.readString(output)).isEqualTo("earlier\n");
    }

    @Test
    void anEmptyJsonArrayIsNothingToRead() {
        assertThat(run("[ ]\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing to read: stdin holds no postings");
    }

    private static List<String> ids(List<String> taggedLines) {
        return taggedLines.stream().map(l -> {
            try {
                return PostingJson.readTagged(l).id();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    @Test
    void anEmptyInputIsNothingToReadAndExitsOne() throws Exception {
        assertThat(run(new byte[0], "--input", resource("/wrong-kind/empty.jsonl").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing to read");
        assertThat(run("\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(1);
    }

    @Test
    void aFailedRunLeavesTheEarlierOutputUntouchedAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("tagged.jsonl");
        Files.writeString(output, "earlier\n");

        assertThat(run(new byte[0], "--input", resource("/jsonl/all-bad.jsonl").toString(),
                "--output", output.toString())).isEqualTo(1);
        assertThat(run(new byte[0], "--input", resource("/wrong-kind/empty.jsonl").toString(),
                "--output", output.toString())).isEqualTo(1);

        assertThat(Files.readString(output)).isEqualTo("earlier\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(output);
        }
    }

    @Test
    void aSuccessfulRunReplacesTheEarlierOutput(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("tagged.jsonl");
        Files.writeString(output, "earlier\n");

        assertThat(run(new byte[0], "-i", resource("/jsonl/mixed.jsonl").toString(), "-o", output.toString())).isZero();

        assertThat(Files.readAllLines(output)).hasSize(3);
    }

    @Test
    void withoutInputOnATerminalItSaysWhatItWantsInsteadOfWaiting() {
        ClassifyCommand command = new ClassifyCommand(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> true);

        assertThat(new CommandLine(command).execute()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1).first().asString()
                .contains("--input FILE").contains("pipe");
    }

    @Test
    void onlyTheFirstTenUnreadableLinesAreShownOneByOne() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            lines.append("{\"title\": \"no id\", \"description\": \"x\"}\n");
        }
        assertThat(run(lines.toString().getBytes(StandardCharsets.UTF_8))).isEqualTo(1);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(stderr).contains("line 10:").doesNotContain("line 11:").contains("and 15 more unreadable lines");
    }
}
