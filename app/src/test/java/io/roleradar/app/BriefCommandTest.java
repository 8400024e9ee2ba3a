package io.roleradar.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.roleradar.model.PostingJson;
import io.roleradar.testkit.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code roleradar brief}: what the posting says about its hiring process comes first, then the inferred rounds. */
class BriefCommandTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void theBriefListsTheStatedProcessBeforeTheRounds() throws Exception {
        assertThat(RoleradarMain.execute("brief", fixture("with-process.jsonl"))).isZero();
        String text = console.out();
        assertThat(text).contains("This posting says: TA call with our recruiter; Live coding interview [ML coding]; "
                + "Technical deep dive into a past project [ML case study]; Team fit");
        assertThat(text.indexOf("This posting says")).isLessThan(text.indexOf("Interview rounds, in priority order"));
        assertThat(text).contains("ML coding  (weight 1.00, stated by the posting)");
    }

    @Test
    void aBriefWithoutAStatedProcessSaysItsRoundsAreInferred() throws Exception {
        assertThat(RoleradarMain.execute("brief", fixture("without-process.jsonl"))).isZero();
        String text = console.out();
        assertThat(text).contains("does not describe its hiring process").doesNotContain("This posting says")
                .doesNotContain("stated by the posting");
    }

    @Test
    void theJsonBriefCarriesTheProcessStepsWithTheirRoundsAndOffsets() throws Exception {
        assertThat(RoleradarMain.execute("brief", "--json", fixture("with-process.jsonl"))).isZero();
        JsonNode brief = PostingJson.tree(console.out());
        JsonNode process = brief.get("interviewProcess");
        assertThat(process.get("statedRounds")).extracting(JsonNode::asText).containsExactly("ML_CODING", "ML_CASE_STUDY");
        JsonNode coding = process.get("steps").get(1);
        assertThat(coding.get("text").asText()).isEqualTo("Live coding interview");
        assertThat(coding.get("round").asText()).isEqualTo("ML_CODING");
        assertThat(coding.get("evidence").get(0).get("end").asInt() - coding.get("evidence").get(0).get("start").asInt())
                .isEqualTo("Live coding interview".length());
        for (JsonNode round : brief.get("rounds")) {
            boolean stated = round.get("round").asText().equals("ML_CODING") || round.get("round").asText().equals("ML_CASE_STUDY");
            assertThat(round.get("stated").asBoolean()).as(round.get("round").asText()).isEqualTo(stated);
        }
    }

    @Test
    void theJsonBriefOfAPostingWithoutAProcessHasANullProcess() throws Exception {
        assertThat(RoleradarMain.execute("brief", "--json", fixture("without-process.jsonl"))).isZero();
        assertThat(PostingJson.tree(console.out()).get("interviewProcess").isNull()).isTrue();
    }

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(BriefCommandTest.class.getResource("/brief/" + name).toURI()).toString();
    }

    @Test
    void aPastedTextPostingIsBriefedWithItsFirstLineAsTheTitle() throws Exception {
        assertThat(RoleradarMain.execute("brief", fixture("pasted.txt"))).isZero();
        String text = console.out();
        assertThat(text).startsWith("Senior Machine Learning Engineer, Recommendations\n")
                .contains("RANKING_RECOMMENDATION").contains("Tools it names: PyTorch, LoRA");
    }

    @Test
    void aPostingPipedToStdinIsBriefed() throws Exception {
        java.io.InputStream originalIn = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(java.nio.file.Files.readAllBytes(Path.of(fixture("pasted.txt")))));
            assertThat(RoleradarMain.execute("brief", "--json", "-")).isZero();
        } finally {
            System.setIn(originalIn);
        }
        JsonNode brief = PostingJson.tree(console.out());
        assertThat(brief.get("title").asText()).isEqualTo("Senior Machine Learning Engineer, Recommendations");
        assertThat(brief.get("tools")).extracting(JsonNode::asText).contains("PyTorch", "LoRA", "Spark");
    }

    @Test
    void aJsonLinesPostingPipedToStdinIsReadByIngest() throws Exception {
        java.io.InputStream originalIn = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(java.nio.file.Files.readAllBytes(
                    Path.of(fixture("with-process.jsonl")))));
            assertThat(RoleradarMain.execute("brief", "-")).isZero();
        } finally {
            System.setIn(originalIn);
        }
        assertThat(console.out()).contains("This posting says:");
    }

    @Test
    void theEvidenceQuotesSentencesNotBareKeywords() throws Exception {
        assertThat(RoleradarMain.execute("brief", fixture("pasted.txt"))).isZero();
        String text = console.out();
        assertThat(text).containsPattern("\"[^\"]*\\[[^\\]]+\\][^\"]*\" \\((title|description)\\)");
    }
}
