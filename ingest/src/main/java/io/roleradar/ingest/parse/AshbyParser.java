package io.roleradar.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.roleradar.ingest.source.Document;
import io.roleradar.ingest.text.Fields;
import io.roleradar.ingest.text.HtmlText;
import io.roleradar.ingest.text.RemoteModes;
import io.roleradar.ingest.text.Salaries;
import io.roleradar.ingest.text.Texts;
import io.roleradar.model.RemoteMode;
import io.roleradar.model.Salary;

import java.util.List;

/**
 * Ashby's public job-board API ({@code posting-api/job-board/{board}?includeCompensation=true}):
 * {@code {"jobs": [...]}}, each job with {@code descriptionHtml}, locations, workplace and
 * compensation. Ids are {@code ashby:{board}:{job id}}, the board being the short form's, else the
 * one the jobs' own URLs name, else a saved file's name without extension, lower-cased, as
 * Greenhouse's and Lever's ({@link AtsUrls#board(Document, String)}): a renamed file keeps its ids.
 */
public final class AshbyParser {
    private AshbyParser() {
    }

    static boolean looksLike(JsonNode root) {
        // An empty board still says which API answered: Ashby's carries apiVersion.
        return JsonFields.isJobsList(root, "apiVersion", "descriptionHtml", "jobUrl", "descriptionPlain");
    }

    public static List<ParseResult> parse(Document doc, JsonNode root) {
        JsonNode jobs = root.get("jobs");
        String board = AtsUrls.board(doc, boardUrl(jobs));
        return PostingDraft.each(doc, jobs, "job", job -> draft(doc, board, job));
    }

    private static PostingDraft draft(Document doc, String board, JsonNode job) {
        PostingDraft d = new PostingDraft(doc);
        d.id = PostingDraft.id("ashby:" + board + ":", JsonFields.text(job, "id"));
        d.source = "ashby:" + board;
        d.sourceUrl = JsonFields.text(job, "jobUrl");
        d.company = PostingDraft.companyName(doc, JsonFields.text(job, "organizationName"), d.sourceUrl, board);
        d.title = JsonFields.text(job, "title");
        d.department = JsonFields.text(job, "department");
        d.location = JsonFields.text(job, "location");
        for (JsonNode other : JsonFields.object(job, "secondaryLocations")) {
            d.otherLocations.add(other.isObject() ? JsonFields.text(other, "location") : other.asText());
        }
        JsonNode address = JsonFields.object(job, "address").path("postalAddress");
        d.country = JsonFields.text(address, "addressCountry");
        d.city = JsonFields.text(address, "addressLocality");
        String workplace = JsonFields.text(job, "workplaceType");
        Boolean isRemote = JsonFields.bool(job, "isRemote");
        d.remoteField = workplace != null ? RemoteModes.fromField(workplace)
                : Boolean.TRUE.equals(isRemote) ? RemoteMode.REMOTE
                : Boolean.FALSE.equals(isRemote) ? RemoteMode.ONSITE : RemoteMode.UNKNOWN;
        d.employmentType = Fields.employmentType(JsonFields.text(job, "employmentType"));
        d.salary = salary(JsonFields.object(job, "compensation"));
        d.postedAt = Fields.date(JsonFields.text(job, "publishedAt"));
        String html = JsonFields.text(job, "descriptionHtml");
        d.description = html != null && !html.isBlank() ? HtmlText.of(html)
                : Texts.tidyLines(JsonFields.text(job, "descriptionPlain"));
        return d;
    }

    /** The salary component of the summary (or of the first tier), else the scraped summary text. */
    static Salary salary(JsonNode compensation) {
        if (compensation.isMissingNode()) {
            return null;
        }
        for (JsonNode c : compensation.path("summaryComponents")) {
            Salary s = component(c);
            if (s != null) {
                return s;
            }
        }
        for (JsonNode tier : compensation.path("compensationTiers")) {
            for (JsonNode c : tier.path("components")) {
                Salary s = component(c);
                if (s != null) {
                    return s;
                }
            }
        }
        return Salaries.parse(JsonFields.text(compensation, "scrapeableCompensationSalarySummary"));
    }

    private static Salary component(JsonNode c) {
        if (!"Salary".equalsIgnoreCase(JsonFields.text(c, "compensationType"))) {
            return null;
        }
        return Salaries.of(JsonFields.number(c, "minValue"), JsonFields.number(c, "maxValue"),
                JsonFields.text(c, "currencyCode"), JsonFields.text(c, "interval"));
    }

    /** The first job URL that names the board: one response is one board, so every job of it gets the same. */
    private static String boardUrl(JsonNode jobs) {
        for (JsonNode job : jobs) {
            String url = JsonFields.text(job, "jobUrl");
            if (AtsUrls.board(url) != null) {
                return url;
            }
        }
        return null;
    }
}
