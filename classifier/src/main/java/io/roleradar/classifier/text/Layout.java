package io.roleradar.classifier.text;

import io.roleradar.classifier.taxonomy.SectionKind;

import java.util.Arrays;

/**
 * The lines of a description and the kind of section each belongs to, found from its headings:
 * a short line that is not a list item and whose words match a heading marker of the taxonomy
 * ("What you'll do", "Benefits", "About us") starts a section of that kind. A line can also be
 * marked boilerplate on its own (an equal-opportunity paragraph under any heading).
 *
 * <p>One instance per classified text; not shared between threads.
 */
public final class Layout {
    private int[] starts = new int[32];
    private SectionKind[] kinds = new SectionKind[32];
    private boolean[] requirement = new boolean[32];
    private int lines;

    private Layout() {
    }

    /**
     * Splits {@code text} into lines and assigns each a section kind.
     *
     * @param headings   matcher of heading markers; pattern id i marks a section of {@code markerKinds[i]}
     * @param maxHeading a line longer than this (trimmed) is never a heading
     */
    public static Layout of(String text, PhraseMatcher headings, SectionKind[] markerKinds, int maxHeading) {
        Layout layout = new Layout();
        SectionKind current = SectionKind.INTRO;
        int n = text.length();
        int lineStart = 0;
        HeadingFinder finder = new HeadingFinder();
        while (lineStart <= n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            int s = lineStart;
            int e = lineEnd;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (e > s && e - s <= maxHeading && looksLikeHeading(text, s, e)) {
                finder.reset();
                headings.scan(text, s, e, finder);
                if (finder.best >= 0) {
                    current = markerKinds[finder.best];
                } else if (current != SectionKind.BOILERPLATE && isStrongHeading(text, s, e)) {
                    // An unknown heading ends the section before it; under a boilerplate heading an
                    // unknown sub-heading ("Health insurance:") stays boilerplate.
                    current = SectionKind.OTHER;
                }
            }
            layout.add(lineStart, current);
            lineStart = lineEnd + 1;
        }
        return layout;
    }

    private static boolean looksLikeHeading(String text, int s, int e) {
        char first = text.charAt(s);
        if (first == '-' || first == '*' || first == '\u2022' || first == '\u00b7' || first == '\u25cf') {
            return false;
        }
        char last = text.charAt(e - 1);
        // A sentence is not a heading; a heading may end in ':' or '?' ("Who are you?") or nothing.
        return last != '.' && last != ';' && last != ',' && last != '!';
    }

    private static boolean isStrongHeading(String text, int s, int e) {
        if (text.charAt(e - 1) == ':') {
            return true;
        }
        boolean hasLetter = false;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            hasLetter |= Character.isLetter(c);
        }
        return hasLetter;
    }

    private void add(int start, SectionKind kind) {
        if (lines == starts.length) {
            starts = Arrays.copyOf(starts, lines * 2);
            kinds = Arrays.copyOf(kinds, lines * 2);
            requirement = Arrays.copyOf(requirement, lines * 2);
        }
        starts[lines] = start;
        kinds[lines] = kind;
        lines++;
    }

    /** The line index that holds the character at {@code offset}. */
    public int lineOf(int offset) {
        int i = Arrays.binarySearch(starts, 0, lines, offset);
        return i >= 0 ? i : -i - 2;
    }

    /** Marks line {@code line} as boilerplate, e.g. an equal-opportunity paragraph. */
    public void markBoilerplateLine(int line) {
        kinds[line] = SectionKind.BOILERPLATE;
    }

    /** Marks line {@code line} as stating a requirement. */
    public void markRequirementLine(int line) {
        requirement[line] = true;
    }

    /**
     * True when line {@code line} states what the role requires: a line of a requirements section,
     * or a line with a requirement phrase outside the nice-to-have and boilerplate sections.
     */
    public boolean isRequirementLine(int line) {
        SectionKind kind = kinds[line];
        return kind == SectionKind.REQUIREMENTS
                || requirement[line] && kind != SectionKind.NICE_TO_HAVE && kind != SectionKind.BOILERPLATE;
    }

    public int lineCount() {
        return lines;
    }

    public SectionKind kindOfLine(int line) {
        return kinds[line];
    }

    public int lineStart(int line) {
        return starts[line];
    }

    /** Keeps the longest heading marker found in a line, the earliest among equals. */
    private static final class HeadingFinder implements PhraseMatcher.MatchSink {
        int best;
        int bestLength;

        void reset() {
            best = -1;
            bestLength = 0;
        }

        @Override
        public void match(int patternId, int start, int end) {
            if (end - start > bestLength) {
                best = patternId;
                bestLength = end - start;
            }
        }
    }
}
