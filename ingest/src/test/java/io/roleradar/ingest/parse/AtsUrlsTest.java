package io.roleradar.ingest.parse;

import org.junit.jupiter.api.Test;

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
    void aBoardWithASpaceKeepsItsEncodedFormInIdsAndItsDecodedOneForDisplay() {
        // The API's URL, the saved file's name and the short form all write it encoded.
        assertThat(AtsUrls.board("https://jobs.ashbyhq.com/Forward%20Financing/d0811aaf")).isEqualTo("forward%20financing");
        assertThat(AtsUrls.boardAsWritten("https://jobs.ashbyhq.com/Forward%20Financing/d0811aaf"))
                .isEqualTo("Forward Financing");
    }
}
