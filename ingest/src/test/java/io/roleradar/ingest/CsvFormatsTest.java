package io.roleradar.ingest;

import io.roleradar.ingest.fetch.HttpSettings;
import io.roleradar.ingest.parse.CsvColumns;
import io.roleradar.ingest.parse.Rejected;
import io.roleradar.ingest.source.ApiBases;
import io.roleradar.ingest.source.SourceSettings;
import io.roleradar.model.RawPosting;
import io.roleradar.model.RemoteMode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV files as they come: the LinkedIn postings layout, Excel's charsets and byte-order marks. */
class CsvFormatsTest {
    private static PostingSources withCharset(String charset) {
        return new PostingSources(HttpSettings.defaults(), CsvColumns.defaults(), 10, IngestMetrics.none(),
                new SourceSettings(ApiBases.PUBLIC, 1, charset == null ? null : Charset.forName(charset)));
    }

    @Test
    void theLinkedInLayoutGivesUrlListedDateSalaryWithItsPeriodAndTheRemoteFlag() {
        ReadResult r = PostingSources.withDefaults().read(List.of(Fixtures.file("linkedin-postings.csv")));
        assertThat(r.rejected()).isEmpty();
        assertThat(r.postings()).hasSize(3);
        RawPosting ml = r.postings().get(0);
        assertThat(ml.id()).isEqualTo("csv:linkedin-postings:921716");
        assertThat(ml.company()).isEqualTo("Corcoran Sawyer Smith");
        assertThat(ml.sourceUrl()).isEqualTo("https://www.linkedin.com/jobs/view/921716/");
        assertThat(ml.postedAt()).isEqualTo(LocalDate.of(2024, 4, 17));
        assertThat(ml.salary().min()).isEqualByComparingTo(new BigDecimal("135000"));
        assertThat(ml.salary().max()).isEqualByComparingTo(new BigDecimal("175000"));
        assertThat(ml.salary().period()).isEqualTo("YEAR");
        assertThat(ml.salary().currency()).isEqualTo("USD");
        assertThat(ml.remote()).isEqualTo(RemoteMode.REMOTE);
        assertThat(ml.employmentType()).isEqualTo("FULL_TIME");

        RawPosting hourly = r.postings().get(1);
        assertThat(hourly.salary().period()).isEqualTo("HOUR");
        assertThat(hourly.salary().max()).isEqualByComparingTo(new BigDecimal("65"));
        assertThat(hourly.remote()).isNotEqualTo(RemoteMode.REMOTE);
        assertThat(hourly.employmentType()).isEqualTo("CONTRACT");

        assertThat(r.postings().get(2).salary()).as("no pay stated").isNull();
    }

    @Test
    void aWindows1252FileIsReadWithItsCharsetNamed() {
        ReadResult r = withCharset("windows-1252").read(List.of(Fixtures.file("excel-1252.csv")));
        assertThat(r.rejected()).isEmpty();
        assertThat(r.postings()).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo("Ingénieur ML – Vision");
            assertThat(p.company()).isEqualTo("Café Systèmes");
            assertThat(p.description()).contains("we’re hiring across Europe – join us");
        });
    }

    @Test
    void withoutItsCharsetAWindows1252FileIsRejectedSayingWhichFlagHelps() {
        ReadResult r = withCharset(null).read(List.of(Fixtures.file("excel-1252.csv")));
        assertThat(r.postings()).isEmpty();
        assertThat(r.rejected()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(Rejected.INVALID_UTF8);
            assertThat(x.reason()).contains("--charset", "windows-1252");
        });
        assertThat(r.failedSources()).isEqualTo(1);
    }

    @Test
    void aByteOrderMarkIsHonouredAndNotPartOfTheFirstColumnName() {
        ReadResult utf8 = withCharset("windows-1252").read(List.of(Fixtures.file("bom-utf8.csv")));
        assertThat(utf8.postings()).singleElement().satisfies(p -> {
            assertThat(p.id()).as("the id column is found despite the mark").isEqualTo("csv:bom-utf8:7");
            assertThat(p.company()).as("the mark says UTF-8, whatever --charset says").isEqualTo("Zoë Labs");
        });
        ReadResult utf16 = PostingSources.withDefaults().read(List.of(Fixtures.file("excel-unicode.txt")));
        assertThat(utf16.postings()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("csv:excel-unicode:3");
            assertThat(p.company()).isEqualTo("Åsa AB");
            assertThat(p.description()).contains("in Swedish");
        });
    }
}
