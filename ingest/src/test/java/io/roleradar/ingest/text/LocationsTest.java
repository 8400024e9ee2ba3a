package io.roleradar.ingest.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import static org.assertj.core.api.Assertions.assertThat;

class LocationsTest {
    @ParameterizedTest(name = "{0} -> {1}, {2}")
    @CsvFileSource(resources = "/places/locations.tsv", delimiter = '\t', nullValues = "-", quoteCharacter = '\0')
    void realLocationStringsGiveTheirCountryAndCity(String location, String country, String city) {
        assertThat(Locations.of(location)).isEqualTo(new Place(country, city));
    }

    @Test
    void aStatedCountryWinsOverAnAmbiguousLocation() {
        // "DE" alone reads as Delaware; Ashby's address says Germany.
        assertThat(Locations.place("Germany", "Darmstadt", "Darmstadt, DE")).isEqualTo(new Place("DE", "Darmstadt"));
        assertThat(Locations.place("United States", null, "Georgia")).isEqualTo(new Place("US", null));
    }

    @Test
    void aStatedCountryKeepsTheLocationsCityOnlyWhenTheyAgree() {
        assertThat(Locations.place("GB", null, "London")).isEqualTo(new Place("GB", "London"));
        assertThat(Locations.place("US", null, "London")).isEqualTo(new Place("US", null));
        assertThat(Locations.place("USA", null, "Remote")).isEqualTo(new Place("US", null));
    }

    @Test
    void aStatedCityIsReadAsTheFirstPartOfALocation() {
        assertThat(Locations.city("New York City")).isEqualTo("New York");
        assertThat(Locations.city("Austin, TX")).isEqualTo("Austin");
        assertThat(Locations.city("San Francisco, Seattle")).isEqualTo("San Francisco");
        assertThat(Locations.city("Bandar Utama, Petaling Jaya")).isEqualTo("Bandar Utama");
        assertThat(Locations.city("Remote")).isNull();
        assertThat(Locations.city("Europe")).isNull();
        assertThat(Locations.city("")).isNull();
    }

    @Test
    void aStatedCityWithoutACountryGivesALocationOnlyWhenTheCityIsKnown() {
        assertThat(Locations.place(null, "Paris", "Remote")).isEqualTo(new Place("FR", "Paris"));
        assertThat(Locations.place(null, "Springfield", "Remote")).isEqualTo(Place.UNKNOWN);
    }

    @Test
    void countriesAreReadFromCodesNamesAndAliases() {
        assertThat(Locations.country("gb")).isEqualTo("GB");
        assertThat(Locations.country("U.S.A.")).isEqualTo("US");
        assertThat(Locations.country("United States of America")).isEqualTo("US");
        assertThat(Locations.country("Türkiye")).isEqualTo("TR");
        assertThat(Locations.country("Cote d'Ivoire")).isEqualTo("CI");
        assertThat(Locations.country("Narnia")).isNull();
        assertThat(Locations.country("California")).isNull();
    }

    @Test
    void lowerCaseWordsAreNeverStateOrCountryCodes() {
        assertThat(Locations.of("in")).isEqualTo(Place.UNKNOWN);
        assertThat(Locations.of("Gdansk, or Remote")).isEqualTo(Place.UNKNOWN);
    }
}
