package io.roleradar.app.devset;

import io.roleradar.cli.OutputFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Fetches the dev set's postings from their public source at the pinned commits into a data
 * folder laid out as {@code ../shared/data}, and checks each file's SHA-256 against the committed
 * list, so anyone with a clone can reproduce the quality figures. A file already there with the
 * right digest is kept; a download with the wrong digest is not kept (it would measure other
 * postings). Files appear only whole (written under a temporary name, then moved).
 */
public final class PostingsFetcher {
    /** Where GitHub serves a repository's files at a commit: BASE/OWNER/REPO/COMMIT/PATH. */
    public static final String GITHUB_RAW = "https://raw.githubusercontent.com";

    private final HttpClient http;
    private final String base;
    private final PrintStream progress;

    /** @param base the server holding OWNER/REPO/COMMIT/PATH, {@link #GITHUB_RAW} or a mirror (a test server) */
    public PostingsFetcher(String base, PrintStream progress) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.base = base;
        this.progress = progress;
    }

    /** What became of each file. */
    public record Outcome(int fetched, int kept, List<String> failures) {
        public boolean ok() {
            return failures.isEmpty();
        }
    }

    /** Fetches every file of {@code files} missing (or wrong) under {@code dataDir}. */
    public Outcome fetch(PostingsFiles files, Path dataDir) throws InterruptedException {
        int fetched = 0;
        int kept = 0;
        List<String> failures = new ArrayList<>();
        for (PostingsFiles.Entry entry : files.entries()) {
            Path target = dataDir.resolve(entry.file()).normalize();
            if (!target.startsWith(dataDir.normalize())) {
                failures.add(entry.file() + ": not a path inside the data folder");
                continue;
            }
            try {
                if (Files.isRegularFile(target) && sha256(target).equals(entry.sha256())) {
                    kept++;
                    continue;
                }
                String url = entry.url(base);
                String problem = download(url, target, entry.sha256());
                if (problem == null) {
                    fetched++;
                    progress.println("fetched " + entry.file());
                } else {
                    failures.add(entry.file() + " from " + url + ": " + problem);
                }
            } catch (IOException e) {
                failures.add(entry.file() + ": " + e.getMessage());
            }
        }
        return new Outcome(fetched, kept, List.copyOf(failures));
    }

    /** Null when the file arrived whole with the expected digest; else what went wrong. */
    private String download(String url, Path target, String expected) throws IOException, InterruptedException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            return "cannot connect (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                return "HTTP " + response.statusCode();
            }
            MessageDigest sha = sha();
            try (OutputFile out = OutputFile.open(target);
                 DigestInputStream in = new DigestInputStream(body, sha)) {
                in.transferTo(out.stream());
                String actual = HexFormat.of().formatHex(sha.digest());
                if (!actual.equals(expected)) {
                    return "SHA-256 " + actual + ", expected " + expected + " (not kept)";
                }
                out.commit();
            }
        }
        return null;
    }

    /** The SHA-256 of a file, in lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest sha = sha();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
