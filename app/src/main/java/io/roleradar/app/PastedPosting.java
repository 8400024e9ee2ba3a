package io.roleradar.app;

import io.roleradar.model.RawPosting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A posting pasted as plain text (a {@code .txt} file, or stdin), as people copy one from a job
 * page: its first line is the title, the rest the description. Its id is made from the text, so
 * the same paste gets the same id.
 */
final class PastedPosting {
    private static final int TITLE_CHARS = 200;

    private PastedPosting() {
    }

    /** True when {@code source} names a plain-text file by its extension. */
    static boolean isTextFile(String source) {
        String s = source.toLowerCase(Locale.ROOT);
        return s.endsWith(".txt") || s.endsWith(".text");
    }

    /** True when pasted {@code text} is plain text rather than a JSON or HTML document. */
    static boolean looksPlain(String text) {
        String t = text.replace("\uFEFF", "").stripLeading();
        return !(t.startsWith("{") || t.startsWith("[") || t.startsWith("<"));
    }

    /**
     * The posting the text holds; null when it holds no words at all.
     *
     * @param origin where the text came from ("stdin" or a file name), kept as the posting's source
     */
    static RawPosting of(String text, String origin) {
        String t = text.replace("\uFEFF", "").replace("\r\n", "\n").strip();
        if (t.isEmpty()) {
            return null;
        }
        List<String> lines = t.lines().toList();
        String title = lines.get(0).strip();
        if (title.length() > TITLE_CHARS) {
            title = title.substring(0, TITLE_CHARS).strip();
        }
        String rest = t.substring(t.indexOf('\n') < 0 ? t.length() : t.indexOf('\n')).strip();
        return RawPosting.builder()
                .id("text:" + digest(t))
                .source("text")
                .sourceUrl(origin)
                .title(title)
                .description(rest.isEmpty() ? t : rest)
                .build();
    }

    private static String digest(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
