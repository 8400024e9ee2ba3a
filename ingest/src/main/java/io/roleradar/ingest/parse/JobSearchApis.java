package io.roleradar.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.roleradar.ingest.source.Document;
import io.roleradar.ingest.text.Fields;
import io.roleradar.ingest.text.HtmlText;
import io.roleradar.ingest.text.RemoteModes;
import io.roleradar.ingest.text.Salaries;
import io.roleradar.ingest.text.Texts;
import io.roleradar.model.RemoteMode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The job-search APIs whose responses also reach ingest (saved beside the ATS ones): Remotive,
 * USAJobs, Adzuna and a Workday job detail. Each names its own ids ({@code remotive:{id}},
 * {@code usajobs:{PositionID}}, {@code adzuna:{id}}, {@code workday:{tenant}:{jobReqId}}). A
 * Workday search result lists titles without descriptions, so it is rejected with that reason.
 */
final class JobSearchApis {
    private JobSearchApis() {
    }

    /** The parse of a recognised response, or null when the JSON is none of these APIs. */
    static List<ParseResult> parse(Document doc, JsonNode root) {
        if (root.has("jobs") && root.path("jobs").isArray() && root.has("job-count")) {
            return PostingDraft.each(doc, root.path("jobs"), "job", job -> remotive(doc, job));
        }
        if (root.path("SearchResult").path("SearchResultItems").isArray()) {
            return PostingDraft.each(doc, root.path("SearchResult").path("SearchResultItems"), "job", job -> usaJobs(doc, job));
        }
        if (root.path("results").isArray() && root.path("results").path(0).has("redirect_url")) {
            return PostingDraft.each(doc, root.path("results"), "job", job -> adzuna(doc, job));
        }
        if (root.path("jobPostingInfo").isObject()) {
            PostingDraft d = workday(doc, root);
            return List.of(d.finish(doc.name()));
        }
        if (root.path("jobPostings").isArray() && root.has("total")) {
            return List.of(new Rejected(doc.name(), Rejected.NO_POSTING, "a Workday search result lists "
                    + root.path("jobPostings").size() + " titles but no descriptions: read each job's detail "
                    + "(…/wday/cxs/{tenant}/{site}/job/{path}) instead"));
        }
        return null;
    }

    private static PostingDraft remotive(Document doc, JsonNode job) {
        PostingDraft d = new PostingDraft(doc);
        d.id = PostingDraft.id("remotive:", JsonFields.text(job, "id"));
        d.source = "remotive";
        d.sourceUrl = JsonFields.text(job, "url");
        d.title = JsonFields.text(job, "title");
        d.company = JsonFields.text(job, "company_name");
        d.department = JsonFields.text(job, "category");
        d.location = JsonFields.text(job, "candidate_required_location");
        // Remotive lists remote jobs only.
        d.remoteField = RemoteMode.REMOTE;
        d.employmentType = Fields.employmentType(JsonFields.text(job, "job_type"));
        d.salary = Salaries.parse(JsonFields.text(job, "salary"));
        d.postedAt = Fields.date(JsonFields.text(job, "publication_date"));
        d.description = HtmlText.of(JsonFields.text(job, "description"));
        return d;
    }

