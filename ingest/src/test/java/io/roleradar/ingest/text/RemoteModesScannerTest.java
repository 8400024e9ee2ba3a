package io.roleradar.ingest.text;

import io.roleradar.model.RemoteMode;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoteModesScannerTest {
    /**
     * Pieces of generated texts: every alternative of the three patterns, the words cut short,
     * near misses, characters next to the ASCII letters, non-ASCII characters whose low seven
     * bits are word letters (U+0168 is 'h' + 0x100, U+FF48 a fullwidth 'h'), letters Unicode
     * folds to ASCII (U+0130, U+212A, U+017F) and runs of filler that push windows apart.
     */
    private static final String[] FRAGMENTS = {
            "hybrid", "Hybrid", "HYBRID", "hybrid cloud", "hybrid-model", "hybrid search", "a hybrid role",
            "office", "on-site", "onsite", "on site", "in-office", "in office", "in-person", "in person",
            "remote", "anywhere", "site", "person", "week", "role", "position", "job", "not",
            "two days a week in the office", "one day per week at our office", "3+ days each week from the office",
            "4 days a week in our office", "four days a week at the office", "1 day a week in the office",
            "2 days per week at our office", "three days a week", "five days a week in the office",
            "5 days per week at our office", "fully remote", "100% remote", "completely remote", "entirely remote",
            "remote-first", "remote friendly", "remote only", "work from anywhere", "Work From Anywhere",
            "this role is remote", "the position is fully remote", "the job is remote", "remote role",
            "remote position", "remote opportunity", "remote job", "on-site role", "onsite position",
            "on site job", "in-office role", "in person job", "this role is based on-site",
            "this position is in-office", "this role is in person", "not remote", "not a remote", "NOT remote",
            "remote sensing", "website", "personal", "officer", "anywheremote", "officesite", "personsite",
            "hyb", "hybri", "offic", "remot", "anywher", "sit", "perso", "wee", "rol", "positio", "jo", "no",
            "\u0168ybrid", "\u0170erson", "sit\u0165", "\u0172emote", "\uFF48ybrid", "\uFF53ite",
            "\u00e9", "\u2019", "\u0130", "\u212A", "\u017Fite", "S\u0130TE", "\u00a0",
            "@", "`", "[", "{", "^", "~", "_", "-", ".", ",", ";", "%", "+", "1", "5",
            " ", " ", " ", "  ", "\n", "\t", "\r\n", "x", "the", "our", "is", "a",
            "x".repeat(30), " ".repeat(61), "lorem ipsum dolor ".repeat(4), "-".repeat(70),
    };

    @Test
    void generatedTextsGetTheModeTheReferenceGives() {
        SplittableRandom random = new SplittableRandom(20_240_611);
        for (int n = 0; n < 200_000; n++) {
            String text = generatedText(random);
            assertThat(RemoteModes.fromText(text)).as("%s", text).isEqualTo(RemoteModesReference.fromText(text));
        }
    }

    @Test
    void generatedTextsGetTheHitsTheReferenceFinds() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 200_000; n++) {
            String text = generatedText(random);
            assertThat(RemoteModes.hits(text)).as("%s", text).containsExactly(RemoteModesReference.hits(text.toCharArray()));
        }
    }

    @Test
    void everyOccurrenceIsAHitOverlappingOrAtTheEndOfTheText() {
        // position << 6 | word bit, the bits in the order hybrid, office, remote, anywhere, site, person
        assertThat(RemoteModes.hits("anywheremote")).containsExactly(0L << 6 | 8, 6L << 6 | 4);
        assertThat(RemoteModes.hits("OfficeSite")).containsExactly(0L << 6 | 2, 6L << 6 | 16);
        assertThat(RemoteModes.hits("on-site")).containsExactly(3L << 6 | 16);
        assertThat(RemoteModes.hits("site")).containsExactly(0L << 6 | 16);
        assertThat(RemoteModes.hits("remot")).isEmpty();
        assertThat(RemoteModes.hits("")).isEmpty();
    }

    @Test
    void onlyAsciiLettersMatchIgnoringCase() {
        assertThat(RemoteModes.hits("HyBrId")).containsExactly(0L << 6 | 1);
        // U+0168 is 'h' plus 0x100, U+FF48 a fullwidth 'h', U+0130 a dotted capital I, U+017F a long s.
        assertThat(RemoteModes.hits("\u0168ybrid \uFF48ybrid S\u0130TE \u017Fite sit\u0165")).isEmpty();
        assertThat(RemoteModes.fromText("A \u0168YBRID schedule.")).isEqualTo(RemoteMode.UNKNOWN);
    }

    @Test
    void aScannerFindsOnlyWordsWhollyInsideTheRange() {
        RemoteWordScanner literals = new RemoteWordScanner("role", "not");
        String text = "the ROLE is not";
        assertThat(literals.anyWithin(text, 0, 8)).isTrue();
        assertThat(literals.anyWithin(text, 5, 8)).isFalse();
        assertThat(literals.anyWithin(text, 0, 7)).isFalse();
        assertThat(literals.anyWithin(text, 12, 15)).isTrue();
        assertThat(literals.anyWithin("the r\u00efle", 0, 8)).isFalse();
    }

    @Test
    void aScannerRefusesWordsItCouldNotReportInOrder() {
        assertThatThrownBy(() -> new RemoteWordScanner("site", "website")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemoteWordScanner("Site")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemoteWordScanner("a", "b", "c", "d", "e", "f", "g")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String generatedText(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(14); i > 0; i--) {
            String fragment = FRAGMENTS[random.nextInt(FRAGMENTS.length)];
            switch (random.nextInt(4)) {
                case 0 -> text.append(fragment.toUpperCase(Locale.ROOT));
                case 1 -> {
                    for (char c : fragment.toCharArray()) {
                        text.append(c < 128 && random.nextBoolean() ? Character.toUpperCase(c) : c);
                    }
                }
                default -> text.append(fragment);
            }
            if (random.nextInt(3) > 0) {
                text.append(random.nextBoolean() ? ' ' : random.nextBoolean() ? '\n' : '.');
            }
        }
        return text.toString();
    }
}
