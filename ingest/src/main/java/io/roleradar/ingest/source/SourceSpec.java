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
 * @param text  what the user wrote
 * @param url   the URL to fetch, null for a path
 * @param path  the file or folder, null for a URL
 * @param board the board, for a short form or a recognised API URL; else null
 * @param api   true when the URL is a documented JSON API (robots.txt is for pages, not for these)
 */
public record SourceSpec(String text, URI url, Path path, String board, boolean api) {
    private static final Pattern SHORT = Pattern.compile("(?i)(greenhouse|lever|ashby):([A-Za-z0-9][A-Za-z0-9._-]*)");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://.*");
    private static final Pattern GREENHOUSE_API = Pattern.compile("https?://boards-api\\.greenhouse\\.io/v1/boards/([^/?#]+)/jobs.*");
    private static final Pattern LEVER_API = Pattern.compile("https?://api(?:\\.eu)?\\.lever\\.co/v0/postings/([^/?#]+).*");
    private static final Pattern ASHBY_API = Pattern.compile("https?://api\\.ashbyhq\\.com/posting-api/job-board/([^/?#]+).*");

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
            return new SourceSpec(t, URI.create(apiUrl(ats, board)), null, board.toLowerCase(Locale.ROOT), true);
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
                    return new SourceSpec(t, uri, null, m.group(1).toLowerCase(Locale.ROOT), true);
                }
            }
            return new SourceSpec(t, uri, null, null, false);
        }
        return new SourceSpec(t, null, Path.of(t), null, false);
    }

    /** The documented public API URL of a board. */
    static String apiUrl(String ats, String board) {
        return switch (ats) {
            case "greenhouse" -> "https://boards-api.greenhouse.io/v1/boards/" + board + "/jobs?content=true";
            case "lever" -> "https://api.lever.co/v0/postings/" + board + "?mode=json";
            case "ashby" -> "https://api.ashbyhq.com/posting-api/job-board/" + board + "?includeCompensation=true";
            default -> throw new IllegalArgumentException("unknown ATS " + ats);
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
