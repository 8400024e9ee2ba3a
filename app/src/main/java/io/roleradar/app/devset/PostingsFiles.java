package io.roleradar.app.devset;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files the dev set's labelled postings come from ({@value #FILE} in the checkout): each with
 * its place under the data folder, its SHA-256, and the public repository, commit and path it was
 * copied from byte for byte.
 */
public record PostingsFiles(List<Entry> entries) {
    public static final String FILE = "devset/postings-files.csv";

    /** One file: {@code file} under the data folder, its digest, and where it comes from. */
    public record Entry(String file, String sha256, String repository, String commit, String path) {
        /** Its address under {@code base}, e.g. https://raw.githubusercontent.com/OWNER/REPO/COMMIT/PATH. */
        public String url(String base) {
            String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            return b + "/" + repository + "/" + commit + "/" + encodePath(path);
        }

        private static String encodePath(String path) {
            StringBuilder out = new StringBuilder();
            for (String segment : path.split("/")) {
                if (out.length() > 0) {
                    out.append('/');
                }
                out.append(java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
            }
            return out.toString();
        }
    }

    /**
     * Reads the list.
     *
     * @throws IllegalArgumentException naming the line when a row lacks a field
     */
    public static PostingsFiles read(Path csv) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setCommentMarker('#').build().parse(in)) {
                if (!r.isConsistent()) {
                    throw new IllegalArgumentException(csv + " line " + r.getRecordNumber()
                            + ": expected file,sha256,repository,commit,path");
                }
                entries.add(new Entry(r.get("file"), r.get("sha256"), r.get("repository"), r.get("commit"), r.get("path")));
            }
        }
        return new PostingsFiles(List.copyOf(entries));
    }
}
