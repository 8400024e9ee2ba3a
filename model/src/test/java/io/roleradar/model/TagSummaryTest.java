package io.roleradar.model;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagSummaryTest {

    @Test
    void roundTripsTheReportFieldsOfAnMlPostingWithoutItsEvidence() throws Exception {
        TaggedPosting tagged = mlPosting();

        TagSummary back = TagSummary.decode(TagSummary.encode(tagged));

        assertThat(back).isEqualTo(TagSummary.of(tagged));
        assertThat(back.id()).isEqualTo(tagged.id());
        assertThat(back.title()).isEqualTo(tagged.posting().title());
        assertThat(back.company()).isEqualTo(tagged.posting().company());
        assertThat(back.postedAt()).isEqualTo(tagged.posting().postedAt());
        assertThat(back.fetchedAt()).isEqualTo(tagged.posting().fetchedAt());
        assertThat(back.tags().quadrant()).isEqualTo(Quadrant.MODELING_SPECIALIST);
        assertThat(back.tags().domains()).extracting(DomainTag::domain, DomainTag::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Domain.ADS, 0.9),
                        org.assertj.core.groups.Tuple.tuple(Domain.NLP_LLM, 0.55));
        assertThat(back.tags().rounds()).extracting(RoundTag::round, RoundTag::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Round.ML_SYSTEM_DESIGN, 0.9));
        assertThat(back.tags().evidence()).isEqualTo(TagEvidence.NONE);
        assertThat(back.tags().rounds().get(0).reasons()).isEmpty();
    }

    @Test
    void roundTripsANonMlPostingWithNullTextsAndNoDates() throws Exception {
        RawPosting raw = new RawPosting(1, "csv:1", null, null, null, "Barista \u2615 <b>", null, null, null, null,
                null, null, null, null, "Makes coffee.", null);
        TaggedPosting tagged = TaggedPosting.of(raw, Tags.notMl(0.1, null, null, TagEvidence.NONE, null, "2026.11.1"));

        TagSummary back = TagSummary.decode(TagSummary.encode(tagged));

        assertThat(back).isEqualTo(TagSummary.of(tagged));
        assertThat(back.sourceUrl()).isNull();
        assertThat(back.company()).isNull();
        assertThat(back.postedAt()).isNull();
        assertThat(back.fetchedAt()).isNull();
        assertThat(back.tags().mlRole()).isFalse();
        assertThat(back.tags().manager()).isNull();
    }

    @Test
    void keepsTheNanosecondsOfFetchedAt() throws Exception {
        TaggedPosting tagged = mlPosting();
        RawPosting p = tagged.posting();
        RawPosting precise = new RawPosting(1, p.id(), p.source(), p.sourceUrl(), p.company(), p.title(), null, null,
                null, null, null, null, p.postedAt(), Instant.parse("1969-12-31T23:59:59.123456789Z"),
                p.description(), null);

        assertThat(TagSummary.decode(TagSummary.encode(TaggedPosting.of(precise, tagged.tags()))).fetchedAt())
                .isEqualTo(Instant.parse("1969-12-31T23:59:59.123456789Z"));
    }

    @Test
    void refusesAnotherVersionSayingWhichOne() throws Exception {
        byte[] header = TagSummary.encode(mlPosting());
        header[0] = 2;

        assertThatThrownBy(() -> TagSummary.decode(header)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 2");
    }

    @Test
    void refusesATruncatedOrEmptySummaryAndTrailingBytes() throws Exception {
        byte[] header = TagSummary.encode(mlPosting());
        for (int length = 0; length < header.length; length++) {
            byte[] cut = Arrays.copyOf(header, length);
            assertThatThrownBy(() -> TagSummary.decode(cut)).as("cut at " + length)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        byte[] longer = Arrays.copyOf(header, header.length + 1);
        assertThatThrownBy(() -> TagSummary.decode(longer)).hasMessageContaining("after its end");
        assertThatThrownBy(() -> TagSummary.decode(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnUnknownCodeAScoreOutOfRangeAndTagsThatBreakTheRules() throws Exception {
        TaggedPosting tagged = mlPosting();
        byte[] header = TagSummary.encode(tagged);
        int rounds = header.length - 9 - 1;   // the round count: one round at the end
        int lastDomain = rounds - 9;

        byte[] badCode = header.clone();
        badCode[rounds + 1] = 99;
        assertThatThrownBy(() -> TagSummary.decode(badCode)).hasMessageContaining("round code 99");

        byte[] badScore = header.clone();
        ByteBuffer.wrap(badScore).putDouble(lastDomain + 1, 1.5);
        assertThatThrownBy(() -> TagSummary.decode(badScore)).isInstanceOf(IllegalArgumentException.class);

        // The same bytes with mlRole cleared: a non-ML role with a quadrant and domains is no valid summary.
        byte[] notMl = header.clone();
        int flags = flagsOffset(tagged);
        notMl[flags] = (byte) (notMl[flags] & ~1);
        assertThatThrownBy(() -> TagSummary.decode(notMl)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codesAreTheDeclaredOrderOfVersionOne() {
        // The codes are enum positions: a new value or a new order needs a new summary version.
        assertThat(TagSummary.codes()).containsExactly(
                List.of("MODELING", "INFRA"),
                List.of("GENERALIST", "SPECIALIST"),
                List.of("JUNIOR", "MID", "SENIOR", "STAFF_PLUS", "UNKNOWN"),
                List.of("RANKING_RECOMMENDATION", "ADS", "NLP_LLM", "COMPUTER_VISION", "SPEECH_AUDIO",
                        "AUTONOMY_ROBOTICS", "FRAUD_RISK", "FORECASTING"),
                List.of("ML_FUNDAMENTALS", "ML_CASE_STUDY", "ML_SYSTEM_DESIGN", "ML_CODING"));
    }

    /** Where the flags byte sits: after the version, the six texts, the day and the instant. */
    private static int flagsOffset(TaggedPosting t) {
        int at = 1;
        for (String s : new String[] {t.id(), t.posting().title(), t.posting().sourceUrl(), t.posting().company(),
                t.posting().source(), t.tags().taxonomyVersion()}) {
            at += 4 + (s == null ? 0 : s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
        return at + 4 + 8 + 4;
    }

    private static TaggedPosting mlPosting() throws IOException, InvalidMessageException {
        RawPosting posting;
        try (InputStream in = TagSummaryTest.class.getResourceAsStream("/messages/raw-full.json")) {
            posting = PostingJson.readRaw(in.readAllBytes());
        }
        Evidence ctr = new Evidence("CTR prediction", SourceField.DESCRIPTION, 20, 34, "domain.ads.ctr");
        Tags tags = new Tags(true, 0.97, Responsibility.MODELING, Specialization.SPECIALIST, null,
                List.of(new DomainTag(Domain.ADS, 0.9, List.of(ctr)), new DomainTag(Domain.NLP_LLM, 0.55, List.of())),
                Level.SENIOR, false,
                List.of(new RoundTag(Round.ML_SYSTEM_DESIGN, 0.9, List.of("ads ranking role"), List.of(ctr))),
                new TagEvidence(List.of(ctr), List.of(), List.of(ctr), List.of(), List.of()), null, "2026.11.1 \u00e9");
        return TaggedPosting.of(posting, tags);
    }
}
