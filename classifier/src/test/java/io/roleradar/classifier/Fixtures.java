package io.roleradar.classifier;

import io.roleradar.model.RawPosting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The hand-written fixture postings in {@code src/test/resources/postings}: a header of
 * {@code title:} and {@code department:} lines, a {@code ---} line, then the description.
 */
public final class Fixtures {
    public static final List<String> ALL = List.of("inference-platform", "search-ranking", "product-data-scientist",
            "solutions-engineer", "ai-tutor", "bi-analyst", "vision-intern", "ml-platform-manager", "speech-research",
            "fraud-data-scientist");

    private Fixtures() {
    }

    public static RawPosting posting(String name) {
        String text = read("/postings/" + name + ".txt");
        int split = text.indexOf("\n---\n");
        if (split < 0) {
            throw new IllegalArgumentException("fixture " + name + " lacks the --- line between header and description");
        }
        String title = null;
        String department = null;
        for (String line : text.substring(0, split).split("\n")) {
            if (line.startsWith("title:")) {
                title = line.substring(6).strip();
            } else if (line.startsWith("department:")) {
                department = line.substring(11).strip();
            }
        }
        return RawPosting.builder().id("fixture:" + name).source("fixture").company("Example Co").title(title)
                .department(department).description(text.substring(split + 5)).build();
    }

    public static List<RawPosting> all() {
        return ALL.stream().map(Fixtures::posting).toList();
    }

    static String read(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
