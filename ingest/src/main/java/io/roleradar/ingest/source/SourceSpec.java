package io.roleradar.ingest.source;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One source as the user names it: a board short form ({@code greenhouse:anthropic},
 * {@code lever:spotify}, {@code ashby:cohere}) which maps to the ATS's documented API URL, an
 * http(s) URL, or a file or folder path.
 *
 * @param text    what the user wrote
 * @param url     the URL to fetch, null for a path
 * @param path    the file or folder, null for a URL
 * @param board   the board, for a short form or a recognised API URL; else null
 * @param api     true when the URL is a documented JSON API (robots.txt is for pages, not for these)
 * @param ats     greenhouse, lever or ashby for a short form, else null (its URL then follows {@link ApiBases})
 * @param company the company's display name given with the source (a catalogue's {@code company:}), else null
 */
public record SourceSpec(String text, URI url, Path path, String board, boolean api, String ats, String company) {
    private static final Pattern SHORT = Pattern.compile("(?i)(greenhouse|lever|ashby):([A-Za-z0-9][A-Za-z0-9._-]*)");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://.*");
    private static final Pattern GREENHOUSE_API = Pattern.compile("https?://boards-api\\.greenhouse\\.io/v1/boards/([^/?#]+)/jobs.*");
    private static final Pattern LEVER_API = Pattern.compile("https?://api(?:\\.eu)?\\.lever\\.co/v0/postings/([^/?#]+).*");
    private static final Pattern ASHBY_API = Pattern.compile("https?://api\\.ashbyhq\\.com/posting-api/job-board/([^/?#]+).*");

    /** As {@link #parse(String)}, with the company's display name (null for none). */
    public static SourceSpec parse(String text, String company) {
        SourceSpec spec = parse(text);
        return company == null || company.isBlank() ? spec
                : new SourceSpec(spec.text, spec.url, spec.path, spec.board, spec.api, spec.ats, company.strip());
    }

    /**
     * Reads a source as written on the command line or in the config file.
     *
     * @throws IllegalArgumentException for a URL whose scheme is not http or https, or a blank source
     */
    public static SourceSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a source must not be blank: give a URL, a file or folder, "
                    + "or a board such as greenhouse:anthropic");
        }
        String t = text.trim();
        Matcher shortForm = SHORT.matcher(t);
        if (shortForm.matches()) {
            String ats = shortForm.group(1).toLowerCase(Locale.ROOT);
            String board = shortForm.group(2);
            return new SourceSpec(t, URI.create(apiUrl(ApiBases.PUBLIC.base(ats), ats, board)), null,
                    board.toLowerCase(Locale.ROOT), true, ats, null);
        }
        Matcher scheme = SCHEME.matcher(t);
        if (scheme.matches()) {
            String s = scheme.group(1).toLowerCase(Locale.ROOT);
            if (!s.equals("http") && !s.equals("https")) {
                throw new IllegalArgumentException("source '" + t + "': only http and https URLs are read, not " + s);
            }
            URI uri;
            try {
                uri = URI.create(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("source '" + t + "' is not a valid URL: " + e.getMessage(), e);
            }
            for (Pattern api : new Pattern[]{GREENHOUSE_API, LEVER_API, ASHBY_API}) {
                Matcher m = api.matcher(t);
                if (m.matches()) {
                    return new SourceSpec(t, uri, null, m.group(1).toLowerCase(Locale.ROOT), true, null, null);
                }
            }
            return new SourceSpec(t, uri, null, null, false, null, null);
        }
        return new SourceSpec(t, null, Path.of(t), null, false, null, null);
    }

    /**
     * This source read under other API bases: a short form's URL is rebuilt on the base its ATS has
     * there (the path stays the real one); any other source is returned as it is.
     */
    public SourceSpec under(ApiBases bases) {
        if (ats == null || !bases.overrides(ats)) {
            return this;
        }
        String board = text.substring(text.indexOf(':') + 1).trim();
        return new SourceSpec(text, URI.create(apiUrl(bases.base(ats), ats, board)), null, this.board, true, ats, company);
    }

    /** A board's API URL under {@code base}: the ATS's real path, so a mirror or test server looks like the ATS. */
    static String apiUrl(String base, String ats, String board) {
        return switch (ats) {
            case "greenhouse" -> base + "/v1/boards/" + board + "/jobs?content=true";
            case "lever" -> base + "/v0/postings/" + board + "?mode=json";
            case "ashby" -> base + "/posting-api/job-board/" + board + "?includeCompensation=true";
            default -> throw new IllegalArgumentException("unknown ATS " + ats);
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
