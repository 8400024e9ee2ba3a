package io.roleradar.ingest.identity;

import io.roleradar.model.RawPosting;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintTest {
    private static RawPosting posting(String title, String description, Instant fetchedAt) {
        return RawPosting.builder().id("x:1").title(title).company("Initech").description(description)
                .fetchedAt(fetchedAt).build();
    }

    @Test
    void theFetchTimeDoesNotChangeTheValueHash() {
        assertThat(Fingerprint.of(posting("ML Engineer", "Train models.", Instant.parse("2026-01-01T00:00:00Z"))))
                .isEqualTo(Fingerprint.of(posting("ML Engineer", "Train models.", Instant.parse("2026-02-01T00:00:00Z"))));
    }

    @Test
    void punctuationAndCaseChangeTheValueButNotTheContentKey() {
        Fingerprint a = Fingerprint.of(posting("ML Engineer", "Train models.", null));
        Fingerprint b = Fingerprint.of(posting("ml engineer", "Train  models!", null));
        assertThat(a.contentKey()).isEqualTo(b.contentKey());
        assertThat(a.valueHash()).isNotEqualTo(b.valueHash());
    }

    @Test
    void theValueHashIsWhatItWasWhenTheMessageStillCarriedTheDerivedClosedFlag() {
        // Pinned before "closed" left the JSON: a changed hash would republish every known posting.
        RawPosting open = RawPosting.builder().id("greenhouse:acme:42").title("ML Engineer").company("Acme")
                .description("Train models.").firstSeenAt(LocalDate.parse("2026-03-02"))
                .fetchedAt(Instant.parse("2026-03-02T09:00:00Z")).build();
        RawPosting closed = open.toBuilder().closedAt(LocalDate.parse("2026-04-01")).build();

        assertThat(Fingerprint.valueHash(open)).isEqualTo(-395346710535727006L);
        assertThat(Fingerprint.valueHash(closed)).isEqualTo(7047740273966029137L);
    }

    @Test
    void aHeaderGivesBackTheFingerprintWithItsFirstSeenDateAndClosedFlag() {
        RawPosting closed = posting("ML Engineer", "Train models.", null).toBuilder()
                .firstSeenAt(LocalDate.parse("2026-03-02")).closedAt(LocalDate.parse("2026-04-01")).build();
        Fingerprint f = Fingerprint.of(closed);
        assertThat(f.firstSeenAt()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(f.closed()).isTrue();
        assertThat(Fingerprint.fromHeader(f.toHeader())).isEqualTo(f);
        Fingerprint undated = Fingerprint.of(posting("ML Engineer", "Train models.", null));
        assertThat(Fingerprint.fromHeader(undated.toHeader())).isEqualTo(undated);
    }

    @Test
    void aVersionOneHeaderGivesAnOpenPostingWhoseFirstSeenDateIsUnknown() {
        byte[] v1 = java.nio.ByteBuffer.allocate(17).put((byte) 1).putLong(42).putLong(7).array();
        assertThat(Fingerprint.fromHeader(v1)).isEqualTo(new Fingerprint(42, 7, null, false));
    }

    @Test
    void aHeaderOfAnotherVersionOrLengthIsIgnored() {
        byte[] header = Fingerprint.of(posting("ML Engineer", "Train models.", null)).toHeader();
        header[0] = 3;
        assertThat(Fingerprint.fromHeader(header)).isNull();
        assertThat(Fingerprint.fromHeader(new byte[3])).isNull();
        assertThat(Fingerprint.fromHeader(null)).isNull();
    }
}
