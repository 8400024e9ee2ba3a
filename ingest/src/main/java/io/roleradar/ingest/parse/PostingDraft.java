package io.roleradar.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.roleradar.ingest.source.Document;
import io.roleradar.ingest.text.Locations;
import io.roleradar.ingest.text.PayInText;
import io.roleradar.ingest.text.Place;
import io.roleradar.ingest.text.RemoteModes;
import io.roleradar.ingest.text.Texts;
import io.roleradar.model.RawPosting;
import io.roleradar.model.RemoteMode;
import io.roleradar.model.Salary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The fields a parser found for one posting, before the checks that make it a posting. Every
 * parser fills one and calls {@link #finish}, so the rules that apply to all sources (required
 * fields, whitespace, the remote decision, the country and city, pay stated only in the text) live in
 * one place.
 */
public final class PostingDraft {
    public String id;
    public String source;
    public String sourceUrl;
    public String company;
    public String title;
    public String department;
    public String location;
    public final List<String> otherLocations = new ArrayList<>();
    /** The country the source states in a field of its own (an ISO code or a name); the location is read without one. */
    public String country;
    /** The city the source states in a field of its own. */
    public String city;
    /** The source's structured workplace field, before the description is taken into account. */
    public RemoteMode remoteField = RemoteMode.UNKNOWN;
    public String employmentType;
    /** Pay as the source states it in a field of its own. */
    public Salary salary;
    /** A source's text about pay (Lever's salary description), read before the description when there is no {@link #salary}. */
    public String payText;
    public LocalDate postedAt;
    public Instant fetchedAt;
    /** Plain text, already converted from HTML and tidied with {@link Texts#tidyLines}. */
    public String description;

    /** A draft of a posting read from {@code doc}, fetched when it was. */
    PostingDraft(Document doc) {
        this.fetchedAt = doc.fetchedAt();
    }

    /** A source's id after its prefix ({@code "lever:" + board + ":"}); null (rejected) without one. */
    static String id(String prefix, String nativeId) {
        return nativeId == null ? null : prefix + nativeId;
    }

    /**
     * The posting, or why there is none.
     *
     * @param where names the input in a reject, e.g. {@code file.json job 3}
     */
    public ParseResult finish(String where) {
        String t = Texts.plainFieldOrNull(title);
        // Parsers hand over tidy text already (HtmlText, Texts.tidyLines); tidying again would only cost time.
        String d = description == null ? "" : description.strip();
        if (t == null) {
            return new Rejected(where, Rejected.MISSING_FIELD, "no title");
        }
        if (d.isEmpty()) {
            return new Rejected(where, Rejected.EMPTY_DESCRIPTION, "'" + t + "' has an empty description");
        }
        if (id == null || id.isBlank()) {
            return new Rejected(where, Rejected.MISSING_FIELD, "'" + t + "' has no id");
        }
        String loc = Texts.plainFieldOrNull(location);
        List<String> others = new ArrayList<>();
        for (String o : otherLocations) {
            String clean = Texts.plainFieldOrNull(o);
            if (clean != null && !clean.equals(loc) && !others.contains(clean)) {
                others.add(clean);
            }
        }
        if (loc == null && !others.isEmpty()) {
            loc = others.remove(0);
        }
        Place place = Locations.place(country, city, loc);
        Salary pay = salary != null ? salary : PayInText.find(payText, place.country());
        if (pay == null) {
            pay = PayInText.find(d, place.country());
        }
        RawPosting posting = RawPosting.builder()
                .id(id)
                .source(source)
                .sourceUrl(Texts.blankToNull(sourceUrl))
                .company(Texts.plainFieldOrNull(company))
                .title(t)
                .department(Texts.plainFieldOrNull(department))
                .location(loc)
                .otherLocations(others)
                .country(place.country())
                .city(place.city())
                .remote(RemoteModes.decide(remoteField, loc, t, d))
                .employmentType(employmentType)
                .salary(pay)
                .postedAt(postedAt)
                .fetchedAt(fetchedAt)
                .description(d)
                .build();
        return new Parsed(posting, false);
    }

    /**
     * The company name of a posting: the display name given with the source (a catalogue's
     * {@code company:}), else the name the source itself states, else the board's slug exactly as
     * the board writes it in the posting's URL ("hims-and-hers", "1password", "Lightfield"), else
     * the board. A slug is never dressed up as a name ("Hims And Hers"): its capitals would be a guess.
     */
    static String companyName(Document doc, String stated, String url, String board) {
        if (doc.company() != null && !doc.company().isBlank()) {
            return doc.company();
        }
        String slug = AtsUrls.boardAsWritten(url);
        return stated != null && !stated.isBlank() ? stated : slug != null ? slug : board;
    }

    /**
     * The posting (or reject) of each element of a JSON array of jobs, in order; an element that
     * is not an object is rejected as malformed. Rejects name the element: {@code file.json job 3}.
     *
     * @param noun what the source calls an element ("job", "posting")
     */
    static List<ParseResult> each(Document doc, JsonNode items, String noun, Function<JsonNode, PostingDraft> draft) {
        List<ParseResult> results = new ArrayList<>();
        int i = 0;
        for (JsonNode item : items) {
            String where = doc.name() + " " + noun + " " + ++i;
            results.add(item.isObject() ? draft.apply(item).finish(where)
                    : new Rejected(where, Rejected.MALFORMED_JSON, "a " + noun + " is not a JSON object"));
        }
        return results;
    }

    /**
     * A raw posting read as it was written (JSON Lines) with the same cleaning as parsed ones:
     * markup removed from the one-line fields and from the description, which the contract says
     * is plain text. Null when nothing is left of the title or the description.
     */
    public static RawPosting clean(RawPosting p) {
        String title = Texts.plainFieldOrNull(p.title());
        String description = p.description().indexOf('<') < 0 ? p.description() : Texts.stripTags(p.description());
        if (title == null || description.isBlank()) {
            return null;
        }
        List<String> others = p.otherLocations().stream().map(Texts::plainFieldOrNull)
                .filter(Objects::nonNull).toList();
        String location = Texts.plainFieldOrNull(p.location());
        // Postings written before ingest read places get them from their location, as parsed ones do.
        Place place = p.country() != null ? new Place(p.country(), p.city()) : Locations.of(location);
        return p.toBuilder()
                .title(title)
                .company(Texts.plainFieldOrNull(p.company()))
                .department(Texts.plainFieldOrNull(p.department()))
                .location(location)
                .country(place.country())
                .city(place.city())
                .otherLocations(others)
                .description(description)
                .build();
    }
}
