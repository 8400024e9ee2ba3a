package io.roleradar.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.roleradar.ingest.text.PythonLiteral;
import io.roleradar.model.PostingJson;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Lenient access to fields of API JSON. Saved responses sometimes hold a nested object as a
 * string, even as a printed Python dict ({@code "compensation": "{'compensationTierSummary': ...}"});
 * {@link #object} reads those too, so one parser serves live and saved responses.
 */
final class JsonFields {
    private JsonFields() {
    }

    /**
     * Whether {@code root} is a board API's {@code {"jobs": [...]}}: its first job has one of
     * {@code jobFields}, or, when there are no jobs, the root has {@code emptyMarker}.
     */
    static boolean isJobsList(JsonNode root, String emptyMarker, String... jobFields) {
        JsonNode jobs = root == null ? null : root.get("jobs");
        if (jobs == null || !jobs.isArray()) {
            return false;
        }
        return jobs.isEmpty() ? root.has(emptyMarker) : Arrays.stream(jobFields).anyMatch(jobs.get(0)::has);
    }

    /** The text of a field, or null when absent, null or not a scalar. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    /** A nested object or array, also when stored as a JSON or Python-literal string; missing node otherwise. */
    static JsonNode object(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return MissingNode.getInstance();
        }
        if (v.isTextual()) {
            String s = v.asText().trim();
            if (s.startsWith("{") || s.startsWith("[")) {
                try {
                    return PostingJson.mapper().readTree(s);
                } catch (IOException notJson) {
                    try {
                        return PostingJson.mapper().readTree(PythonLiteral.toJson(s));
                    } catch (IOException notPython) {
                        return MissingNode.getInstance();
                    }
                }
            }
            return MissingNode.getInstance();
        }
        return v;
    }

    static BigDecimal number(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        try {
            return new BigDecimal(v.asText().replace(",", "").trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A boolean field, also "true"/"false" strings; null when absent. */
    static Boolean bool(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        String s = v.asText();
        return s.equalsIgnoreCase("true") ? Boolean.TRUE : s.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }
}
