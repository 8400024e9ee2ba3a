package io.roleradar.ingest.identity;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class SeenKeysTest {
    @Test
    void aPostingHandedOnIsKnownByItsContentKeyOrByItsId() {
        try (SeenKeys seen = new SeenKeys()) {
            seen.addAll(List.of(42L), List.of("ashby:acme:1"));

            assertThat(seen.contains(42L, "ashby:acme:other")).as("same content, another id").isTrue();
            assertThat(seen.contains(7L, "ashby:acme:1")).as("same id, changed content").isTrue();
            assertThat(seen.contains(7L, "ashby:acme:2")).isFalse();
        }
    }

    @Test
    void aRunThatHandsNothingOnMakesNoStore() {
        try (SeenKeys seen = new SeenKeys()) {
            assertThat(seen.contains(42L, "x")).isFalse();
            assertThat(seen.folder()).isNull();
        }
    }

    @Test
    void millionsOfKeysLiveOnDiskAndTheFolderGoesAtTheEnd() {
        Path folder;
        try (SeenKeys seen = new SeenKeys()) {
            for (int part = 0; part < 20; part++) {
                long from = part * 100_000L + 1;
                seen.addAll(LongStream.range(from, from + 100_000).boxed().toList(), List.of());
            }
            folder = seen.folder();
            assertThat(seen.contains(1L, "-")).isTrue();
            assertThat(seen.contains(2_000_000L, "-")).isTrue();
            assertThat(seen.contains(2_000_001L, "-")).isFalse();
            assertThat(folder).isDirectory();
        }
        assertThat(Files.exists(folder)).isFalse();
    }
}
