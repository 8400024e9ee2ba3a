package io.roleradar.reporter.aggregate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * A posting's id, title and source URL, the only texts a report keeps of it, as UTF-8 in one array:
 * one object where three strings would cost about a hundred bytes more a posting, which at a
 * million postings is a fifth of a 512 MB heap. Immutable.
 */
public final class PostingText {
    /** Orders by id in UTF-8 byte order, which is code point order. */
    public static final Comparator<PostingText> BY_ID = (a, b) ->
            Arrays.compareUnsigned(a.utf8, 0, a.idBytes, b.utf8, 0, b.idBytes);

    private final byte[] utf8;
    private final int idBytes;
    private final int titleBytes;

    /** @param sourceUrl null when the posting has none */
    public PostingText(String id, String title, String sourceUrl) {
        byte[] idUtf8 = id.getBytes(StandardCharsets.UTF_8);
        byte[] titleUtf8 = title.getBytes(StandardCharsets.UTF_8);
        byte[] urlUtf8 = sourceUrl == null ? new byte[0] : sourceUrl.getBytes(StandardCharsets.UTF_8);
        this.utf8 = new byte[idUtf8.length + titleUtf8.length + urlUtf8.length];
        System.arraycopy(idUtf8, 0, utf8, 0, idUtf8.length);
        System.arraycopy(titleUtf8, 0, utf8, idUtf8.length, titleUtf8.length);
        System.arraycopy(urlUtf8, 0, utf8, idUtf8.length + titleUtf8.length, urlUtf8.length);
        this.idBytes = idUtf8.length;
        this.titleBytes = titleUtf8.length;
    }

    public String id() {
        return new String(utf8, 0, idBytes, StandardCharsets.UTF_8);
    }

    public String title() {
        return new String(utf8, idBytes, titleBytes, StandardCharsets.UTF_8);
    }

    /** Made from the bytes {@link #utf8()} gave, as the facts store reads them back. */
    PostingText(byte[] utf8, int idBytes, int titleBytes) {
        this.utf8 = utf8;
        this.idBytes = idBytes;
        this.titleBytes = titleBytes;
    }

    /** The id, title and URL as one UTF-8 array (not a copy: do not change it). */
    byte[] utf8() {
        return utf8;
    }

    int idBytes() {
        return idBytes;
    }

    int titleBytes() {
        return titleBytes;
    }

    /** The id's UTF-8 bytes, the facts store's key. */
    byte[] idUtf8() {
        return Arrays.copyOf(utf8, idBytes);
    }

    /** The source URL, or null. */
    public String sourceUrl() {
        int from = idBytes + titleBytes;
        return from == utf8.length ? null : new String(utf8, from, utf8.length - from, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostingText other && Arrays.equals(utf8, other.utf8) && idBytes == other.idBytes
                && titleBytes == other.titleBytes;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(utf8) * 31 + idBytes;
    }

    @Override
    public String toString() {
        return "PostingText[id=" + id() + ", title=" + title() + ", sourceUrl=" + sourceUrl() + "]";
    }
}
