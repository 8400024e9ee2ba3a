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
import java.util.Map;

/**
 * The flags of how sources are read ({@code --api-base}, {@code --fetch-threads}, {@code --charset}),
 * a picocli mixin of {@code ingest run}, turned into {@link SourceSettings} with the environment as
 * fallback (flags beat the environment). A wrong value names the flag or the variable it came from.
 */
public final class SourceOptions {
    @Option(names = "--api-base", paramLabel = "ATS=URL",
            description = "Ask ATS's API (ashby, greenhouse, lever) at URL instead of its public host, under the real "
                    + "paths: a mirror, a proxy or a test server; repeatable. Env: ROLERADAR_INGEST_API_BASE "
                    + "(ATS=URL,...).")
    List<String> apiBases = new ArrayList<>();

    @Option(names = "--fetch-threads", paramLabel = "N",
            description = "Most hosts fetched from at the same time (one request at a time per host). "
                    + "Env: ROLERADAR_INGEST_FETCH_THREADS. Default: 4")
    Integer fetchThreads;

    @Option(names = "--charset", paramLabel = "CHARSET",
            description = "Charset of local files without a byte-order mark (e.g. windows-1252 for a CSV saved by Excel). "
                    + "Env: ROLERADAR_INGEST_CHARSET. Default: UTF-8")
    String charset;

    /**
     * @throws IllegalArgumentException naming the flag and what is wrong
     */
    public SourceSettings settings(Map<String, String> env) {
        List<String> bases = apiBases;
        String basesFrom = "--api-base";
        if (bases.isEmpty() && env.get("ROLERADAR_INGEST_API_BASE") != null) {
            bases = Arrays.asList(env.get("ROLERADAR_INGEST_API_BASE").split(","));
            basesFrom = "ROLERADAR_INGEST_API_BASE";
        }
        int threads = SourceSettings.DEFAULT_FETCH_THREADS;
        if (fetchThreads != null) {
            threads = fetchThreads;
        } else if (env.get("ROLERADAR_INGEST_FETCH_THREADS") != null && !env.get("ROLERADAR_INGEST_FETCH_THREADS").isBlank()) {
            try {
                threads = Integer.parseInt(env.get("ROLERADAR_INGEST_FETCH_THREADS").trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ROLERADAR_INGEST_FETCH_THREADS must be a whole number, got '"
                        + env.get("ROLERADAR_INGEST_FETCH_THREADS") + "'");
            }
        }
        String name = charset != null ? charset : env.get("ROLERADAR_INGEST_CHARSET");
        String charsetFrom = charset != null ? "--charset" : "ROLERADAR_INGEST_CHARSET";
        return new SourceSettings(ApiBases.parse(bases, basesFrom), threads,
                name == null || name.isBlank() ? null : charset(name.trim(), charsetFrom));
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
