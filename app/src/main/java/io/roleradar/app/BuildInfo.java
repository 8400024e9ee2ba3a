package io.roleradar.app;

import io.roleradar.classifier.Classifier;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What {@code roleradar --version} prints: "roleradar 0.1.0 (commit abc1234, taxonomy 2026.12-3)",
 * from the {@code build.properties} the build fills in (the commit is unknown in a build outside
 * Git, or when run from classes that were not built by Maven) and the shipped taxonomy.
 */
final class BuildInfo implements CommandLine.IVersionProvider {
    static final String RESOURCE = "build.properties";

    @Override
    public String[] getVersion() {
        Properties build = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String[] {"roleradar " + filled(build.getProperty("version"), "dev") + " (commit "
                + filled(build.getProperty("commit"), "unknown") + ", taxonomy "
                + Classifier.withDefaultTaxonomy().taxonomyVersion() + ")"};
    }

    /** The value, unless the build left it empty or as its placeholder. */
    private static String filled(String value, String otherwise) {
        return value == null || value.isBlank() || value.contains("${") ? otherwise : value.trim();
    }
}
