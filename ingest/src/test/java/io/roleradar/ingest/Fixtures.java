package io.roleradar.ingest;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test helper: the fixture files written for these tests, in src/test/resources/fixtures. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    public static String file(String name) {
        return path(name).toString();
    }
}
