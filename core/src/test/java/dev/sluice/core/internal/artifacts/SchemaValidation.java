package dev.sluice.core.internal.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Validates artifact JSON against dbt's vendored schemas (draft 2020-12), each loaded once. */
public final class SchemaValidation {
    public static final String MANIFEST = "manifest-v12.json";
    public static final String RUN_RESULTS = "run-results-v6.json";
    public static final String CATALOG = "catalog-v1.json";
    public static final String SOURCES = "sources-v3.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private SchemaValidation() {
    }

    /** The validation errors, as "path: message" lines; empty when the JSON is valid. */
    public static List<String> errors(String schemaFile, String json) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(schemaFile, SchemaValidation::load);
        try {
            JsonNode node = MAPPER.readTree(json);
            return schema.validate(node).stream().map(ValidationMessage::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema load(String file) {
        try (InputStream in = SchemaValidation.class.getResourceAsStream("/dbt-schemas/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no schema /dbt-schemas/" + file + " on the test classpath");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
