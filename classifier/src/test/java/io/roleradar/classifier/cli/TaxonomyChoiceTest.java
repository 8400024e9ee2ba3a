package io.roleradar.classifier.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roleradar.classifier.taxonomy.TaxonomyLoader;
import io.roleradar.model.PostingJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TaxonomyChoiceTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void theShippedTaxonomyIsNotEditedWithoutANewVersion() {
        String shipped = TaxonomyLoader.shippedJson();
        String version = TaxonomyLoader.parse(shipped, "shipped").version();
        java.util.Properties released = new java.util.Properties();
        try (var in = TaxonomyChoice.class.getResourceAsStream(TaxonomyChoice.RELEASED)) {
            released.load(in);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        if (released.containsKey(version)) {
            assertThat(TaxonomyChoice.digest(shipped))
                    .as("taxonomy.json changed but kept version " + version + ", which shipped with other rules: give it "
                            + "a new version and add its line to " + TaxonomyChoice.RELEASED)
                    .isEqualTo(released.getProperty(version));
        }
    }

    @Test
    void aCopyOfTheShippedTaxonomyLaidOutDifferentlyIsNotFlagged(@TempDir Path dir) throws Exception {
        ObjectNode tree = (ObjectNode) PostingJson.tree(TaxonomyLoader.shippedJson());
        Path copy = dir.resolve("copy.json");
        Files.writeString(copy, tree.toPrettyString());

        TaxonomyChoice.classifier(copy, "brief", new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aFileEditedWithoutANewVersionGetsAOneLineWarning(@TempDir Path dir) throws Exception {
        ObjectNode tree = (ObjectNode) PostingJson.tree(TaxonomyLoader.shippedJson());
        String version = tree.get("version").asText();
        ((ObjectNode) tree.get("thresholds")).put("mlText", tree.get("thresholds").get("mlText").asDouble() + 0.01);
        Path edited = dir.resolve("edited.json");
        Files.writeString(edited, tree.toPrettyString());

        TaxonomyChoice.classifier(edited, "brief", new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .startsWith("roleradar brief: warning: " + edited + " says it is taxonomy " + version)
                .contains("give it a version of its own");
    }

    @Test
    void aFileWithAVersionOfItsOwnIsNotFlagged(@TempDir Path dir) throws Exception {
        ObjectNode tree = (ObjectNode) PostingJson.tree(TaxonomyLoader.shippedJson());
        ((ObjectNode) tree.get("thresholds")).put("mlText", tree.get("thresholds").get("mlText").asDouble() + 0.01);
        tree.put("version", "mine-1");
        Path edited = dir.resolve("edited.json");
        Files.writeString(edited, tree.toPrettyString());

        TaxonomyChoice.classifier(edited, "brief", new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anOlderReleasedVersionIsKnownByItsDigest() {
        Map<String, String> known = TaxonomyChoice.knownDigests();
        assertThat(known).containsKey("2026.11-2");
        assertThat(known.get("2026.11-2")).hasSize(64);
    }
}
