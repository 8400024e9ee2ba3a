package io.roleradar.ingest.text;

/**
 * The two-pass tidying as it was before {@link TidyText} wrote tidy text while converting: kept
 * in the tests as the reference the streaming writer must agree with, character for character.
 */
final class TidyLinesReference {
    private TidyLinesReference() {
    }

    static String tidyLines(char[] src, int n) {
        // A hand-written scan over char arrays: this runs on every description, and per-line
        // regexes (then StringBuilders) dominated the extraction benchmark.
        char[] dst = new char[n + 16];
        int len = 0;
        int blank = 0;
        boolean bullet = false;
        boolean lastWasBullet = false;
        char[] line = new char[n + 2];
        int i = 0;
        while (i <= n) {
            // Collect one line, whitespace collapsed, invisible characters dropped.
            int ll = 0;
            boolean space = false;
            for (; i < n; i++) {
                char c = src[i];
                if (c > ' ' && c < 0x7F) {
                    // Printable ASCII, nearly every character: no further tests.
                    if (space) {
                        line[ll++] = ' ';
                        space = false;
                    }
                    line[ll++] = c;
                    continue;
                }
                if (c == '\n') {
                    break;
                }
                if (c == '\r') {
                    if (i + 1 < n && src[i + 1] == '\n') {
                        continue;
                    }
                    break;
                }
                if (isInvisible(c)) {
                    continue;
                }
                if (isSpace(c)) {
                    space = ll > 0;
                    continue;
                }
                if (space) {
                    line[ll++] = ' ';
                    space = false;
                }
                line[ll++] = c;
            }
            i++;
            if (ll == 1 && (line[0] == '-' || line[0] == '\u2022')) {
                // A bullet whose text comes on a later line (<li><p>text</p></li>): join them.
                bullet = true;
                continue;
            }
            if (ll == 0) {
                blank++;
                continue;
            }
            boolean prefix = bullet && !(ll > 1 && line[0] == '-' && line[1] == ' ');
            int need = len + ll + 4;
            if (need > dst.length) {
                dst = java.util.Arrays.copyOf(dst, Math.max(need, dst.length * 2));
            }
            if (len > 0) {
                dst[len++] = '\n';
                if (blank > 0 && !(bullet && lastWasBullet)) {
                    dst[len++] = '\n';
                }
            }
            if (prefix) {
                dst[len++] = '-';
                dst[len++] = ' ';
            }
            System.arraycopy(line, 0, dst, len, ll);
            len += ll;
            lastWasBullet = prefix || (ll > 1 && line[0] == '-' && line[1] == ' ');
            blank = 0;
            bullet = false;
        }
        return new String(dst, 0, len);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\f'
                || c == '\u000B' || (c > 0x1FFF && isSpaceCharAbove1FFF(c));
    }

    /**
     * {@link Character#isSpaceChar} for characters above U+1FFF, without its table lookup (which
     * showed in profiles: typographic quotes and dashes are common in descriptions). Above U+1FFF
     * the space, line and paragraph separators are U+2000-U+200A, U+2028, U+2029, U+202F, U+205F
     * and U+3000.
     */
    private static boolean isSpaceCharAbove1FFF(char c) {
        return c <= '\u200A' || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }

    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }
}
