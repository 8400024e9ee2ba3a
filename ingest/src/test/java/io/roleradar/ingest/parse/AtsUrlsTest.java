package io.roleradar.ingest.parse;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class AtsUrlsTest {
    @Test
    void theBoardIsTheFirstPathSegmentOrTheEmbedParameter() {
        assertThat(AtsUrls.boardAsWritten("https://jobs.ashbyhq.com/Lightfield/123")).isEqualTo("Lightfield");
        assertThat(AtsUrls.board("https://job-boards.greenhouse.io/anthropic/jobs/1")).isEqualTo("anthropic");
        assertThat(AtsUrls.board("https://boards.greenhouse.io/embed/job_app?for=stripe&token=1")).isEqualTo("stripe");
        assertThat(AtsUrls.board("https://api.lever.co/v0/postings/spotify")).isEqualTo("postings");
        assertThat(AtsUrls.board("not a url")).isNull();
    }

    @Test
    void aBoardRememberedFromTheLastUrlIsTheOneAFreshParseGives() {
        List<String> starts = List.of("https://jobs.ashbyhq.com/acme/", "https://jobs.ashbyhq.com/Acme/", "https://jobs.ashbyhq.com/",
                "https://jobs.ashbyhq.com/embed/", "https://jobs.ashbyhq.com:8443/acme/", "http://jobs.ashbyhq.com/acme/",
                "https://other.example/acme/", " https://jobs.ashbyhq.com/acme/", "https://jobs.ashbyhq.com/acme");
        List<String> rests = List.of("", "8481df25-44f3-4a9b-b3ce-ec244276db31", "x/application", "x?for=beta", "x#top", "x y",
                "%20", "../other", "/", "x/", "caf\u00e9", "x:y", "~z");
        Random random = new Random(3);
        AtsUrls.Boards boards = new AtsUrls.Boards();
        for (int n = 0; n < 20_000; n++) {
            String url = starts.get(random.nextInt(starts.size())) + rests.get(random.nextInt(rests.size()));
            assertThat(boards.boardAsWritten(url)).as(url).isEqualTo(AtsUrls.boardAsWritten(url));
        }
        assertThat(boards.boardAsWritten(null)).isNull();
    }
}
