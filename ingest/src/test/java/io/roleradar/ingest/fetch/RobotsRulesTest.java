package io.roleradar.ingest.fetch;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RobotsRulesTest {
    @Test
    void theStarGroupAppliesWhenNoGroupNamesUs() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /private/\nAllow: /private/jobs/\n", "roleradar");
        assertThat(rules.allows("/jobs/1")).isTrue();
        assertThat(rules.allows("/private/x")).isFalse();
        assertThat(rules.allows("/private/jobs/1")).isTrue();
    }

    @Test
    void aGroupNamingUsWinsOverTheStarGroup() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /\n\nUser-agent: RoleRadar\nDisallow: /admin\n", "roleradar");
        assertThat(rules.allows("/jobs/1")).isTrue();
        assertThat(rules.allows("/admin/x")).isFalse();
    }

    @Test
    void wildcardsAndEndAnchorsAreUnderstood() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /*.pdf$\nDisallow: /search*q=\n", "roleradar");
        assertThat(rules.allows("/files/a.pdf")).isFalse();
        assertThat(rules.allows("/files/a.pdf?x=1")).isTrue();
        assertThat(rules.allows("/search?q=ml")).isFalse();
    }

    @Test
    void anEmptyDisallowAllowsEverything() {
        assertThat(RobotsRules.parse("User-agent: *\nDisallow:\n", "roleradar").allows("/anything")).isTrue();
        assertThat(RobotsRules.DISALLOW_ALL.allows("/")).isFalse();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(HttpFetcher.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(HttpFetcher.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(HttpFetcher.retryAfter("soon")).isNull();
    }
}
