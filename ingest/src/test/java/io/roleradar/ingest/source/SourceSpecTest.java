package io.roleradar.ingest.source;

import io.roleradar.ingest.parse.CanonicalUrls;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceSpecTest {
    @Test
    void shortFormsMapToTheDocumentedApiUrls() {
        assertThat(SourceSpec.parse("greenhouse:anthropic").url()).hasToString("https://boards-api.greenhouse.io/v1/boards/anthropic/jobs?content=true");
        assertThat(SourceSpec.parse("lever:spotify").url()).hasToString("https://api.lever.co/v0/postings/spotify?mode=json");
        SourceSpec ashby = SourceSpec.parse("ashby:Cohere");
        assertThat(ashby.url()).hasToString("https://api.ashbyhq.com/posting-api/job-board/Cohere?includeCompensation=true");
        assertThat(ashby.board()).isEqualTo("cohere");
        assertThat(ashby.api()).isTrue();
    }

    @Test
    void apiUrlsAreRecognisedAndPagesAreNot() {
        assertThat(SourceSpec.parse("https://api.lever.co/v0/postings/spotify?mode=json").board()).isEqualTo("spotify");
        SourceSpec page = SourceSpec.parse("https://boards.greenhouse.io/hellofresh/jobs/6148250");
        assertThat(page.api()).isFalse();
        assertThat(page.board()).isNull();
    }

    @Test
    void anApiBaseMovesABoardToAnotherHostUnderTheRealPath() {
        ApiBases bases = ApiBases.parse(
                java.util.List.of("ashby=http://127.0.0.1:8080/", "LEVER=https://mirror.example/lever"), "--api-base");
        assertThat(SourceSpec.parse("ashby:Cohere").under(bases).url())
                .hasToString("http://127.0.0.1:8080/posting-api/job-board/Cohere?includeCompensation=true");
        assertThat(SourceSpec.parse("lever:spotify").under(bases).url())
                .hasToString("https://mirror.example/lever/v0/postings/spotify?mode=json");
        SourceSpec greenhouse = SourceSpec.parse("greenhouse:anthropic", "Anthropic").under(bases);
        assertThat(greenhouse.url()).hasToString("https://boards-api.greenhouse.io/v1/boards/anthropic/jobs?content=true");
        assertThat(greenhouse.company()).isEqualTo("Anthropic");
        assertThat(SourceSpec.parse("ashby:Cohere").under(bases).board()).isEqualTo("cohere");
        assertThat(SourceSpec.parse("data/jobs.csv").under(bases).path()).hasToString("data/jobs.csv");
    }

    @Test
    void aBadApiBaseIsRefusedNamingTheFlag() {
        assertThatThrownBy(() -> ApiBases.parse(java.util.List.of("workday=http://x"), "--api-base"))
                .hasMessageContaining("--api-base", "ATS one of");
        assertThatThrownBy(() -> ApiBases.parse(java.util.List.of("ashby=ftp://x"), "--api-base"))
                .hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> ApiBases.parse(java.util.List.of("ashby"), "--api-base"))
                .hasMessageContaining("ATS=URL");
    }

    @Test
    void otherSchemesAreRefusedAndEverythingElseIsAPath() {
        assertThatThrownBy(() -> SourceSpec.parse("file:///etc/passwd")).hasMessageContaining("only http and https");
        assertThatThrownBy(() -> SourceSpec.parse(" ")).hasMessageContaining("blank");
        assertThat(SourceSpec.parse("data/jobs.csv").path()).hasToString("data/jobs.csv");
    }

    @Test
    void canonicalUrlsDropTrackingFragmentsAndDefaultPortsAndUseHttps() {
        assertThat(CanonicalUrls.canonical("http://Job-Boards.greenhouse.io:80/synthesia/jobs/45?utm_source=x&gh_src=y&gh_jid=45#apply"))
                .isEqualTo("https://job-boards.greenhouse.io/synthesia/jobs/45?gh_jid=45");
        assertThat(CanonicalUrls.canonical("mailto:a@b.c")).isNull();
    }
}
