package io.roleradar.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.roleradar.ingest.source.Document;
import io.roleradar.ingest.text.Fields;
import io.roleradar.ingest.text.HtmlText;
import io.roleradar.ingest.text.RemoteModes;
import io.roleradar.ingest.text.Salaries;

import java.util.List;
import java.util.Objects;

/**
 * Lever's postings API ({@code api.lever.co/v0/postings/{site}?mode=json}): a JSON array of
 * postings whose text is split over {@code description}, {@code lists} (headed bullet lists) and
 * {@code additional}; all three make the description. Lever names no company: the source's
 * display name does, else the site as the URL writes it.
 */
public final class LeverParser {
    private LeverParser() {
    }

    static boolean looksLike(JsonNode root) {
        if (root == null || !root.isArray() || root.isEmpty()) {
            return false;
        }
        JsonNode first = root.get(0);
        return first.has("hostedUrl") || (first.has("text") && first.has("categories"));
    }

    public static List<ParseResult> parse(Document doc, JsonNode root) {
        return PostingDraft.each(doc, root, "posting", job -> draft(doc, job));
    }

    private static PostingDraft draft(Document doc, JsonNode job) {
        PostingDraft d = new PostingDraft(doc);
        d.sourceUrl = JsonFields.text(job, "hostedUrl");
        String board = AtsUrls.board(doc, d.sourceUrl);
        d.id = PostingDraft.id("lever:" + board + ":", JsonFields.text(job, "id"));
        d.source = "lever:" + board;
        d.company = PostingDraft.companyName(doc, null, d.sourceUrl, board);
        d.title = JsonFields.text(job, "text");
        JsonNode categories = JsonFields.object(job, "categories");
        d.department = JsonFields.text(categories, "department");
        d.location = JsonFields.text(categories, "location");
        for (JsonNode other : categories.path("allLocations")) {
            d.otherLocations.add(other.asText());
        }
        // Lever's country is an ISO code; the location says the city.
        d.country = JsonFields.text(job, "country");
        d.employmentType = Fields.employmentType(JsonFields.text(categories, "commitment"));
        d.remoteField = RemoteModes.fromField(JsonFields.text(job, "workplaceType"));
        JsonNode created = job.get("createdAt");
        if (created != null && created.canConvertToLong()) {
            d.postedAt = Fields.dateOfEpochMillis(created.asLong());
        }
        JsonNode range = JsonFields.object(job, "salaryRange");
        if (!range.isMissingNode()) {
            d.salary = Salaries.of(JsonFields.number(range, "min"), JsonFields.number(range, "max"),
                    JsonFields.text(range, "currency"), JsonFields.text(range, "interval"));
        }
        d.payText = JsonFields.text(job, "salaryDescriptionPlain");
        d.description = description(job);
        return d;
    }

    private static String description(JsonNode job) {
        StringBuilder html = new StringBuilder();
        String description = JsonFields.text(job, "description");
        html.append(description != null ? description : Objects.toString(JsonFields.text(job, "descriptionPlain"), ""));
        for (JsonNode list : JsonFields.object(job, "lists")) {
            String heading = JsonFields.text(list, "text");
            if (heading != null) {
                html.append("<h3>").append(org.jsoup.nodes.Entities.escape(heading)).append("</h3>");
            }
            html.append("<ul>").append(Objects.toString(JsonFields.text(list, "content"), "")).append("</ul>");
        }
        String additional = JsonFields.text(job, "additional");
        if (additional != null) {
            html.append("<div>").append(additional).append("</div>");
        }
        return HtmlText.of(html.toString());
    }
}
