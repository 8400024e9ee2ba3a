package io.roleradar.ingest.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The canonical form of a page URL, so one page read twice (or linked with tracking parameters)
 * gets one id: https, lower-case host, no default port, no fragment, and no tracking parameters
 * ({@code utm_*}, {@code gh_src}, {@code source}, {@code ref}, ...). Pages often declare their
 * canonical URL over http; the same page is served over https, so the scheme is unified.
 */
public final class CanonicalUrls {
    private static final List<String> TRACKING = List.of("utm_", "gh_src", "source", "src", "ref", "from", "trk",
            "refid", "trackingid", "lever-source", "lever-origin");

    private CanonicalUrls() {
    }

    /** The canonical form, or null when the text is not an absolute http(s) URL. */
    public static String canonical(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                return null;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort() == 80 || uri.getPort() == 443 ? -1 : uri.getPort();
            String query = cleanQuery(uri.getRawQuery());
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            // Keep the scheme of local test servers, which serve plain http.
            String outScheme = port > 0 ? scheme : "https";
            return outScheme + "://" + host + (port > 0 ? ":" + port : "") + path + (query == null ? "" : "?" + query);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String cleanQuery(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : query.split("&")) {
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (TRACKING.stream().noneMatch(t -> t.endsWith("_") ? name.startsWith(t) : name.equals(t)) && !pair.isEmpty()) {
                kept.add(pair);
            }
        }
        return kept.isEmpty() ? null : String.join("&", kept);
    }
}
