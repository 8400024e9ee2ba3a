package io.roleradar.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YesNoConverterTest {
    private final YesNoConverter converter = new YesNoConverter();

    @Test
    void takesTrueYesAndOneAndTheirOppositesInAnyCase() {
        for (String yes : new String[] {"true", "yes", "1", "TRUE", "Yes", " yes "}) {
            assertThat(converter.convert(yes)).as(yes).isTrue();
        }
        for (String no : new String[] {"false", "no", "0", "FALSE", "No"}) {
            assertThat(converter.convert(no)).as(no).isFalse();
        }
    }

    @Test
    void refusesAnyOtherWordSayingWhatToWrite() {
        assertThatThrownBy(() -> converter.convert("maybe")).isInstanceOf(TypeConversionException.class)
                .hasMessage("'maybe' is not true or false: write true, yes or 1, or false, no or 0");
        assertThatThrownBy(() -> converter.convert("")).isInstanceOf(TypeConversionException.class);
    }
}
