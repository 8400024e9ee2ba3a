package io.roleradar.classifier.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhraseMatcherTest {

    private static List<String> found(PhraseMatcher m, String text) {
        return m.findAll(text).stream().map(x -> m.pattern(x.patternId()) + "=" + text.substring(x.start(), x.end())).toList();
    }

    @Test
    void matchesWholeWordsOnlyIgnoringCase() {
        PhraseMatcher m = PhraseMatcher.compile(List.of("ml", "machine learning"));
        assertThat(found(m, "Senior ML engineer; Machine Learning at scale; HTML and XML are not ML."))
                .containsExactly("ml=ML", "machine learning=Machine Learning", "ml=ML");
    }

    @Test
    void treatsHyphensWhitespaceRunsAndUnderscoresAsOneSpace() {
        PhraseMatcher m = PhraseMatcher.compile(List.of("fine tuning", "take-home exercise"));
        assertThat(found(m, "fine-tuning, fine   tuning, fine_tuning, a take home\n exercise"))
                .containsExactly("fine tuning=fine-tuning", "fine tuning=fine   tuning", "fine tuning=fine_tuning",
                        "take-home exercise=take home\n exercise");
    }

    @Test
    void aTrailingStarMakesAPrefix() {
        PhraseMatcher m = PhraseMatcher.compile(List.of("recommend*"));
        assertThat(found(m, "recommender systems and recommendations, not unrecommended"))
                .containsExactly("recommend*=recommend", "recommend*=recommend");
    }

    @Test
    void foldsCurlyApostrophesAndKeepsOffsetsOfTheOriginalText() {
        PhraseMatcher m = PhraseMatcher.compile(List.of("what you'll do"));
        String text = "Intro.\nWHAT YOU\u2019LL DO\n- things";
        List<PhraseMatcher.Match> matches = m.findAll(text);
        assertThat(matches).singleElement().satisfies(x ->
                assertThat(text.substring(x.start(), x.end())).isEqualTo("WHAT YOU\u2019LL DO"));
    }

    @Test
    void findsOverlappingPhrasesOfDifferentLengths() {
        PhraseMatcher m = PhraseMatcher.compile(List.of("system design", "system design interview", "design"));
        assertThat(found(m, "an ML system design interview"))
                .containsExactlyInAnyOrder("system design=system design", "design=design",
                        "system design interview=system design interview");
    }

    @Test
    void treatsNonAsciiLettersAsWordCharactersAtBoundaries() {
        PhraseMatcher m = PhraseMatcher.compile(List.of("ai"));
        assertThat(found(m, "AI, naïve, Ais, (AI)")).containsExactly("ai=AI", "ai=AI");
    }

    @Test
    void refusesAPhraseItCannotFoldWithAMessageThatSaysWhatToUse() {
        assertThatThrownBy(() -> PhraseMatcher.compile(List.of("401(k)")))
                .hasMessageContaining("'('").hasMessageContaining("use letters a-z");
        assertThatThrownBy(() -> PhraseMatcher.compile(List.of(" - ")))
                .hasMessageContaining("no letter or digit");
    }

    @Test
    void theBuilderGivesPhrasesEqualAfterFoldingOneId() {
        PhraseMatcher.Builder b = new PhraseMatcher.Builder();
        int a = b.add("Fine-Tuning");
        assertThat(b.add("fine tuning")).isEqualTo(a);
        assertThat(b.add("pretraining")).isNotEqualTo(a);
        assertThat(b.build().size()).isEqualTo(2);
    }
}
