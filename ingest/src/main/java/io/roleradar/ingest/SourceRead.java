package io.roleradar.ingest;

import java.util.Set;

/**
 * How one source of a run was read. A source is read whole when everything it is made of arrived
 * and parsed as a document: the board's answer, the listing page and the job pages it links to, the
 * file or every file of the folder. Single postings rejected inside a whole document (a job without
 * a description) leave it whole. Only a board read whole says which of its postings are gone; one
 * that failed (an HTTP error, a timeout, a truncated answer) says nothing about them.
 *
 * @param source         the source as given ({@code ashby:cohere}, a URL, a path)
 * @param postingSources the {@code source} field of its postings ({@code ashby:cohere}); for a board
 *                       short form also when the board gave none
 * @param complete       true when it was read whole
 * @param postings       the postings found in it (before dedup)
 * @param failure        why it was not read whole, or null
 */
public record SourceRead(String source, Set<String> postingSources, boolean complete, int postings, String failure) {
    public SourceRead {
        postingSources = Set.copyOf(postingSources);
    }

    /**
     * True for a posting source that is a whole board: an ATS board API (or a saved answer of one)
     * lists every open posting of the board. A Workday job detail, a page, a CSV or JSON Lines does not.
     */
    public static boolean isWholeBoard(String postingSource) {
        return postingSource != null && postingSource.matches("(greenhouse|lever|ashby):.+");
    }
}
