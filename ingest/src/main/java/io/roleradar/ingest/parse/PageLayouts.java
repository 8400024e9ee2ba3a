package io.roleradar.ingest.parse;

import io.roleradar.ingest.text.Fields;
import io.roleradar.ingest.text.HtmlText;
import io.roleradar.ingest.text.RemoteModes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The known structure of job pages on the big hosts: Greenhouse (the classic
 * {@code boards.greenhouse.io} page and the newer {@code job-boards.greenhouse.io} one), Lever,
 * LinkedIn's public job view and SEEK. Each fills what its markup states; a page none of them
 * recognises goes to the generic reader.
 */
final class PageLayouts {
    private static final Pattern GREENHOUSE_TITLE = Pattern.compile("^Job Application for\\s+(.+?)\\s+at\\s+(.+)$");

    private PageLayouts() {
    }

    /** Fills the draft from a known layout, each tried where its marker occurs; false when the page is none of them. */
    static boolean fill(PostingDraft d, Document page, String html) {
        return (html.contains("app_body") && greenhouseClassic(d, page))
                || (html.contains("job__description") && greenhouseNew(d, page))
                || (html.contains("posting-headline") && lever(d, page))
                || (html.contains("top-card-layout__title") || html.contains("topcard__title")) && linkedIn(d, page)
                || (html.contains("jobAdDetails") && seek(d, page));
    }

    private static boolean greenhouseClassic(PostingDraft d, Document page) {
        Element header = page.getElementById("header");
        Element content = page.getElementById("content");
        Element title = header == null ? null : header.selectFirst(".app-title");
        if (content == null || title == null) {
            return false;
        }
        setIfEmpty(d, title.text(), companyOf(page, text(header.selectFirst(".company-name"))),
                text(header.selectFirst(".location")), HtmlText.of(content));
        return true;
    }

    private static boolean greenhouseNew(PostingDraft d, Document page) {
        Element description = page.selectFirst(".job__description");
        Element title = page.selectFirst(".job__title h1, .job__header h1");
        if (description == null || title == null) {
            return false;
        }
        setIfEmpty(d, title.text(), companyOf(page, null), text(page.selectFirst(".job__location")),
                HtmlText.of(description));
        return true;
    }

    private static boolean lever(PostingDraft d, Document page) {
        Element headline = page.selectFirst(".posting-headline h2");
        if (headline == null) {
            return false;
        }
        Element content = page.selectFirst(".posting-page .content, .content-wrapper.posting-page");
        Elements sections = page.select("[data-qa=job-description], .posting .section-wrapper .section");
        String description = !sections.isEmpty() ? HtmlText.of(new Element("div").appendChildren(sections.clone()))
                : content == null ? "" : HtmlText.of(content);
        setIfEmpty(d, headline.text(), logoName(page.selectFirst(".main-header-logo img[alt]")),
                text(page.selectFirst(".posting-categories .location")), description);
        if (d.employmentType == null) {
            d.employmentType = Fields.employmentType(text(page.selectFirst(".posting-categories .commitment")));
        }
        if (d.department == null) {
            d.department = text(page.selectFirst(".posting-categories .department"));
        }
        String workplace = text(page.selectFirst(".posting-categories .workplaceTypes"));
        if (workplace != null) {
            d.remoteField = RemoteModes.fromField(workplace);
        }
        return true;
    }

    private static boolean linkedIn(PostingDraft d, Document page) {
        Element title = page.selectFirst("h1.top-card-layout__title, h1.topcard__title");
        Element description = page.selectFirst(".show-more-less-html__markup, .description__text");
        if (title == null || description == null) {
            return false;
        }
        setIfEmpty(d, title.text(), text(page.selectFirst(".topcard__org-name-link")),
                text(page.selectFirst(".topcard__flavor--bullet")), HtmlText.of(description));
        for (Element item : page.select(".description__job-criteria-item")) {
            String header = text(item.selectFirst(".description__job-criteria-subheader"));
            String value = text(item.selectFirst(".description__job-criteria-text"));
            if (header != null && header.toLowerCase(Locale.ROOT).contains("employment type") && d.employmentType == null) {
                d.employmentType = Fields.employmentType(value);
            }
        }
        return true;
    }

    private static boolean seek(PostingDraft d, Document page) {
        Element title = page.selectFirst("[data-automation=job-detail-title]");
        Element description = page.selectFirst("[data-automation=jobAdDetails]");
        if (title == null || description == null) {
            return false;
        }
        String location = text(page.selectFirst("[data-automation=job-detail-location]"));
        setIfEmpty(d, title.text(), text(page.selectFirst("[data-automation=advertiser-name]")), location,
                HtmlText.of(description));
        if (d.employmentType == null) {
            d.employmentType = Fields.employmentType(text(page.selectFirst("[data-automation=job-detail-work-type]")));
        }
        if (location != null && d.remoteField == io.roleradar.model.RemoteMode.UNKNOWN) {
            d.remoteField = RemoteModes.fromField(location.contains("(") ? location.substring(location.indexOf('(')) : "");
        }
        return true;
    }

    /** The company from Greenhouse's "Job Application for X at COMPANY" title, else the given fallback. */
    private static String companyOf(Document page, String fallback) {
        if (fallback != null) {
            String f = fallback.replaceFirst("^at\\s+", "").trim();
            if (!f.isEmpty()) {
                return f;
            }
        }
        Matcher m = GREENHOUSE_TITLE.matcher(page.title().trim());
        if (m.matches()) {
            return m.group(2).trim();
        }
        return logoName(page.selectFirst("img.logo[alt]"));
    }

    /** The company a logo's alt text names ("Acme logo"), or null without a logo. */
    private static String logoName(Element logo) {
        return logo == null ? null : logo.attr("alt").replaceFirst("(?i)\\s*logo$", "");
    }

    private static void setIfEmpty(PostingDraft d, String title, String company, String location, String description) {
        if (d.title == null || d.title.isBlank()) {
            d.title = title;
        }
        if (d.company == null || d.company.isBlank()) {
            d.company = company;
        }
        if (d.location == null || d.location.isBlank()) {
            d.location = location;
        }
        if (d.description == null || d.description.isBlank()) {
            d.description = description;
        }
    }

    static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.text().trim();
        return t.isEmpty() ? null : t;
    }
}
