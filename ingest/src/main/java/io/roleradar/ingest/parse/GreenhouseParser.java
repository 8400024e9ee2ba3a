package io.roleradar.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.roleradar.ingest.source.Document;
import io.roleradar.ingest.text.Fields;
import io.roleradar.ingest.text.HtmlText;
import io.roleradar.ingest.text.RemoteModes;
import io.roleradar.ingest.text.Salaries;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Greenhouse's job-board API ({@code boards-api.greenhouse.io/v1/boards/{board}/jobs?content=true}):
 * {@code {"jobs": [...]}} whose {@code content} is entity-escaped HTML. Ids are
 * {@code greenhouse:{board}:{job id}}, the board taken from the short form, else from the
 * postings' own URLs (a saved response's file name says nothing about the board), else the file name.
 */
public final class GreenhouseParser {
    private GreenhouseParser() {
    }

    static boolean looksLike(JsonNode root) {
        return JsonFields.isJobsList(root, "meta", "absolute_url", "internal_job_id", "content");
    }

    public static List<ParseResult> parse(Document doc, JsonNode root) {
        return PostingDraft.each(doc, root.get("jobs"), "job", job -> draft(doc, job));
    }

    private static PostingDraft draft(Document doc, JsonNode job) {
        PostingDraft d = new PostingDraft(doc);
        d.sourceUrl = JsonFields.text(job, "absolute_url");
        String board = AtsUrls.board(doc, d.sourceUrl);
        d.id = PostingDraft.id("greenhouse:" + board + ":", JsonFields.text(job, "id"));
        d.source = "greenhouse:" + board;
        d.company = PostingDraft.companyName(doc, JsonFields.text(job, "company_name"), d.sourceUrl, board);
        d.title = JsonFields.text(job, "title");
        JsonNode departments = JsonFields.object(job, "departments");
        if (departments.isArray() && !departments.isEmpty()) {
            d.department = JsonFields.text(departments.get(0), "name");
        }
        String location = JsonFields.text(JsonFields.object(job, "location"), "name");
        if (location != null) {
            // "San Francisco, CA | New York City, NY" names several places for one job.
            String[] parts = location.split("\\s*[|;]\\s*");
            d.location = parts[0];
            d.otherLocations.addAll(Arrays.asList(parts).subList(1, parts.length));
        }
        for (JsonNode meta : JsonFields.object(job, "metadata")) {
            String name = JsonFields.text(meta, "name");
            if (name != null && name.toLowerCase(Locale.ROOT).matches(".*(location type|workplace|remote).*")) {
                d.remoteField = RemoteModes.fromField(JsonFields.text(meta, "value"));
            }
        }
        String published = JsonFields.text(job, "first_published");
        d.postedAt = Fields.date(published != null ? published : JsonFields.text(job, "updated_at"));
        for (JsonNode range : JsonFields.object(job, "pay_input_ranges")) {
            BigDecimal min = JsonFields.number(range, "min_cents");
            BigDecimal max = JsonFields.number(range, "max_cents");
            d.salary = Salaries.of(min == null ? null : min.movePointLeft(2), max == null ? null : max.movePointLeft(2),
                    JsonFields.text(range, "currency_type"), "YEAR");
            if (d.salary != null) {
                break;
            }
        }
        d.description = HtmlText.ofEscaped(JsonFields.text(job, "content"));
        return d;
    }
}
