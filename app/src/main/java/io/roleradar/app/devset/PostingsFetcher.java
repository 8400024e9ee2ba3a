package io.roleradar.app.devset;

import io.roleradar.cli.OutputFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fetches the dev set's postings from their public source at the pinned commits into a data
 * folder laid out as {@code ../shared/data}, and checks each file's SHA-256 against the committed
 * list, so anyone with a clone can reproduce the quality figures. A file already there with the
 * right digest is kept; a download with the wrong digest is not kept (it would measure other
 * postings). Files appear only whole (written under a temporary name, then moved). A host that
 * cannot be connected to (offline, a wrong mirror) is tried once: its other files are counted, not
 * tried, and it is one failure, not one per file.
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

    /**
     * What became of each file: {@code failed} files neither fetched nor already there, told by
     * {@code failures}, one line per file that failed alone and one per unreachable host.
     */
    public record Outcome(int fetched, int kept, int failed, List<String> failures) {
        public boolean ok() {
            return failures.isEmpty();
        }
    }

    /** No connection to the host at all: its other files would fail the same way. */
    private static final class Unreachable extends IOException {
        Unreachable(IOException cause) {
            super(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        }
    }

    /** Fetches every file of {@code files} missing (or wrong) under {@code dataDir}. */
    public Outcome fetch(PostingsFiles files, Path dataDir) throws InterruptedException {
        int fetched = 0;
        int kept = 0;
        List<String> failures = new ArrayList<>();
        // By host, in the order found: why it could not be reached, and how many files that left unfetched.
        Map<String, String> unreachable = new LinkedHashMap<>();
        Map<String, Integer> notTried = new LinkedHashMap<>();
        for (PostingsFiles.Entry entry : files.entries()) {
            Path target = dataDir.resolve(entry.file()).normalize();
            if (!target.startsWith(dataDir.normalize())) {
                failures.add(entry.file() + ": not a path inside the data folder");
                continue;
            }
            String url = entry.url(base);
            String host = URI.create(url).getAuthority();
            try {
                if (Files.isRegularFile(target) && sha256(target).equals(entry.sha256())) {
                    kept++;
                    continue;
                }
                if (unreachable.containsKey(host)) {
                    notTried.merge(host, 1, Integer::sum);
                    continue;
                }
                String problem = download(url, target, entry.sha256());
                if (problem == null) {
                    fetched++;
                    progress.println("fetched " + entry.file());
                } else {
                    failures.add(entry.file() + " from " + url + ": " + problem);
                }
            } catch (Unreachable e) {
                unreachable.put(host, e.getMessage());
                notTried.merge(host, 1, Integer::sum);
            } catch (IOException e) {
                failures.add(entry.file() + ": " + e.getMessage());
            }
        }
        int failed = failures.size();
        for (Map.Entry<String, String> host : unreachable.entrySet()) {
            int n = notTried.get(host.getKey());
            failed += n;
            failures.add(host.getKey() + " unreachable: " + n + (n == 1 ? " file" : " files") + " not fetched (cannot "
                    + "connect: " + host.getValue() + ")");
        }
        return new Outcome(fetched, kept, failed, List.copyOf(failures));
    }

    /**
     * Null when the file arrived whole with the expected digest; else what went wrong.
     *
     * @throws Unreachable when no connection to the host could be made
     */
    private String download(String url, Path target, String expected) throws IOException, InterruptedException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new Unreachable(e);
        } catch (IOException e) {
            return "cannot fetch (" + e.getClass().getSimpleName()
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
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
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
