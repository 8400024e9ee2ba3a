package io.roleradar.reporter;

import io.roleradar.reporter.aggregate.FactsStore;
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
    /**
     * Five ML postings of which three are one role of Orbit posted in San Francisco, London and
     * Berlin (texts differing in the city line, a German vacation sentence and the requisition
     * number), one is another Orbit role sharing only the boilerplate, and one is Nova's copy of
     * Orbit's first text (another company: never the same role).
     */
    public static final String NEAR_DUPLICATES = "tagged-near-duplicates.jsonl";
    /**
     * A whole-board run of Delta (greenhouse:delta): eight ML postings, all open, and one office
     * manager; pay, work modes and places as {@code MarketFilesTest} works them out.
     */
    public static final String SNAPSHOT_1 = "snapshot-1.jsonl";
    /** The next week's run of the same board: postings 1, 2, 3, 5 and 7 closed on 2026-11-30. */
    public static final String SNAPSHOT_2 = "snapshot-2.jsonl";
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
        LatestPostings latest = new LatestPostings(FactsStore.temporary(false));
        try {
            JsonLinesReader.read(path(name).toString(), latest, Progress.NONE, () -> false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return latest;
    }
}
