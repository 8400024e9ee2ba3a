package io.roleradar.classifier.eval;

import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.Fixtures;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tags of every posting, evidence included, as they were when {@code golden/tags.sha256} was
 * written: the fixture postings (always) and every posting of the dev set's sources in
 * ../shared/data (skipped where that folder is absent). A change that should not change any output
 * (a faster scan, a refactoring) keeps this test green; a change that should (a new taxonomy, a new
 * rule) rewrites the file on purpose:
 * <pre>mvn -o -pl classifier test -Dtest=GoldenTagsTest -Dgolden.write=true</pre>
 * The file holds, per source, the number of postings and the SHA-256 of their tags as JSON
 * ({@link PostingJson}), one line per posting in id order. When a source differs, its postings'
 * tags are written to {@code target/golden-actual/} for a diff against the same run of the
 * previous commit.
 */
class GoldenTagsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/tags.sha256");
    private static final String FIXTURES = "fixtures";
    private static final String[] PROCESS_FIXTURES = {"assessment-sentence", "boilerplate", "deep-dives", "hiring-process",
            "numbered-steps", "other-headings", "process-sentence", "skills-and-duties"};
    private static final Classifier CLASSIFIER = Classifier.withDefaultTaxonomy();

    @Test
    void theFixturesKeepTheirTags() throws Exception {
        check(Map.of(FIXTURES, fixtures()));
    }

    @Test
    void theDevSetSourcesKeepTheirTags() throws Exception {
        Map<String, RawPosting> postings = DevSetQualityTest.postings(SharedData.resolve("ashby-boards"),
                SharedData.resolve("csv/glassdoor_jobs.csv"));
        Map<String, List<RawPosting>> bySource = new TreeMap<>();
        postings.values().forEach(p -> bySource.computeIfAbsent(p.source(), s -> new ArrayList<>()).add(p));
        check(bySource);
    }

    /** The hand-written postings and the hiring-process descriptions under an ML title. */
    private static List<RawPosting> fixtures() throws IOException {
        List<RawPosting> out = new ArrayList<>(Fixtures.all());
        for (String name : PROCESS_FIXTURES) {
            try (InputStream in = GoldenTagsTest.class.getResourceAsStream("/process/" + name + ".txt")) {
                assertThat(in).as(name).isNotNull();
                out.add(RawPosting.builder().id("process:" + name).source(FIXTURES).title("Machine Learning Engineer")
                        .description(new String(in.readAllBytes(), StandardCharsets.UTF_8)).build());
            }
        }
        return out;
    }

    private static void check(Map<String, List<RawPosting>> bySource) throws Exception {
        Map<String, String> actual = new LinkedHashMap<>();
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (Map.Entry<String, List<RawPosting>> source : bySource.entrySet()) {
            List<RawPosting> postings = new ArrayList<>(source.getValue());
            postings.sort(Comparator.comparing(RawPosting::id));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<String> tagged = new ArrayList<>();
            for (RawPosting p : postings) {
                String line = p.id() + "\t" + PostingJson.writeLine(CLASSIFIER.classify(p));
                sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
                tagged.add(line);
            }
            actual.put(source.getKey(), postings.size() + " " + HexFormat.of().formatHex(sha.digest()));
            lines.put(source.getKey(), tagged);
        }
        Map<String, String> golden = read();
        if (Boolean.getBoolean("golden.write")) {
            golden.putAll(actual);
            write(golden);
            return;
        }
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, String> e : actual.entrySet()) {
            if (!e.getValue().equals(golden.get(e.getKey()))) {
                differ.add(e.getKey());
                Path out = Path.of("target/golden-actual", e.getKey().replaceAll("[^A-Za-z0-9._-]", "_") + ".tsv");
                Files.createDirectories(out.getParent());
                Files.write(out, lines.get(e.getKey()), StandardCharsets.UTF_8);
            }
        }
        assertThat(differ).as("sources whose tags differ from " + GOLDEN + " (taxonomy " + CLASSIFIER.taxonomyVersion()
                + "; their tags are in target/golden-actual/; if the change is meant, rewrite the file with"
                + " -Dgolden.write=true)").isEmpty();
    }

    private static Map<String, String> read() throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isRegularFile(GOLDEN)) {
            return out;
        }
        for (String line : Files.readAllLines(GOLDEN, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.indexOf(' ');
                out.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return out;
    }

    private static void write(Map<String, String> golden) throws IOException {
        List<String> out = new ArrayList<>();
        out.add("# The tags of every posting, by source: postings, SHA-256 of 'id TAB tags-json' lines in id order.");
        out.add("# Taxonomy " + CLASSIFIER.taxonomyVersion() + ". Checked by GoldenTagsTest; rewrite with -Dgolden.write=true.");
        new TreeMap<>(golden).forEach((source, value) -> out.add(source + " " + value));
        Files.createDirectories(GOLDEN.getParent());
        Files.write(GOLDEN, out, StandardCharsets.UTF_8);
    }
}
