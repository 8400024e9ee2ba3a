package io.roleradar.ingest;

import io.roleradar.ingest.parse.Rejected;
import io.roleradar.model.PostingJson;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rejects of every run, appended as JSON Lines ({@code at}, {@code source}, {@code kind},
 * {@code reason}), so a scheduled ingest keeps a durable record of what it could not read and why,
 * beyond the console summary. The bad input itself stays where it is (its file or URL).
 */
public final class RejectsFile {
    private RejectsFile() {
    }

    public static void append(Path file, List<Rejected> rejects, Instant at) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (Rejected r : rejects) {
                Map<String, String> line = new LinkedHashMap<>();
                line.put("at", at.toString());
                line.put("source", r.source());
                line.put("kind", r.kind());
                line.put("reason", r.reason());
                out.write(PostingJson.writeLine(line));
                out.newLine();
            }
        }
    }
}