    private static PostingDraft usaJobs(Document doc, JsonNode item) {
        JsonNode job = item.path("MatchedObjectDescriptor");
        PostingDraft d = new PostingDraft(doc);
        d.id = PostingDraft.id("usajobs:", JsonFields.text(job, "PositionID"));
        d.source = "usajobs";
        d.sourceUrl = JsonFields.text(job, "PositionURI");
        d.title = JsonFields.text(job, "PositionTitle");
        d.company = JsonFields.text(job, "OrganizationName");
        d.location = JsonFields.text(job, "PositionLocationDisplay");
        JsonNode details = job.path("UserArea").path("Details");
        Boolean remote = JsonFields.bool(details, "RemoteIndicator");
        d.remoteField = Boolean.TRUE.equals(remote) ? RemoteMode.REMOTE : RemoteMode.UNKNOWN;
        JsonNode pay = job.path("PositionRemuneration").path(0);
        if (pay.isObject()) {
            d.salary = Salaries.of(JsonFields.number(pay, "MinimumRange"), JsonFields.number(pay, "MaximumRange"), "USD",
                    JsonFields.text(pay, "RateIntervalCode"));
        }
        d.postedAt = Fields.date(JsonFields.text(job, "PublicationStartDate"));
        String duties = JsonFields.text(details, "MajorDuties");
        d.description = Texts.tidyLines(Texts.tidyLines(JsonFields.text(details, "JobSummary"))
                + (duties != null ? "\n\n" + Texts.tidyLines(duties) : ""));
        return d;
    }

    private static PostingDraft adzuna(Document doc, JsonNode job) {
        PostingDraft d = new PostingDraft(doc);
        d.id = PostingDraft.id("adzuna:", JsonFields.text(job, "id"));
        d.source = "adzuna";
        d.sourceUrl = JsonFields.text(job, "redirect_url");
        d.title = JsonFields.text(job, "title");
        d.company = JsonFields.text(JsonFields.object(job, "company"), "display_name");
        d.department = JsonFields.text(JsonFields.object(job, "category"), "label");
        d.location = JsonFields.text(JsonFields.object(job, "location"), "display_name");
        // Adzuna's area starts with the country ("US", "UK"), then ever smaller places.
        JsonNode area = JsonFields.object(job, "location").path("area").path(0);
        d.country = area.isTextual() ? area.asText() : null;
        d.employmentType = Fields.employmentType(JsonFields.text(job, "contract_time"));
        // Adzuna's predicted salaries are its own guesses, not what the employer stated. It gives no
        // currency: its pay is in that of the country searched, which its area names first. Only the
        // US's is set; any other would need that country's currency confirmed first.
        if (!"1".equals(JsonFields.text(job, "salary_is_predicted"))) {
            d.salary = Salaries.of(JsonFields.number(job, "salary_min"), JsonFields.number(job, "salary_max"),
                    "US".equals(d.country) ? "USD" : null, "YEAR");
        }
        d.postedAt = Fields.date(JsonFields.text(job, "created"));
        d.description = HtmlText.of(JsonFields.text(job, "description"));
        return d;
    }

    private static PostingDraft workday(Document doc, JsonNode root) {
        JsonNode job = root.path("jobPostingInfo");
        PostingDraft d = new PostingDraft(doc);
        d.sourceUrl = JsonFields.text(job, "externalUrl");
        String tenant = tenant(d.sourceUrl);
        String req = JsonFields.text(job, "jobReqId");
        d.id = PostingDraft.id("workday:" + tenant + ":", req != null ? req : JsonFields.text(job, "id"));
        d.source = "workday:" + tenant;
        d.title = JsonFields.text(job, "title");
        d.company = JsonFields.text(root.path("hiringOrganization"), "name");
        d.location = JsonFields.text(job, "location");
        d.country = JsonFields.text(job.path("country"), "descriptor");
        d.employmentType = Fields.employmentType(JsonFields.text(job, "timeType"));
        d.remoteField = RemoteModes.fromField(JsonFields.text(job, "remoteType"));
        d.postedAt = Fields.date(JsonFields.text(job, "startDate"));
        d.description = HtmlText.of(JsonFields.text(job, "jobDescription"));
        return d;
    }

    /** The Workday tenant: the first label of the job URL's host ({@code gdit.wd5.myworkdayjobs.com} -> gdit). */
    private static String tenant(String url) {
        try {
            String host = url == null ? null : URI.create(url).getHost();
            return host == null ? "unknown" : host.substring(0, host.indexOf('.') < 0 ? host.length() : host.indexOf('.'))
                    .toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "unknown";
        }
    }
}
