package io.roleradar.ingest.parse;

import io.roleradar.ingest.Fixtures;
import io.roleradar.ingest.PostingSources;
import io.roleradar.ingest.ReadResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JobPageMainTextTest {
    @Test
    void aJobPostingWithoutADescriptionTakesThePagesMainText() {
        ReadResult r = PostingSources.withDefaults().read(List.of(Fixtures.file("page-jsonld-no-description.html")));
        assertThat(r.rejected()).isEmpty();
        assertThat(r.postings()).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo("Senior ML Engineer, Ranking");
            assertThat(p.postedAt()).hasToString("2026-11-20");
            assertThat(p.description()).contains("learning-to-rank models", "- Train and ship gradient-boosted")
                    .doesNotContain("Cookie settings", "All jobs at Fabrikam");
        });
    }
}
