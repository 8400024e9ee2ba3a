package io.roleradar.ingest.text;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

import java.util.ArrayDeque;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns posting HTML into the plain text of the message contract: paragraphs separated by a blank
 * line, list items on their own lines starting with "- ", entities decoded, no tags, whitespace
 * normalised. Jsoup's own {@code Element.text()} flattens everything onto one line, which loses
 * the structure the classifier and a reader rely on, so the walk is done here.
 */
public final class HtmlText {
    static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "table", "blockquote", "pre", "section", "article", "header", "footer", "dl", "hr", "figure");
    static final Set<String> LINES = Set.of("div", "br", "tr", "dt", "dd", "li", "main", "aside", "nav",
            "form", "fieldset", "address", "caption", "details", "summary", "center");
    static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "svg", "iframe",
            "button", "select", "input", "textarea", "head", "object", "canvas");
    /** What a twice-escaped text leaves behind; {@link #hasLeftoverEntity} is the same test, faster. */
    static final Pattern LEFTOVER_ENTITY = Pattern.compile("&(?:[a-zA-Z]{2,8}|#\\d{2,6}|#x[0-9a-fA-F]{2,5});");

    private HtmlText() {
    }

    /** Plain text of an HTML fragment or document. */
    public static String of(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return of(html.toCharArray(), 0, html.length());
    }

    /**
     * Plain text of the HTML fragment in {@code chars[from, from + length)}, such as a JSON
     * parser's buffer holding a string value: no String of the HTML is made.
     */
    public static String of(char[] chars, int from, int length) {
        TidyText out = TidyText.open();
        FragmentText.write(chars, from, length, out);
        // Without an '&' in the text there is no entity left in it: most texts skip the check.
        boolean ampersand = out.wroteAmpersand();
        String text = out.finish();
        return ampersand ? decodeLeftoverEntities(text) : text;
    }

    /**
     * The text of the HTML in a JSON string, and the index of the string's closing quote.
     *
     * @param text the plain text, as {@link #of(char[], int, int)} gives it for the decoded string
     * @param closingQuote where the string ends in the bytes it was read from
     */
    public record FromJson(String text, int closingQuote) {
    }

    /**
     * Plain text of the HTML in a JSON string, read from the document's UTF-8 bytes without
     * decoding the string first: {@code json[from]} is the first byte after its opening quote.
     * Null when the string holds something this way leaves to the char way (markup written as
     * escapes, comments, {@code <pre>}, scripts, bytes that are not well-formed string content):
     * the caller then decodes the string and calls {@link #of(char[], int, int)}, which gives
     * what this gives whenever this gives anything.
     */
    public static FromJson ofJsonString(byte[] json, int from) {
        TidyText out = TidyText.open();
        int closingQuote = JsonFragmentText.write(json, from, out);
        boolean ampersand = out.wroteAmpersand();
        String text = out.finish();
        if (closingQuote < 0) {
            return null;
        }
        return new FromJson(ampersand ? decodeLeftoverEntities(text) : text, closingQuote);
    }

    /**
     * Plain text of HTML that arrived entity-escaped ({@code &lt;p&gt;...}), as Greenhouse's API
     * sends its {@code content}: unescaped once, then converted.
     */
    public static String ofEscaped(String escapedHtml) {
        if (escapedHtml == null || escapedHtml.isBlank()) {
            return "";
        }
        return of(Parser.unescapeEntities(escapedHtml, false));
    }

    /** Plain text of an element and everything below it. */
    public static String of(Element root) {
        StringBuilder out = new StringBuilder();
        walk(root, out, false, false);
        return decodeLeftoverEntities(Texts.tidyLines(out.toString()));
    }

    /**
     * The text with what a twice-escaped source left in it decoded: some sources escape twice
     * ({@code &amp;nbsp;}), and one more decode removes what is left.
     */
    private static String decodeLeftoverEntities(String text) {
        if (hasLeftoverEntity(text)) {
            text = Texts.tidyLines(Parser.unescapeEntities(text, false));
        }
        return text;
    }

    /**
     * True when {@link #LEFTOVER_ENTITY} would find a match: an '&amp;' followed by 2-8 ASCII
     * letters, '#' and 2-6 digits, or "#x" and 2-5 hex digits, then ';'. Checked by hand because
     * the regex's scan of every description showed in profiles, while few texts hold an '&amp;'.
     */
    static boolean hasLeftoverEntity(String text) {
        int n = text.length();
        for (int at = text.indexOf('&'); at >= 0; at = text.indexOf('&', at + 1)) {
            int k = at + 1;
            int min;
            int max;
            int kind;
            if (k < n && text.charAt(k) == '#') {
                k++;
                if (k < n && text.charAt(k) == 'x') {
                    k++;
                    kind = 16;
                    min = 2;
                    max = 5;
                } else {
                    kind = 10;
                    min = 2;
                    max = 6;
                }
            } else {
                kind = 0;
                min = 2;
                max = 8;
            }
            int start = k;
            while (k < n && k - start <= max && isEntityChar(text.charAt(k), kind)) {
                k++;
            }
            int count = k - start;
            if (count >= min && count <= max && k < n && text.charAt(k) == ';') {
                return true;
            }
        }
        return false;
    }

    private static boolean isEntityChar(char c, int kind) {
        boolean digit = c >= '0' && c <= '9';
        return switch (kind) {
            case 10 -> digit;
            case 16 -> digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            default -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        };
    }

    /**
     * Appends the text of {@code root}'s children, depth first, with an explicit stack rather than
     * recursion: hostile pages nest elements tens of thousands deep, which would overflow the
     * thread's stack.
     */
    private static void walk(Node root, StringBuilder out, boolean rootPre, boolean rootInItem) {
        ArrayDeque<Level> open = new ArrayDeque<>();
        open.push(new Level(root, rootPre, rootInItem, false, false));
        while (!open.isEmpty()) {
            Level level = open.peek();
            if (level.next >= level.node.childNodeSize()) {
                open.pop();
                if (level.paragraph) {
                    breakLines(out, 2);
                } else if (level.line) {
                    breakLines(out, 1);
                }
                continue;
            }
            Node child = level.node.childNode(level.next++);
            if (child instanceof TextNode text) {
                appendText(out, level.pre ? text.getWholeText() : text.text(), level.pre);
            } else if (child instanceof Element element) {
                String tag = element.normalName();
                if (SKIPPED.contains(tag)) {
                    continue;
                }
                // Inside a list item, paragraphs are only line breaks, so the item stays one bullet.
                boolean paragraph = PARAGRAPHS.contains(tag) && !level.inItem;
                boolean line = LINES.contains(tag) || (level.inItem && PARAGRAPHS.contains(tag));
                if (tag.equals("br")) {
                    out.append('\n');
                    continue;
                }
                if (paragraph) {
                    breakLines(out, 2);
                } else if (line) {
                    breakLines(out, 1);
                } else if (tag.equals("td") || tag.equals("th")) {
                    out.append(' ');
                }
                if (tag.equals("li")) {
                    out.append("- ");
                } else if (tag.equals("ul") || tag.equals("ol")) {
                    // A list ends the item's one-bullet rule, for it and for the siblings after it.
                    level.inItem = false;
                }
                open.push(new Level(element, level.pre || tag.equals("pre"), level.inItem || tag.equals("li"),
                        paragraph, line));
            }
        }
    }

    /** An element being walked: its next child, and the breaks to add once its children are done. */
    private static final class Level {
        final Node node;
        final boolean pre;
        boolean inItem;
        final boolean paragraph;
        final boolean line;
        int next;

        Level(Node node, boolean pre, boolean inItem, boolean paragraph, boolean line) {
            this.node = node;
            this.pre = pre;
            this.inItem = inItem;
            this.paragraph = paragraph;
            this.line = line;
        }
    }

    /** Ends the text with at least {@code n} line breaks (adjacent blocks share their breaks). */
    static void breakLines(StringBuilder out, int n) {
        int have = 0;
        for (int i = out.length() - 1; i >= 0 && have < n; i--) {
            char c = out.charAt(i);
            if (c == '\n') {
                have++;
            } else if (c != ' ') {
                break;
            }
        }
        for (; have < n; have++) {
            out.append('\n');
        }
    }

    private static void appendText(StringBuilder out, String text, boolean pre) {
        out.append(text);
    }
}
