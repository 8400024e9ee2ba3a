package io.roleradar.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.roleradar.ingest.text.Fields;
import io.roleradar.ingest.text.HtmlText;
import io.roleradar.ingest.text.RemoteModes;
import io.roleradar.ingest.text.Salaries;
import io.roleradar.ingest.text.Texts;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RemoteMode;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads a schema.org {@code JobPosting} from a page's {@code application/ld+json} scripts (also
 * inside {@code @graph} or an array): title, description, datePosted, hiringOrganization,
 * jobLocation, jobLocationType, employmentType, baseSalary and identifier. Structured data the
 * employer published is the most reliable part of a page, so it is read first.
 */
final class JsonLdPosting {
    private JsonLdPosting() {
    }

    /** The first JobPosting node on the page, or null. */
    static JsonNode find(org.jsoup.nodes.Document page) {
        for (Element script : page.select("script[type=application/ld+json]")) {
            String json = script.data().trim().replaceAll("^<!--|-->$", "");
            try {
                JsonNode found = jobPosting(PostingJson.mapper().readTree(json));
                if (found != null) {
                    return found;
                }
            } catch (IOException malformed) {
                // A broken script is one source of structure among several; the page layout is next.
            }
        }
        return null;
    }

    private static JsonNode jobPosting(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                JsonNode found = jobPosting(n);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        JsonNode type = node.get("@type");
        if (type != null && (type.asText().equals("JobPosting")
                || (type.isArray() && type.toString().contains("\"JobPosting\"")))) {
            return node;
        }
        return jobPosting(node.get("@graph"));
    }

    /** Fills the draft from the JobPosting; returns the schema.org identifier value, or null. */
    static String fill(PostingDraft d, JsonNode jp) {
        d.title = JsonFields.text(jp, "title");
        String description = JsonFields.text(jp, "description");
        if (description != null) {
            // Some sites entity-escape the HTML inside the JSON string as well.
            d.description = description.contains("&lt;") ? HtmlText.ofEscaped(description) : HtmlText.of(description);
        }
        d.postedAt = Fields.date(JsonFields.text(jp, "datePosted"));
        JsonNode org = jp.get("hiringOrganization");
        if (org != null) {
            d.company = org.isTextual() ? org.asText() : JsonFields.text(org, "name");
        }
        List<String> places = new ArrayList<>();
        JsonNode locations = jp.get("jobLocation");
        if (locations != null) {
            for (JsonNode place : locations.isArray() ? locations : List.of(locations)) {
                String p = place(place);
                if (p != null && !places.contains(p)) {
                    places.add(p);
                }
            }
            JsonNode first = (locations.isArray() ? locations.path(0) : locations).path("address");
            d.country = addressPart(first, "addressCountry");
            d.city = addressPart(first, "addressLocality");
        }
        if (!places.isEmpty()) {
            d.location = places.get(0);
            d.otherLocations.addAll(places.subList(1, places.size()));
        }
        String locationType = JsonFields.text(jp, "jobLocationType");
        if (locationType != null && locationType.toUpperCase(Locale.ROOT).contains("TELECOMMUTE")) {
            d.remoteField = RemoteMode.REMOTE;
        } else if (locationType != null) {
            d.remoteField = RemoteModes.fromField(locationType);
        }
        JsonNode type = jp.get("employmentType");
        if (type != null && type.isArray() && !type.isEmpty()) {
            d.employmentType = Fields.employmentType(type.get(0).asText());
        } else if (type != null && type.isTextual()) {
            d.employmentType = Fields.employmentType(type.asText());
        }
        JsonNode salary = jp.get("baseSalary");
        if (salary != null && salary.isObject()) {
            JsonNode value = salary.path("value");
            if (value.isObject()) {
                java.math.BigDecimal single = JsonFields.number(value, "value");
                java.math.BigDecimal min = JsonFields.number(value, "minValue");
                java.math.BigDecimal max = JsonFields.number(value, "maxValue");
                d.salary = Salaries.of(min != null ? min : single, max != null ? max : single,
                        JsonFields.text(salary, "currency"), JsonFields.text(value, "unitText"));
            } else if (value.isNumber()) {
                d.salary = Salaries.of(value.decimalValue(), value.decimalValue(),
                        JsonFields.text(salary, "currency"), JsonFields.text(salary, "unitText"));
            }
        }
        JsonNode identifier = jp.get("identifier");
        if (identifier == null || identifier.isNull()) {
            return null;
        }
        String value = identifier.isObject() ? JsonFields.text(identifier, "value") : identifier.asText();
        return Texts.blankToNull(value);
    }

    /** A part of a schema.org PostalAddress, written as text or as a Thing with a name ({@code {"name": "US"}}). */
    private static String addressPart(JsonNode address, String field) {
        JsonNode v = address.isObject() ? address.get(field) : null;
        String text = v == null || v.isNull() ? null : v.isObject() ? JsonFields.text(v, "name") : v.asText();
        return Texts.blankToNull(text);
    }

    private static String place(JsonNode place) {
        if (place == null || place.isNull()) {
            return null;
        }
        if (place.isTextual()) {
            return Texts.blankToNull(place.asText());
        }
        JsonNode address = place.path("address");
        if (address.isTextual()) {
            return Texts.blankToNull(address.asText());
        }
        List<String> parts = Stream.of("addressLocality", "addressRegion", "addressCountry")
                .map(field -> addressPart(address, field)).filter(Objects::nonNull).toList();
        return parts.isEmpty() ? null : String.join(", ", parts);
    }
}
