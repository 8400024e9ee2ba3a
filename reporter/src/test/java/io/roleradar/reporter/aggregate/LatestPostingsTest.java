package io.roleradar.reporter.aggregate;

import io.roleradar.reporter.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LatestPostingsTest {

    @Test
    void countsUnreadableRecordsWithTheirReasonAndGoesOn() {
        LatestPostings latest = Fixtures.read(Fixtures.UNREADABLE);

        assertThat(latest.records()).isEqualTo(6); // the blank line is skipped
        assertThat(latest.size()).isEqualTo(2);
        assertThat(latest.rejected()).isEqualTo(4);
        assertThat(latest.rejectedByReason()).containsEntry("MALFORMED_JSON", 1L)
                .containsEntry("UNSUPPORTED_SCHEMA_VERSION", 1L)
                .containsEntry("MISSING_FIELD", 1L)
                .containsEntry("INVALID_FIELD", 1L);
        assertThat(latest.rejections()).extracting(Rejection::where)
                .containsExactly("tagged-unreadable.jsonl:2", "tagged-unreadable.jsonl:4",
                        "tagged-unreadable.jsonl:5", "tagged-unreadable.jsonl:6");
    }

    @Test
    void aTombstoneRemovesThePosting() {
        LatestPostings latest = Fixtures.read(Fixtures.BASIC);
        latest.remove("lever:gamma:1");

        assertThat(latest.get("lever:gamma:1")).isNull();
        assertThat(MarketReport.of(latest, Filters.NONE, false).postings()).isEqualTo(4);
    }

    @Test
    void capsTheListOfRejectionsButCountsThemAll() {
        LatestPostings latest = new LatestPostings(FactsStore.temporary(false));
        byte[] junk = "not json".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < LatestPostings.MAX_LISTED_REJECTIONS + 5; i++) {
            latest.accept(junk, "line " + i);
        }
        assertThat(latest.rejected()).isEqualTo(LatestPostings.MAX_LISTED_REJECTIONS + 5);
        assertThat(latest.rejections()).hasSize(LatestPostings.MAX_LISTED_REJECTIONS);
    }

    @Test
    void recordsTheTaxonomyVersionsSeen() {
        assertThat(Fixtures.read(Fixtures.BASIC).taxonomyVersions()).containsExactly(java.util.Map.entry("2026.11-test", 7L));
    }
}
