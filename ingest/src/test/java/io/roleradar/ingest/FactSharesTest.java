package io.roleradar.ingest;

import io.roleradar.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shares of postings with a country, a pay range and a work mode in {@code ../shared/data},
 * per kind of source, stay at least a little under the figures of the ingest README.
 */
class FactSharesTest {
    @Test
    void theRealPostingsKeepTheirCountriesPayAndWorkModes() {
        Map<String, FactShares.Counts> counts = FactShares.measure(SharedData.root());
        FactShares.Counts ashby = counts.get("Ashby boards");
        assertThat(ashby.share(ashby.country())).isGreaterThan(0.95);
        assertThat(ashby.share(ashby.pay())).isGreaterThan(0.45);
        assertThat(ashby.share(ashby.workMode())).isGreaterThan(0.85);
        FactShares.Counts csv = counts.get("CSV");
        assertThat(csv.share(csv.country())).isGreaterThan(0.95);
        assertThat(csv.share(csv.pay())).isGreaterThan(0.30);
        FactShares.Counts ats = counts.get("Greenhouse / Lever API");
        assertThat(ats.share(ats.country())).isGreaterThan(0.90);
        assertThat(ats.share(ats.workMode())).isGreaterThan(0.90);
        FactShares.Counts pages = counts.get("job pages");
        assertThat(pages.share(pages.country())).isGreaterThan(0.80);
        assertThat(pages.share(pages.pay())).isGreaterThan(0.40);
        FactShares.Counts searchApis = counts.get("job-search APIs");
        assertThat(searchApis.share(searchApis.country())).isGreaterThan(0.60);
    }
}
