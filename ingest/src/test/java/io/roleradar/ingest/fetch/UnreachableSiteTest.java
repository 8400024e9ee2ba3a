package io.roleradar.ingest.fetch;

import io.roleradar.ingest.parse.Rejected;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class UnreachableSiteTest {
    private final HttpFetcher fetcher = new HttpFetcher(HttpSettings.defaults().withMaxAttempts(1)
            .withMinInterval(Duration.ZERO), (kind, took) -> { });

    @Test
    void aPageOfASiteThatCannotBeReachedIsUnreachableNotDisallowedByItsRobotsTxt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }

        FetchOutcome outcome = fetcher.get(URI.create("http://127.0.0.1:" + port + "/jobs/1"), true);

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(Rejected.UNREACHABLE);
            assertThat(failed.reason()).containsAnyOf("connection refused", "connection was refused")
                    .doesNotContain("disallows").doesNotContain("Exception");
        });
    }

    @Test
    void anUnknownHostIsNamedInWordsNotAsAnExceptionClass() throws Exception {
        FetchOutcome outcome = fetcher.get(URI.create("https://no-such-host.invalid/v1/boards/x/jobs"), false);

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class, failed ->
                assertThat(failed.reason()).contains("could not be resolved").doesNotContain("Exception"));
    }
}
