package io.roleradar.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.roleradar.model.PostingJson;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates messages against the published JSON Schemas in the model module
 * ({@code schema/raw-posting.schema.json}, {@code schema/tagged-posting.schema.json}).
 */
public final class SchemaValidator {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix("https://roleradar.io/schema/raw-posting/1",
                    "classpath:schema/raw-posting.schema.json")));
    private static final JsonSchema RAW = FACTORY.getSchema(SchemaLocation.of("classpath:schema/raw-posting.schema.json"));
    private static final JsonSchema TAGGED = FACTORY.getSchema(SchemaLocation.of("classpath:schema/tagged-posting.schema.json"));

    private SchemaValidator() {
    }

    /** The schema violations of a raw posting's JSON; empty when it is valid. */
    public static Set<String> rawPostingErrors(String json) {
        return errors(RAW, PostingJson.tree(json));
    }

    /** The schema violations of a tagged posting's JSON; empty when it is valid. */
    public static Set<String> taggedPostingErrors(String json) {
        return errors(TAGGED, PostingJson.tree(json));
    }

    private static Set<String> errors(JsonSchema schema, JsonNode node) {
        Set<ValidationMessage> messages = schema.validate(node);
        return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
