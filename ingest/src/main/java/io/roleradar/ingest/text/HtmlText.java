package io.roleradar.ingest.text;

import org.jsoup.Jsoup;
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
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "table", "blockquote", "pre", "section", "article", "header", "footer", "dl", "hr", "figure");
    private static final Set<String> LINES = Set.of("div", "br", "tr", "dt", "dd", "li", "main", "aside", "nav",
            "form", "fieldset", "address", "caption", "details", "summary", "center");
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "svg", "iframe",
            "button", "select", "input", "textarea", "head", "object", "canvas");
    /** What a twice-escaped text leaves behind. */
    private static final Pattern LEFTOVER_ENTITY = Pattern.compile("&(?:[a-zA-Z]{2,8}|#\\d{2,6}|#x[0-9a-fA-F]{2,5});");

    private HtmlText() {
    }

    /** Plain text of an HTML fragment or document. */
    public static String of(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return of(Jsoup.parseBodyFragment(html).body());
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
        walk(root, out);
        String text = Texts.tidyLines(out.toString());
        // Some sources escape twice (&amp;nbsp;): one more decode removes what is left.
        return LEFTOVER_ENTITY.matcher(text).find() ? Texts.tidyLines(Parser.unescapeEntities(text, false)) : text;
    }

    /**
     * Appends the text of {@code root}'s children, depth first, with an explicit stack rather than
     * recursion: hostile pages nest elements tens of thousands deep, which would overflow the
     * thread's stack.
     */
    private static void walk(Node root, StringBuilder out) {
        ArrayDeque<Level> open = new ArrayDeque<>();
        open.push(new Level(root, false, false, false, false));
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
                out.append(level.pre ? text.getWholeText() : text.text());
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
    private static void breakLines(StringBuilder out, int n) {
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
}
