package io.roleradar.reporter.aggregate;

import io.roleradar.reporter.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Near-duplicate postings of one company are one role; other roles and other companies are not. */
class RoleGroupsTest {
    private final LatestPostings latest = Fixtures.read(Fixtures.NEAR_DUPLICATES);

    @Test
    void textsThatDifferOnlyInLocalPartsHaveCloseSignaturesAndOtherRolesDoNot() {
        long sf = latest.get("ashby:orbit:1").signature();
        long london = latest.get("ashby:orbit:2").signature();
        long berlin = latest.get("ashby:orbit:3").signature();
        long platform = latest.get("ashby:orbit:4").signature();

        assertThat(TextSignature.distance(sf, london)).isLessThanOrEqualTo(RoleGroups.MAX_DISTANCE);
        assertThat(TextSignature.distance(sf, berlin)).isLessThanOrEqualTo(RoleGroups.MAX_DISTANCE);
        assertThat(TextSignature.distance(sf, platform)).isGreaterThan(RoleGroups.MAX_DISTANCE * 3 / 2);
    }

    @Test
    void aShortTextHasNoSignatureAndIsNeverMerged() {
        assertThat(TextSignature.of("ML Engineer", "Build models.")).isEqualTo(TextSignature.NONE);
        assertThat(TextSignature.of("ML Engineer", "word ".repeat(40))).isNotEqualTo(TextSignature.NONE);
    }

    @Test
    void mergesTheRoleOfOneCompanyPostedInThreeCitiesAndGathersItsCountries() {
        MarketReport report = MarketReport.of(latest, Filters.NONE, false);

        assertThat(report.mlPostings()).isEqualTo(5);
        assertThat(report.postings()).isEqualTo(3); // Orbit's three copies, Orbit's other role, Nova's copy
        assertThat(report.mergedPostings()).isEqualTo(2);
        // The merged role counts once in each country it is posted in.
        assertThat(report.locations().country("GB", MarketReport.ALL)).isEqualTo(1);
        assertThat(report.locations().country("DE", MarketReport.ALL)).isEqualTo(1);
        assertThat(report.locations().country("US", MarketReport.ALL)).isEqualTo(3);
        assertThat(report.companies()).extracting(e -> e.getKey() + "=" + e.getValue().postings())
                .containsExactly("Orbit=2", "Nova=1");
    }

    @Test
    void oneTextPostedAtTwoLevelsIsTwoRoles() {
        LatestPostings twoLevels = new LatestPostings(FactsStore.temporary(false));
        for (String line : Fixtures.lines(Fixtures.NEAR_DUPLICATES)) {
            // Orbit's London copy as a Staff opening: the same text, another level.
            String changed = line.contains("\"ashby:orbit:2\"") ? line.replace("\"level\": \"SENIOR\"", "\"level\": \"STAFF_PLUS\"") : line;
            twoLevels.accept(changed.getBytes(java.nio.charset.StandardCharsets.UTF_8), "test");
        }
        MarketReport report = MarketReport.of(twoLevels, Filters.NONE, false);

        assertThat(report.postings()).isEqualTo(4); // orbit 1 and 3, orbit 2 alone, orbit 4, nova 1
        assertThat(report.level(MarketReport.ALL, io.roleradar.model.Level.STAFF_PLUS)).isEqualTo(1);
    }

    @Test
    void everyPostingKeepsItsIdAndNamesItsRoleByTheRolesFirstId() {
        MarketReport report = MarketReport.of(latest, Filters.NONE, false);
        java.util.List<PostingFacts> rows = new java.util.ArrayList<>();
        report.forEachRow((f, roleGroup) -> {
            rows.add(f);
            String expected = f.id().startsWith("ashby:orbit:") && !f.id().equals("ashby:orbit:4")
                    ? "ashby:orbit:1" : f.id();
            assertThat(roleGroup).as(f.id()).isEqualTo(expected);
        });

        assertThat(rows).hasSize(5);
    }
}
