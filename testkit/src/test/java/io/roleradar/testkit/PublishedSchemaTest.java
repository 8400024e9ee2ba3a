package io.roleradar.testkit;

import io.roleradar.model.Domain;
import io.roleradar.model.DomainTag;
import io.roleradar.model.Evidence;
import io.roleradar.model.Level;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.model.RemoteMode;
import io.roleradar.model.Responsibility;
import io.roleradar.model.Round;
import io.roleradar.model.RoundTag;
import io.roleradar.model.Salary;
import io.roleradar.model.SourceField;
import io.roleradar.model.Specialization;
import io.roleradar.model.TaggedPosting;
import io.roleradar.model.Tags;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The published schemas accept what the codec writes and refuse what the contract forbids. */
class PublishedSchemaTest {
    private static final RawPosting POSTING = RawPosting.builder().id("sample:acme:1").title("ML Engineer")
            .company("Acme").remote(RemoteMode.REMOTE).postedAt(LocalDate.of(2026, 10, 1))
            .fetchedAt(Instant.parse("2026-11-01T00:00:00Z")).description("Train ranking models.").build();

    @Test
    void rawPostingWrittenByTheCodecIsValid() {
        assertThat(SchemaValidator.rawPostingErrors(PostingJson.writeLine(POSTING))).isEmpty();
    }

    @Test
    void aSalaryWithMinAboveMaxIsValidAsTheCodecKeepsItButOneWithoutABoundIsNot() {
        RawPosting stated = POSTING.toBuilder().salary(new Salary(new BigDecimal("200000"), new BigDecimal("150000"),
                "USD", "YEAR")).build();
        String json = PostingJson.writeLine(stated);

        assertThat(SchemaValidator.rawPostingErrors(json)).isEmpty();
        assertThat(SchemaValidator.taggedPostingErrors(PostingJson.writeLine(TaggedPosting.of(stated,
                Tags.notMl(0.1, null, null, null, null, "1"))))).isEmpty();
        // The codec refuses a salary with neither bound; so does the schema.
        assertThat(SchemaValidator.rawPostingErrors(json.replace("\"min\":200000,\"max\":150000",
                "\"min\":null,\"max\":null"))).isNotEmpty();
        assertThat(SchemaValidator.rawPostingErrors(json.replace("\"min\":200000,\"max\":150000,", ""))).isNotEmpty();
        assertThat(SchemaValidator.rawPostingErrors(json.replace("\"min\":200000,", ""))).isEmpty();
    }

    @Test
    void rawPostingWithoutADescriptionIsInvalid() {
        assertThat(SchemaValidator.rawPostingErrors("{\"id\":\"a\",\"title\":\"t\"}")).isNotEmpty();
    }

    @Test
    void taggedMlPostingWithFourRoundsIsValid() {
        Evidence e = new Evidence("ranking", SourceField.DESCRIPTION, 6, 13, "domain.ranking");
        List<RoundTag> rounds = Arrays.stream(Round.values())
                .map(r -> new RoundTag(r, 0.5, List.of("default"), List.of())).toList();
        Tags tags = new Tags(true, 0.9, Responsibility.MODELING, Specialization.SPECIALIST, null,
                List.of(new DomainTag(Domain.RANKING_RECOMMENDATION, 0.8, List.of(e))), Level.MID, false, rounds,
                null, null, "1");

        assertThat(SchemaValidator.taggedPostingErrors(PostingJson.writeLine(TaggedPosting.of(POSTING, tags)))).isEmpty();
    }

    @Test
    void taggedNonMlPostingWithNullAxesIsValidButOneWithAnAxisIsNot() {
        String valid = PostingJson.writeLine(TaggedPosting.of(POSTING, Tags.notMl(0.1, null, null, null, null, "1")));
        String invalid = valid.replace("\"responsibility\":null", "\"responsibility\":\"INFRA\"");

        assertThat(SchemaValidator.taggedPostingErrors(valid)).isEmpty();
        assertThat(invalid).isNotEqualTo(valid);
        assertThat(SchemaValidator.taggedPostingErrors(invalid)).isNotEmpty();
    }
}
