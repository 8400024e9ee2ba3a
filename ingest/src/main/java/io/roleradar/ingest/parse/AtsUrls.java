package io.roleradar.ingest.parse;

import io.roleradar.ingest.source.Document;

import java.net.URI;
import java.util.Locale;

/** The board (company slug) named in a posting's own URL on an ATS host. */
final class AtsUrls {
    private AtsUrls() {
    }

    /**
     * The first path segment of a job URL such as {@code https://job-boards.greenhouse.io/anthropic/jobs/1}
     * or {@code https://jobs.lever.co/spotify/uuid}, lower-cased; for Greenhouse's embed form the
     * {@code for} parameter. Kept percent-encoded as the URL writes it ({@code Forward%20Financing}),
     * as the API's URL, a saved board's file name and the short form {@code ashby:BOARD} write it too.
     * Null when there is none.
     */
    static String board(String url) {
        String b = segment(url, false);
        return b == null ? null : b.toLowerCase(Locale.ROOT);
    }

    /**
     * The board of a posting: the one its source names (lower-cased), else its URL's, else the
     * saved file's name, else "unknown".
     */
    static String board(Document doc, String url) {
        String fromUrl = board(url);
        return doc.board() != null ? doc.board().toLowerCase(Locale.ROOT)
                : fromUrl != null ? fromUrl : doc.stemLower() != null ? doc.stemLower() : "unknown";
    }

    /**
     * As {@link #board(String)} but in the case the URL writes it ("Lightfield") and decoded
     * ("Forward Financing"), for display as a company name.
     */
    static String boardAsWritten(String url) {
        return segment(url, true);
    }

    private static String segment(String url, boolean decoded) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.trim());
            String query = uri.getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.startsWith("for=") && pair.length() > 4) {
                        return pair.substring(4);
                    }
                }
            }
            String path = decoded ? uri.getPath() : uri.getRawPath();
            if (path == null) {
                return null;
            }
            for (String segment : path.split("/")) {
                if (!segment.isEmpty() && !segment.equals("embed") && !segment.equals("v0") && !segment.equals("v1")) {
                    return segment;
                }
            }
            return null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
