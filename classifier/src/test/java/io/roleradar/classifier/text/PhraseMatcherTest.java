package io.roleradar.classifier.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhraseMatcherTest {

    private static List<String> found(List<String> phrases, String text) {
        List<String> found = new ArrayList<>();
        PhraseMatcher.compile(phrases).scan(text,
                (id, start, end) -> found.add(phrases.get(id) + "=" + text.substring(start, end)));
        return found;
    }

    @Test
    void matchesWholeWordsOnlyIgnoringCase() {
        List<String> phrases = List.of("ml", "machine learning");
        assertThat(found(phrases, "Senior ML engineer; Machine Learning at scale; HTML and XML are not ML."))
                .containsExactly("ml=ML", "machine learning=Machine Learning", "ml=ML");
    }

    @Test
    void treatsHyphensWhitespaceRunsAndUnderscoresAsOneSpace() {
        List<String> phrases = List.of("fine tuning", "take-home exercise");
        assertThat(found(phrases, "fine-tuning, fine   tuning, fine_tuning, a take home\n exercise"))
                .containsExactly("fine tuning=fine-tuning", "fine tuning=fine   tuning", "fine tuning=fine_tuning",
                        "take-home exercise=take home\n exercise");
    }

    @Test
    void aTrailingStarMakesAPrefix() {
        List<String> phrases = List.of("recommend*");
        assertThat(found(phrases, "recommender systems and recommendations, not unrecommended"))
                .containsExactly("recommend*=recommend", "recommend*=recommend");
    }

    @Test
    void foldsCurlyApostrophesAndKeepsOffsetsOfTheOriginalText() {
        PhraseMatcher m = PhraseMatcher.compile(List.of("what you'll do"));
        String text = "Intro.\nWHAT YOU\u2019LL DO\n- things";
        List<String> matches = new ArrayList<>();
        m.scan(text, (id, start, end) -> matches.add(text.substring(start, end)));
        assertThat(matches).containsExactly("WHAT YOU\u2019LL DO");
    }

    @Test
    void findsOverlappingPhrasesOfDifferentLengths() {
        List<String> phrases = List.of("system design", "system design interview", "design");
        assertThat(found(phrases, "an ML system design interview"))
                .containsExactlyInAnyOrder("system design=system design", "design=design",
                        "system design interview=system design interview");
    }

    @Test
    void treatsNonAsciiLettersAsWordCharactersAtBoundaries() {
        List<String> phrases = List.of("ai");
        assertThat(found(phrases, "AI, naïve, Ais, (AI)")).containsExactly("ai=AI", "ai=AI");
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
        assertThat(b.add("a third phrase")).isEqualTo(2); // two distinct phrases before it
    }
}
