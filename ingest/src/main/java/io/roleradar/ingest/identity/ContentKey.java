package io.roleradar.ingest.identity;

import io.roleradar.ingest.text.Texts;
import io.roleradar.model.RawPosting;

/**
 * What makes two postings the same job whatever their source or location: the same company, the
 * same title and the same description, each compared in {@link Texts#comparable} form (case,
 * punctuation, markup and line breaks do not count).
 */
public final class ContentKey {
    private ContentKey() {
    }

    public static String of(RawPosting p) {
        return Texts.sha256(Texts.comparable(p.company()) + "|" + Texts.comparable(p.title()) + "|"
                + Texts.comparable(p.description()));
    }

    /**
     * The hash of what a posting says, without when it was read: a posting seen again with the same
     * hash is unchanged and is not published again.
     */
    public static String valueHash(RawPosting p) {
        return Texts.sha256(io.roleradar.model.PostingJson.writeLine(p.toBuilder().fetchedAt(null).build()));
    }
}
