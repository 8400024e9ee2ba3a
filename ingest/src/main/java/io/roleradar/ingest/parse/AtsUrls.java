package io.roleradar.ingest.parse;

import java.net.URI;
import java.util.Locale;

/** The board (company slug) named in a posting's own URL on an ATS host. */
final class AtsUrls {
    private AtsUrls() {
    }

    /**
     * The first path segment of a job URL such as {@code https://job-boards.greenhouse.io/anthropic/jobs/1}
     * or {@code https://jobs.lever.co/spotify/uuid}, lower-cased; for Greenhouse's embed form the
     * {@code for} parameter. Null when there is none.
     */
    static String board(String url) {
        String b = boardAsWritten(url);
        return b == null ? null : b.toLowerCase(Locale.ROOT);
    }

    /** As {@link #board} but in the case the URL writes it ("Lightfield"), for display as a company name. */
    static String boardAsWritten(String url) {
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
            String path = uri.getPath();
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

    /**
     * {@link #boardAsWritten} for the many job URLs of one board, which share their start
     * ({@code https://jobs.ashbyhq.com/acme/}): a URL that starts like the last one read, and goes
     * on with characters a URI path takes as they are, names the same board, and is not parsed
     * again (a URI parse per job showed in profiles).
     */
    static final class Boards {
        private String prefix;
        private String board;

        String boardAsWritten(String url) {
            if (prefix != null && url != null && url.startsWith(prefix) && plainPath(url, prefix.length())) {
                return board;
            }
            String b = AtsUrls.boardAsWritten(url);
            prefix = null;
            if (b != null && url.startsWith("https://") && plainPath(url, 0)) {
                int at = url.indexOf("/" + b + "/", "https://".length());
                if (at > 0 && url.indexOf('/', "https://".length()) == at) {
                    // The board is the URL's first path segment: remember what leads up to it.
                    prefix = url.substring(0, at + b.length() + 2);
                    board = b;
                }
            }
            return b;
        }

        /** True when {@code url} from {@code from} holds only letters, digits and {@code - . _ ~ / :}. */
        private static boolean plainPath(String url, int from) {
            for (int k = from; k < url.length(); k++) {
                char c = url.charAt(k);
                boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                        || c == '.' || c == '_' || c == '~' || c == '/' || c == ':';
                if (!plain) {
                    return false;
                }
            }
            return true;
        }
    }
}
