package io.roleradar.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.roleradar.ingest.source.Document;
import io.roleradar.ingest.text.HtmlText;
import io.roleradar.ingest.text.Texts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A job page or a board listing page, read with Jsoup in order of reliability: a schema.org
 * {@code JobPosting} in JSON-LD, then the known layouts of the big hosts ({@link PageLayouts}),
 * then a generic reading (the main heading and the largest block of text). A board listing page
 * yields the links to its job pages instead. Ids follow the design: the schema.org identifier
 * where there is one, else {@code page:} and a hash of the canonical URL.
 */
public final class JobPageParser {
    private static final Pattern JOB_LINK = Pattern.compile(
            // Greenhouse-style /{board}/jobs/{number} on any host (boards are often on the employer's
            // own domain), and Lever and Ashby job pages by their uuid.
            "https?://[^/]+/(?:[^?#]*/)?jobs?/\\d+(?:[/?#].*)?|https?://jobs\\.lever\\.co/[^/]+/[0-9a-f-]{36}/?"
                    + "|https?://jobs\\.ashbyhq\\.com/[^/]+/[0-9a-f-]{36}/?");
    private static final int MIN_GENERIC_TEXT = 200;
    private static final String NO_POSTING = "no job posting found in the page (no JSON-LD JobPosting, "
            + "no known layout, no heading with a block of text)";

    private JobPageParser() {
    }

    public static Extraction parse(Document doc, String html) {
        String base = doc.url() == null ? "" : doc.url().toString();
        org.jsoup.nodes.Document page = Jsoup.parse(html, base);
        PostingDraft d = new PostingDraft(doc);
        JsonNode jsonLd = html.contains("ld+json") ? JsonLdPosting.find(page) : null;
        String identifier = jsonLd == null ? null : JsonLdPosting.fill(d, jsonLd);
        boolean structured = PageLayouts.fill(d, page, html) || jsonLd != null;
        if (jsonLd != null && (d.description == null || d.description.isBlank())) {
            // Many sites put only the title and date in their JobPosting and the text in the page body.
            d.description = mainText(page);
        }
        if (!structured) {
            List<URI> links = jobLinks(page);
            if (!links.isEmpty()) {
                return new Extraction(List.of(), links);
            }
            generic(d, page);
            if (d.description == null) {
                return Extraction.rejected(new Rejected(doc.name(), Rejected.NO_POSTING, NO_POSTING));
            }
        }
        String canonical = canonicalUrl(page, doc);
        d.sourceUrl = canonical;
        String host = host(canonical);
        d.source = "page:" + (host != null ? host : doc.fileStem() != null ? doc.fileStem() : doc.name());
        if (d.company == null) {
            Element site = page.head().selectFirst("meta[property=og:site_name]");
            d.company = site == null ? null : site.attr("content");
        }
        if (identifier != null) {
            d.id = "page:" + (host != null ? host + ":" : "") + identifier;
        } else if (canonical != null) {
            d.id = "page:" + Texts.sha16(canonical);
        } else {
            // A saved page that states no URL: its content is all there is to name it by.
            d.id = "page:" + Texts.sha16(Texts.comparable(d.company) + "|" + Texts.comparable(d.title) + "|"
                    + Texts.comparable(d.description));
        }
        ParseResult result = d.title == null && (d.description == null || d.description.isBlank())
                ? new Rejected(doc.name(), Rejected.NO_POSTING, NO_POSTING) : d.finish(doc.name());
        return Extraction.of(List.of(result));
    }

    /** Links to job pages on a board listing page, absolute and without duplicates. */
    static List<URI> jobLinks(org.jsoup.nodes.Document page) {
        Set<String> seen = new LinkedHashSet<>();
        String base = page.location();
        for (Element a : page.select("a[href]")) {
            String href = a.attr("href");
            String abs = a.absUrl("href");
            if (abs.isEmpty() && (base == null || base.isEmpty()) && href.startsWith("/")) {
                // A saved board page has no address; its own canonical URL gives the host.
                String canonical = canonicalUrl(page, null);
                if (canonical != null) {
                    abs = URI.create(canonical).resolve(href).toString();
                }
            }
            if (JOB_LINK.matcher(abs).matches()) {
                seen.add(abs);
            }
        }
        List<URI> links = new ArrayList<>();
        for (String s : seen) {
            try {
                links.add(URI.create(s));
            } catch (IllegalArgumentException ignored) {
                // not a usable URL; skip it
            }
        }
        return links;
    }

    private static void generic(PostingDraft d, org.jsoup.nodes.Document page) {
        Element h1 = page.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) {
            d.title = h1.text();
        } else {
            Element og = page.head().selectFirst("meta[property=og:title]");
            d.title = og != null ? og.attr("content") : page.title();
        }
        Element best = largestTextBlock(page);
        if (best != null) {
            String text = HtmlText.of(best);
            if (text.length() >= MIN_GENERIC_TEXT) {
                d.description = text;
            }
        }
    }

    /**
     * The page's main text: its {@code <main>}, else its {@code <article>}, else its largest block
     * of text; null when there is none.
     */
    static String mainText(org.jsoup.nodes.Document page) {
        Element main = page.body() == null ? null : page.body().selectFirst("main, [role=main]");
        if (main == null) {
            main = page.body() == null ? null : page.body().selectFirst("article");
        }
        if (main == null) {
            main = largestTextBlock(page);
        }
        String text = main == null ? null : HtmlText.of(main);
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * The element holding most paragraph and list text: each p/li gives its text length to its
     * parent, and half to the grandparent, so the block that holds the posting's body wins over
     * navigation, footers and sidebars.
     */
    private static Element largestTextBlock(org.jsoup.nodes.Document page) {
        Map<Element, Double> score = new HashMap<>();
        for (Element p : page.select("p, li, pre")) {
            int len = p.text().length();
            if (len < 20) {
                continue;
            }
            Element parent = p.parent();
            if (parent != null) {
                score.merge(parent, (double) len, Double::sum);
                Element grand = parent.parent();
                if (grand != null) {
                    score.merge(grand, len / 2.0, Double::sum);
                }
            }
        }
        return score.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private static String canonicalUrl(org.jsoup.nodes.Document page, Document doc) {
        // Canonical links and Open Graph tags belong in <head>.
        Element link = page.head().selectFirst("link[rel=canonical][href]");
        String canonical = link == null ? null : CanonicalUrls.canonical(link.absUrl("href").isEmpty()
                ? link.attr("href") : link.absUrl("href"));
        if (canonical == null) {
            Element og = page.head().selectFirst("meta[property=og:url][content]");
            canonical = og == null ? null : CanonicalUrls.canonical(og.attr("content"));
        }
        if (canonical == null && doc != null && doc.url() != null) {
            canonical = CanonicalUrls.canonical(doc.url().toString());
        }
        return canonical;
    }

    private static String host(String url) {
        try {
            return url == null ? null : URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
