package io.roleradar.classifier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.taxonomy.Taxonomy;
import io.roleradar.classifier.taxonomy.TaxonomyLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The classifier a command uses: the shipped taxonomy, or the file {@code --taxonomy} names. Tags
 * carry the taxonomy's version so a reader knows which rules made them; a file edited without a new
 * version would make its tags pass for another taxonomy's. So a file that claims a version roleradar
 * shipped (the current one, or one listed in {@value #RELEASED} with the digest it had) but whose
 * rules differ gets a one-line warning. Formatting does not count: the digest is over the JSON's
 * content with its keys in order.
 */
public final class TaxonomyChoice {
    /** Versions roleradar released, each with the digest of its content ({@link #digest}). */
    public static final String RELEASED = "/taxonomy/released-digests.properties";
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private TaxonomyChoice() {
    }

    /**
     * The classifier of {@code file}, or of the shipped taxonomy when it is null; warns on {@code err}
     * as {@code roleradar <command>: ...} when the file reuses a shipped version for other rules.
     *
     * @throws io.roleradar.classifier.taxonomy.TaxonomyException when the file is missing or invalid
     */
    public static Classifier classifier(Path file, String command, PrintStream err) {
        if (file == null) {
            return Classifier.withDefaultTaxonomy();
        }
        Taxonomy taxonomy = TaxonomyLoader.load(file);
        warning(file, taxonomy.version()).ifPresent(w -> err.println("roleradar " + command + ": warning: " + w));
        return new Classifier(taxonomy);
    }

    /** The warning for a file with {@code version}, if it claims a shipped version but differs from it. */
    static java.util.Optional<String> warning(Path file, String version) {
        String expected = knownDigests().get(version);
        if (expected == null) {
            return java.util.Optional.empty();
        }
        String actual;
        try {
            actual = digest(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        if (actual.equals(expected)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(file + " says it is taxonomy " + version + ", but its content differs from the "
                + version + " roleradar shipped: give it a version of its own (\"version\": \"" + version
                + "-mine.1\") so its tags are not taken for the shipped rules'");
    }

    /** Every version roleradar shipped with its digest: the released list, and the taxonomy in this build. */
    static Map<String, String> knownDigests() {
        Map<String, String> known = new LinkedHashMap<>();
        Properties released = new Properties();
        try (InputStream in = TaxonomyChoice.class.getResourceAsStream(RELEASED)) {
            if (in != null) {
                released.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        released.stringPropertyNames().forEach(v -> known.put(v, released.getProperty(v).trim()));
        known.put(TaxonomyLoader.loadDefault().version(), digest(TaxonomyLoader.shippedJson()));
        return known;
    }

    /** The SHA-256 of a taxonomy's JSON content, whatever its layout and key order. */
    public static String digest(String json) {
        try {
            JsonNode tree = CANONICAL.readTree(json);
            Object plain = CANONICAL.treeToValue(tree, Object.class);
            byte[] canonical = CANONICAL.writeValueAsBytes(plain);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
