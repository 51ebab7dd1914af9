package dev.enrichment.llm;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** The {@code response_format} of a chat request: a strict JSON schema, or any JSON object. */
@RegisterForReflection
public record ResponseFormat(String type, JsonSchema jsonSchema) {

    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ResponseFormat {
        Objects.requireNonNull(type, "type");
    }

    /** {@code {"type":"json_schema","json_schema":{"name":...,"strict":...,"schema":{...}}}}. */
    public static ResponseFormat jsonSchema(String name, Map<String, Object> schema, boolean strict) {
        return new ResponseFormat("json_schema", new JsonSchema(name, strict, schema));
    }

    /** {@code {"type":"json_object"}}: valid JSON, shape left to the prompt. */
    public static ResponseFormat jsonObject() {
        return new ResponseFormat("json_object", null);
    }

    /** The named schema the answer must follow. */
    @RegisterForReflection
    public record JsonSchema(String name, boolean strict, Map<String, Object> schema) {

        public JsonSchema {
            // OpenAI rejects other names with a 400; failing here names the real mistake.
            if (name == null || !SCHEMA_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("schema name must match " + SCHEMA_NAME.pattern());
            }
            Objects.requireNonNull(schema, "schema");
            // Keeps the caller's key order (models read it) and allows null values, unlike Map.copyOf.
            schema = Collections.unmodifiableMap(new LinkedHashMap<>(schema));
        }
    }
}
