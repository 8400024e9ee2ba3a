package io.roleradar.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON codec of the message contract, so every service writes and reads the same bytes.
 * Writing never fails for a valid record; reading turns every kind of bad input into an
 * {@link InvalidMessageException} with its reason, so callers can dead-letter it and go on.
 *
 * <p>Readers ignore unknown fields (a newer writer may add optional ones) but refuse a schema
 * version they do not know, since its meaning could have changed.
 */
public final class PostingJson {
    private static final ObjectMapper MAPPER = strictScalars(JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // Reject a string where a number belongs, rather than guess.
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build());

    private PostingJson() {
    }

    /**
     * A number or boolean where the contract says text is refused, not turned into text:
     * {@code "title": 42} is a producer's bug the dead-letter topic should show, not a posting titled "42".
     */
    private static ObjectMapper strictScalars(JsonMapper mapper) {
        mapper.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        return mapper;
    }

    /** The shared, configured mapper; thread-safe. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(RawPosting posting) {
        return writeBytes(posting);
    }

    public static byte[] write(TaggedPosting tagged) {
        return writeBytes(tagged);
    }

    /** One JSON document on one line, for JSON Lines files. */
    public static String writeLine(Object message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a valid message always serialises", e);
        }
    }

    public static RawPosting readRaw(byte[] json) throws InvalidMessageException {
        return read(json, RawPosting.class, RawPosting.SCHEMA_VERSION);
    }

    public static RawPosting readRaw(String json) throws InvalidMessageException {
        return readRaw(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static TaggedPosting readTagged(byte[] json) throws InvalidMessageException {
        return read(json, TaggedPosting.class, TaggedPosting.SCHEMA_VERSION);
    }

    public static TaggedPosting readTagged(String json) throws InvalidMessageException {
        return readTagged(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static byte[] writeBytes(Object message) {
        try {
            return MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a valid message always serialises", e);
        }
    }

    private static <T extends Versioned> T read(byte[] json, Class<T> type, int supportedVersion)
            throws InvalidMessageException {
        if (json == null || json.length == 0) {
            throw new InvalidMessageException(InvalidMessageException.Reason.MALFORMED_JSON,
                    "empty message: expected a JSON object", null);
        }
        T message;
        try {
            // One pass straight into the records: building a tree first would double the cost of
            // every read, and reading is most of what the reporter does.
            message = MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw classify(e, json, supportedVersion);
        } catch (IOException e) {
            throw new InvalidMessageException(InvalidMessageException.Reason.MALFORMED_JSON,
                    "not valid JSON: " + firstLine(e), e);
        }
        if (message == null) {
            throw new InvalidMessageException(InvalidMessageException.Reason.MALFORMED_JSON,
                    "expected a JSON object, got null", null);
        }
        int version = message.schemaVersion();
        // 0 is what an absent field reads as: absent means the first version, since hand-written
        // JSON Lines files often leave it out.
        if (version < 0 || version > supportedVersion) {
            throw unsupported(String.valueOf(version), supportedVersion);
        }
        return message;
    }

    /** Turns a read failure into the reason a dead letter names. */
    private static InvalidMessageException classify(JacksonException failure, byte[] json, int supportedVersion) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.exc.StreamReadException syntax
                    && !(t instanceof MismatchedInputException)) {
                // Broken JSON, even when databind wrapped it while reading a field.
                return new InvalidMessageException(InvalidMessageException.Reason.MALFORMED_JSON,
                        "not valid JSON: " + firstLine(syntax), failure);
            }
        }
        try {
            refuseUnknownVersion(json, supportedVersion);
        } catch (InvalidMessageException unsupported) {
            return unsupported;
        }
        if (failure instanceof ValueInstantiationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MissingFieldException missing) {
                return new InvalidMessageException(InvalidMessageException.Reason.MISSING_FIELD,
                        missing.getMessage(), missing);
            }
            return new InvalidMessageException(InvalidMessageException.Reason.INVALID_FIELD,
                    cause == null ? firstLine(e) : cause.getMessage(), e);
        }
        if (failure instanceof MismatchedInputException e) {
            if (e.getPath().isEmpty()) {
                return new InvalidMessageException(InvalidMessageException.Reason.MALFORMED_JSON,
                        "expected a JSON object, got " + got(json, e), e);
            }
            // In the words of the contract, not Jackson's ("Cannot coerce Integer value (123) to
            // `java.lang.String` value (but could if coercion was enabled ...)"): the reader of a
            // reject or a dead letter needs the field, what it must be and what it was.
            return new InvalidMessageException(InvalidMessageException.Reason.INVALID_FIELD,
                    field(e) + " must be " + expected(e.getTargetType()) + ", got " + got(json, e), e);
        }
        return new InvalidMessageException(InvalidMessageException.Reason.INVALID_FIELD, firstLine(failure), failure);
    }

    /**
     * On the error path only: a message of a version this reader does not know is refused as such,
     * not for whichever of its fields first failed to read.
     */
    private static void refuseUnknownVersion(byte[] json, int supportedVersion) throws InvalidMessageException {
        JsonNode version;
        try {
            version = MAPPER.readTree(json).get("schemaVersion");
        } catch (IOException | RuntimeException e) {
            return;
        }
        if (version != null && !version.isNull()
                && (!version.canConvertToExactIntegral() || version.asInt() < 1 || version.asInt() > supportedVersion)) {
            throw unsupported(version.toString(), supportedVersion);
        }
    }

    private static InvalidMessageException unsupported(String version, int supportedVersion) {
        return new InvalidMessageException(InvalidMessageException.Reason.UNSUPPORTED_SCHEMA_VERSION,
                "schemaVersion " + version + " is not supported (this reader knows 1.." + supportedVersion + ")", null);
    }

    /** Where in the message: {@code title}, {@code salary.min}, {@code otherLocations[1]}. */
    private static String field(MismatchedInputException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** What the contract wants in a field of this Java type, as a person would say it. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == java.time.Instant.class) {
            return "a date and time such as \"2026-11-20T09:00:00Z\"";
        }
        if (type == java.time.LocalDate.class) {
            return "a date such as \"2026-10-14\"";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(c -> "\"" + c + "\"")
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    /** What the message holds where a field failed to read: {@code a number}, {@code "last tuesday"}. */
    private static String got(byte[] json, MismatchedInputException e) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException | RuntimeException unreadable) {
            return "something else";
        }
        for (var ref : e.getPath()) {
            node = node == null ? null : ref.getFieldName() != null ? node.get(ref.getFieldName()) : node.get(ref.getIndex());
        }
        if (node == null) {
            return "something else";
        }
        return switch (node.getNodeType()) {
            case STRING -> {
                // One line, and short: the value may be a whole description.
                String text = node.asText().replaceAll("\\s+", " ");
                yield "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
            }
            case NUMBER -> "a number";
            case BOOLEAN -> node.asText();
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> "something else";
        };
    }

    private static String firstLine(Exception e) {
        String message = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Parses any JSON for tools that need the tree; wraps I/O errors. */
    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
