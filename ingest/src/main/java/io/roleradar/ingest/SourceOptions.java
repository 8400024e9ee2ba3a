package io.roleradar.ingest;

import io.roleradar.ingest.source.ApiBases;
import io.roleradar.ingest.source.SourceSettings;
import picocli.CommandLine.Option;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The flags of how sources are read ({@code --api-base}, {@code --fetch-threads}, {@code --charset}),
 * a picocli mixin of {@code ingest run}, each falling back to its environment variable through
 * picocli's {@code ${env:...}} defaults, and turned into {@link SourceSettings}. A wrong value names
 * the flag or the variable it came from.
 */
public final class SourceOptions {
    @Option(names = "--api-base", paramLabel = "ATS=URL", defaultValue = "${env:ROLERADAR_INGEST_API_BASE}",
            description = "Ask ATS's API (ashby, greenhouse, lever) at URL instead of its public host, under the real "
                    + "paths: a mirror, a proxy or a test server; repeatable. Env: ROLERADAR_INGEST_API_BASE "
                    + "(ATS=URL,...).")
    List<String> apiBases = new ArrayList<>();

    @Option(names = "--fetch-threads", paramLabel = "N",
            defaultValue = "${env:ROLERADAR_INGEST_FETCH_THREADS:-" + SourceSettings.DEFAULT_FETCH_THREADS + "}",
            description = "Most hosts fetched from at the same time (one request at a time per host). "
                    + "Env: ROLERADAR_INGEST_FETCH_THREADS. Default: 4")
    int fetchThreads;

    @Option(names = "--charset", paramLabel = "CHARSET", defaultValue = "${env:ROLERADAR_INGEST_CHARSET}",
            description = "Charset of local files without a byte-order mark (e.g. windows-1252 for a CSV saved by Excel). "
                    + "Env: ROLERADAR_INGEST_CHARSET. Default: UTF-8")
    String charset;

    /**
     * @param onCommandLine whether an option was given as a flag rather than taken from its variable
     * @throws IllegalArgumentException naming the flag or the variable and what is wrong
     */
    public SourceSettings settings(Predicate<String> onCommandLine) {
        // The variable holds a comma-separated list, as the flag's values may.
        List<String> bases = apiBases.stream().flatMap(b -> Arrays.stream(b.split(","))).toList();
        String basesFrom = onCommandLine.test("--api-base") ? "--api-base" : "ROLERADAR_INGEST_API_BASE";
        String charsetFrom = onCommandLine.test("--charset") ? "--charset" : "ROLERADAR_INGEST_CHARSET";
        return new SourceSettings(ApiBases.parse(bases, basesFrom), fetchThreads,
                charset == null || charset.isBlank() ? null : charset(charset.trim(), charsetFrom));
    }

    /** @param from the flag or environment variable the name came from, named in the error message */
    private static Charset charset(String name, String from) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException(from + ": unknown charset '" + name + "' (e.g. UTF-8, windows-1252, "
                    + "ISO-8859-1, UTF-16)");
        }
    }
}
