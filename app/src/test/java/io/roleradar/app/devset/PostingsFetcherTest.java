package io.roleradar.app.devset;

import com.sun.net.httpserver.HttpServer;
import io.roleradar.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev set can be rebuilt from a clone: the committed list of its files matches ../shared/data
 * byte for byte, and the fetcher builds each file's address at its pinned commit and keeps only
 * files with the listed digest. Never on the network: a local HTTP server stands for GitHub.
 */
class PostingsFetcherTest {
    private static final Path LIST = Path.of(System.getProperty("roleradar.project.root", ".."))
            .toAbsolutePath().normalize().resolve(PostingsFiles.FILE);

    @Test
    void theChecksumListMatchesEveryFileOfTheSharedData() throws Exception {
        Path data = SharedData.root();
        PostingsFiles files = PostingsFiles.read(LIST);

        assertThat(files.entries()).hasSizeGreaterThan(200);
        for (PostingsFiles.Entry e : files.entries()) {
            Path file = data.resolve(e.file());
            assertThat(file).as(e.file()).exists();
            assertThat(PostingsFetcher.sha256(file)).as(e.file()).isEqualTo(e.sha256());
        }
    }

    @Test
    void everyLabelledSourceFolderIsInTheList() throws Exception {
        PostingsFiles files = PostingsFiles.read(LIST);
        assertThat(files.entries()).extracting(PostingsFiles.Entry::file)
                .anyMatch(f -> f.startsWith("ashby-boards/")).anyMatch(f -> f.startsWith("ashby-boards-more/"))
                .contains("csv/glassdoor_jobs.csv");
    }

    @Test
    void eachFileIsAddressedAtItsRepositoryAndPinnedCommit() throws Exception {
        PostingsFiles files = PostingsFiles.read(LIST);
        PostingsFiles.Entry glassdoor = files.entries().stream().filter(e -> e.file().equals("csv/glassdoor_jobs.csv"))
                .findFirst().orElseThrow();

        assertThat(glassdoor.url(PostingsFetcher.GITHUB_RAW)).isEqualTo("https://raw.githubusercontent.com/"
                + "PlayingNumbers/ds_salary_proj/c8ab2c5629a4ba02809a708346fe826b50908c1f/glassdoor_jobs.csv");
        PostingsFiles.Entry ashby = files.entries().stream().filter(e -> e.file().startsWith("ashby-boards/")).findFirst()
                .orElseThrow();
        assertThat(ashby.url(PostingsFetcher.GITHUB_RAW + "/")).startsWith("https://raw.githubusercontent.com/"
                + "stapply-ai/ats-scrapers/43ece6fd3ab4398cda575f0483fd49ea5c58eccb/ashby/companies/");
        assertThat(new PostingsFiles.Entry("a/b c.json", "x", "o/r", "c", "dir/b c.json").url("http://h"))
                .isEqualTo("http://h/o/r/c/dir/b%20c.json");
    }

    @Test
    void theFetcherDownloadsChecksAndKeepsOnlyFilesWithTheListedDigest(@TempDir Path dir) throws Exception {
        Path data = SharedData.root();
        List<PostingsFiles.Entry> some = new ArrayList<>(PostingsFiles.read(LIST).entries().subList(0, 3));
        PostingsFiles.Entry good = some.get(0);
        PostingsFiles.Entry tampered = some.get(1);
        PostingsFiles.Entry absent = some.get(2);
        Map<String, byte[]> served = new ConcurrentHashMap<>();
        served.put("/" + good.repository() + "/" + good.commit() + "/" + good.path(), Files.readAllBytes(data.resolve(good.file())));
        served.put("/" + tampered.repository() + "/" + tampered.commit() + "/" + tampered.path(), "{\"jobs\": []}".getBytes());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path into = dir.resolve("data");
            PostingsFetcher fetcher = new PostingsFetcher(base, new PrintStream(new ByteArrayOutputStream()));

            PostingsFetcher.Outcome first = fetcher.fetch(new PostingsFiles(some), into);

            assertThat(first.fetched()).isEqualTo(1);
            assertThat(Files.readAllBytes(into.resolve(good.file()))).isEqualTo(Files.readAllBytes(data.resolve(good.file())));
            assertThat(into.resolve(tampered.file())).doesNotExist();
            assertThat(into.resolve(absent.file())).doesNotExist();
            assertThat(first.failures()).hasSize(2);
            assertThat(first.failures().get(0)).contains(tampered.file()).contains("SHA-256").contains("not kept");
            assertThat(first.failures().get(1)).contains(absent.file()).contains("HTTP 404");
            try (var files = Files.list(into.resolve(good.file()).getParent())) {
                assertThat(files).containsExactly(into.resolve(good.file()));
            }

            PostingsFetcher.Outcome again = fetcher.fetch(new PostingsFiles(List.of(good)), into);
            assertThat(again.kept()).isEqualTo(1);
            assertThat(again.fetched()).isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aServerThatIsNotThereIsTriedOnceAndIsOneFailureNamingItAndTheFilesLeftNotOnePerFile(@TempDir Path dir)
            throws IOException, InterruptedException {
        PostingsFiles three = new PostingsFiles(List.of(new PostingsFiles.Entry("csv/x.csv", "00", "o/r", "c", "x.csv"),
                new PostingsFiles.Entry("csv/y.csv", "00", "o/r", "c", "y.csv"),
                new PostingsFiles.Entry("csv/z.csv", "00", "o/r", "c", "z.csv")));

        PostingsFetcher.Outcome outcome = new PostingsFetcher("http://127.0.0.1:1",
                new PrintStream(new ByteArrayOutputStream())).fetch(three, dir);

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.failed()).isEqualTo(3);
        assertThat(outcome.failures()).singleElement().asString()
                .startsWith("127.0.0.1:1 unreachable: 3 files not fetched (cannot connect: ConnectException");
    }
}
