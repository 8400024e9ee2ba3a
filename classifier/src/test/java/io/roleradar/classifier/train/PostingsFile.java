package io.roleradar.classifier.train;

import io.roleradar.model.InvalidMessageException;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw postings from a JSON Lines file (one {@code RawPosting} per line, as ingest and
 * {@code classify} read them), by id, for the training tools. An unreadable line is kept as a
 * problem with its line number, not a crash.
 */
public final class PostingsFile {
    private PostingsFile() {
    }

    /** What was read: the postings by id and the lines that could not be read. */
    public record Result(Map<String, RawPosting> postings, List<String> problems) {
    }

    public static Result read(Path jsonl) throws IOException {
        Map<String, RawPosting> postings = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    RawPosting p = PostingJson.readRaw(line);
                    postings.putIfAbsent(p.id(), p);
                } catch (InvalidMessageException e) {
                    problems.add("line " + n + ": " + e.reason() + ": " + e.getMessage());
                }
            }
        }
        return new Result(postings, problems);
    }
}
