package io.roleradar.reporter;

import io.roleradar.reporter.aggregate.LatestPostings;
import io.roleradar.reporter.input.JsonLinesReader;
import io.roleradar.reporter.input.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The hand-written fixture files of tagged postings in {@code src/test/resources/fixtures}. */
public final class Fixtures {
    /** Six postings (five ML), one of them tagged twice; the numbers in the tests follow from it. */
    public static final String BASIC = "tagged-basic.jsonl";
    /** Titles and companies carrying markup and spreadsheet formulas. */
    public static final String HOSTILE = "tagged-hostile.jsonl";
    /**
     * Seven postings (six ML), four of the ML ones describing their hiring process
     * ({@code tags.interviewProcess}); the numbers in the tests follow from it.
     */
    public static final String PROCESS = "tagged-process.jsonl";
    /** Two good lines around unreadable ones (truncated, future version, unknown enum, missing title). */
    public static final String UNREADABLE = "tagged-unreadable.jsonl";

    private Fixtures() {
    }

    public static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> lines(String name) {
        try {
            return Files.readAllLines(path(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LatestPostings read(String name) {
        LatestPostings latest = new LatestPostings();
        try {
            JsonLinesReader.read(path(name).toString(), latest, Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return latest;
    }
}
