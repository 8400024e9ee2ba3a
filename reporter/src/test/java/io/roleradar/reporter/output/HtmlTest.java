package io.roleradar.reporter.output;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {

    @Test
    void escapesTheFiveCharactersThatCanStartMarkupOrEndAnAttribute() {
        assertThat(Html.escape("<a href=\"x\" title='y'>Q&A</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Q&amp;A&lt;/a&gt;");
    }

    @Test
    void leavesPlainTextAndNonAsciiAlone() {
        assertThat(Html.escape("Machine Learning Engineer – Zürich")).isEqualTo("Machine Learning Engineer – Zürich");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void chartLabelsAndTooltipsAreEscaped() {
        String svg = SvgCharts.horizontal("t<", List.of(new SvgCharts.Bar("<b>x</b>", 1, "1 & more", "all")), 1);
        assertThat(svg).doesNotContain("<b>").contains("&lt;b&gt;x&lt;/b&gt;").contains("1 &amp; more");
    }
}
