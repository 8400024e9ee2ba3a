package io.roleradar.reporter.output;

import io.roleradar.reporter.Fixtures;
import io.roleradar.reporter.ReportRun;
import io.roleradar.reporter.RunGate;
import io.roleradar.reporter.aggregate.Filters;
import io.roleradar.reporter.input.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Renders report.html of tagged-basic.jsonl in headless Chromium and checks the charts are drawn:
 * in the rendered DOM every bar with a non-zero value has a non-zero box (and bar lengths keep their
 * proportions), and the screenshot shows the bar colours. Skips when Chromium is not installed.
 */
class ReportRenderTest {
    // Bars with a non-zero value in tagged-basic.jsonl, worked out by hand:
    // quadrants 4; domains ALL 5 + MG 1 + MS 3 + IG 0 + IS 1; rounds 5 scopes x 4;
    // levels ALL 4 + one per quadrant; trend W45 2 segments + W46 2 + W47 1; stated rounds are a table.
    // Since issue 15: domains gain a "No domain" bar where ML postings have none (ALL 1 + IG 1, so 12);
    // work modes: one stacked segment per scope, all UNKNOWN in this fixture (ALL + 4 quadrants = 5);
    // countries: the fixture's postings name no country, one UNKNOWN bar; the week's changes and pay
    // are tables (the fixture states no pay).
    private static final Map<String, Integer> DRAWN_BARS = Map.ofEntries(Map.entry("quadrants", 4),
            Map.entry("domains", 12), Map.entry("rounds", 20), Map.entry("stated", 0), Map.entry("levels", 8),
            Map.entry("trend", 5), Map.entry("companies", 0), Map.entry("recent", 0), Map.entry("changes", 0),
            Map.entry("countries", 1), Map.entry("pay", 0), Map.entry("workmodes", 5));

    @TempDir
    static Path work;
    static Path report;

    @BeforeAll
    static void writeReport() throws Exception {
        assumeTrue(HeadlessChromium.available(), "SKIPPED: " + HeadlessChromium.BINARY
                + " is absent; install Debian's 'chromium' package to run the render test");
        Path out = work.resolve("out");
        ReportRun.fromFile(Fixtures.path(Fixtures.BASIC).toString(),
                new ReportRun.Options(Filters.NONE, false, null), out, Progress.NONE, RunGate.NONE);
        report = out.resolve(HtmlReport.FILE);
    }

    @Test
    void everyNonZeroBarIsDrawnWithASizeInEachChartSection() throws Exception {
        Path probe = probeCopy();
        String dom = HeadlessChromium.dumpDom(probe, work);

        Map<String, Integer> drawn = new HashMap<>();
        Matcher m = Pattern.compile("data-drawn-([a-z]+)=\"(\\d+)\"").matcher(dom);
        while (m.find()) {
            drawn.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertThat(drawn).as("bars with a non-zero box per section, from the rendered DOM").isEqualTo(DRAWN_BARS);
        // Modeling specialist has 2 postings, modeling generalist 1: its bar is twice as long on screen.
        double ms = attribute(dom, "data-width-q1");
        double mg = attribute(dom, "data-width-q0");
        assertThat(mg).isGreaterThan(10);
        assertThat(ms / mg).isCloseTo(2.0, org.assertj.core.api.Assertions.within(0.05));
    }

    @Test
    void theScreenshotShowsTheBarsInTheirColours() throws Exception {
        Path png = work.resolve("report.png");
        HeadlessChromium.screenshot(report, png, 1280, 2600, work);
        // Kept where a person can look at it after the build.
        Path kept = Path.of("target", "render", "report.png");
        Files.createDirectories(kept.getParent());
        Files.copy(png, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        BufferedImage image = ImageIO.read(png.toFile());
        int background = image.getRGB(2, 2) & 0xFFFFFF;
        assertThat(background).isEqualTo(0xFFFFFF);
        // The quadrant chart sits near the top, below the heading and the week's changes (since
        // issue 15): the upper part of the page must hold each quadrant's colour.
        Map<Integer, Integer> counts = colourCounts(image, 0, 0, 800, 1100);
        for (int colour : new int[]{0x2680C2, 0x8719E0, 0x27AB83, 0xDE911D}) {
            assertThat(counts.getOrDefault(colour, 0)).as("pixels of #%06X in the quadrant chart", colour)
                    .isGreaterThan(500);
        }
        // And the page as a whole is mostly drawn charts, not blank: the overall bars' grey is there too.
        Map<Integer, Integer> all = colourCounts(image, 0, 0, image.getWidth(), image.getHeight());
        assertThat(all.getOrDefault(0x52606D, 0)).isGreaterThan(2000);
    }

    /** The report with a script that measures the rendered bars (the report itself has none, and forbids them). */
    private static Path probeCopy() throws Exception {
        String html = Files.readString(report, StandardCharsets.UTF_8)
                .replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "");
        String script = """
                <script>
                for (const s of document.querySelectorAll('section')) {
                  const drawn = [...s.querySelectorAll('svg rect.bar')].filter(r => {
                    const b = r.getBoundingClientRect(); return b.width > 0 && b.height > 0; });
                  document.body.setAttribute('data-drawn-' + s.id, drawn.length);
                }
                document.querySelectorAll('#quadrants rect.bar').forEach(r =>
                  document.body.setAttribute('data-width-' + r.classList[1], r.getBoundingClientRect().width));
                </script>
                """;
        Path probe = work.resolve("probe.html");
        Files.writeString(probe, html.replace("</body>", script + "</body>"), StandardCharsets.UTF_8);
        return probe;
    }

    private static double attribute(String dom, String name) {
        Matcher m = Pattern.compile(name + "=\"([0-9.]+)\"").matcher(dom);
        assertThat(m.find()).as(name + " in the rendered DOM").isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static Map<Integer, Integer> colourCounts(BufferedImage image, int x0, int y0, int x1, int y1) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = y0; y < Math.min(y1, image.getHeight()); y++) {
            for (int x = x0; x < Math.min(x1, image.getWidth()); x++) {
                counts.merge(image.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
            }
        }
        return counts;
    }
}
