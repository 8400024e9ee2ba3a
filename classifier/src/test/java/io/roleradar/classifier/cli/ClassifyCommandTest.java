package io.roleradar.classifier.cli;

import io.roleradar.model.PostingJson;
import io.roleradar.model.TaggedPosting;
import io.roleradar.testkit.SchemaValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
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
}
