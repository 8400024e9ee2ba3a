package io.roleradar.ingest.identity;

import io.roleradar.ingest.text.Texts;
import io.roleradar.model.RawPosting;

/**
 * What makes two postings the same job whatever their source or location: the same company, the
 * same title and the same description, each compared in {@link Texts#comparable} form (case,
 * punctuation, markup and line breaks do not count). The key is 64 bits of SHA-256 (see
 * {@link Fingerprint} for the odds of a collision), small enough to keep for every posting of the
 * topic.
 */
public final class ContentKey {
    private ContentKey() {
    }

    public static long of(RawPosting p) {
        return Fingerprint.hash64(Texts.comparable(p.company()) + "|" + Texts.comparable(p.title()) + "|"
                + Texts.comparable(p.description()));
    }
}
