package dev.enrichment.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operations of the running application's {@code /q/openapi} document, with their parameters, the fields of their
 * JSON request bodies and the role their description declares. Tests generated from it cover a new endpoint without
 * being edited.
 */
public final class OpenApiOperations {

    /** Test-only probe endpoints (see {@code ProblemProbeResource}) fail on purpose; input fuzzing leaves them out. */
    public static final String TEST_ONLY_PREFIX = "/api/v1/test-only/";

    private OpenApiOperations() {}

    /** The key an operation declares it needs, as {@code OpenApiAccessFilter} writes it into the description. */
    public enum DeclaredRole {
        BOT,
        ADMIN,
        /** Declares neither annotation: closed to every key. */
        CLOSED;

        static DeclaredRole from(String description) {
            if (description == null) {
                return CLOSED;
            }
            if (description.contains("Needs an admin key.")) {
                return ADMIN;
            }
            return description.contains("Needs a bot key or an admin key.") ? BOT : CLOSED;
        }
    }

    /** One operation: {@code GET /api/v1/summaries/{id}}. */
    public record Operation(
            String method,
            String path,
            DeclaredRole role,
            List<Parameter> parameters,
            Optional<String> bodyMediaType,
            List<BodyField> bodyFields) {

        public boolean isTestOnly() {
            return path.startsWith(TEST_ONLY_PREFIX);
        }

        public boolean hasBody() {
            return bodyMediaType.isPresent();
        }

        /** The path with every path parameter replaced by a valid sample value. */
        public String samplePath() {
            String filled = path;
            for (Parameter parameter : parameters) {
                if (parameter.in().equals("path")) {
                    filled = filled.replace("{" + parameter.name() + "}", parameter.sample());
                }
            }
            return filled;
        }

        /** A body that passes validation: every field at its sample value (dry runs by default). */
        public Map<String, Object> sampleBody() {
            Map<String, Object> body = new LinkedHashMap<>();
            for (BodyField field : bodyFields) {
                body.put(field.name(), field.sample());
            }
            return body;
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    /** A path, query or header parameter. */
    public record Parameter(String name, String in, boolean required, Map<String, Object> schema) {

        /** Free text: a string without enum or format, not a header. */
        public boolean isText() {
            return "string".equals(schema.get("type"))
                    && schema.get("enum") == null
                    && schema.get("format") == null
                    && !in.equals("header");
        }

        /** A value the operation accepts, so that a test varies one parameter at a time. */
        public String sample() {
            String type = String.valueOf(schema.get("type"));
            if (type.equals("integer")) {
                return "1";
            }
            if (type.equals("number")) {
                return "0.5";
            }
            if (type.equals("boolean")) {
                return "false";
            }
            if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
                return String.valueOf(values.get(0));
            }
            return switch (name) {
                case "when" -> "yesterday";
                case "id" -> "00000000-0000-4000-8000-000000000000";
                case "tz" -> "UTC";
                case "from", "as_of" -> "2025-01-01T00:00:00Z";
                case "to" -> "2025-01-02T00:00:00Z";
                default -> "sample";
            };
        }
    }

    /** A top-level property of a JSON request body, its schema with {@code $ref}s resolved. */
    public record BodyField(String name, Map<String, Object> schema) {

        public String type() {
            return String.valueOf(schema.get("type"));
        }

        /** A string field, or an array of strings, that takes free text. */
        public boolean holdsText() {
            Map<String, Object> text = isArray() ? items() : schema;
            return "string".equals(text.get("type")) && text.get("format") == null && text.get("enum") == null;
        }

        public boolean isArray() {
            return type().equals("array");
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> items() {
            return (Map<String, Object>) schema.getOrDefault("items", Map.of());
        }

        /** A value that passes validation; booleans are {@code true} so that a job stays a dry run. */
        public Object sample() {
            return switch (type()) {
                case "boolean" -> true;
                case "integer" -> 1;
                case "number" -> 0.5;
                case "array" -> List.of("integer".equals(items().get("type")) ? (Object) 30 : "elena");
                default ->
                    switch (name) {
                        case "from" -> "2025-01-01T00:00:00Z";
                        case "to" -> "2025-01-02T00:00:00Z";
                        default -> "elena";
                    };
            };
        }
    }

    /** Reads the document from the application under test (RestAssured's base URI and port). */
    public static List<Operation> read() {
        JsonPath document = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> schemas = document.getMap("components.schemas");
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, byMethod) -> byMethod.forEach((method, operation) -> operations.add(new Operation(
                method,
                path,
                DeclaredRole.from((String) operation.get("description")),
                parameters(operation),
                bodyMediaType(operation),
                bodyFields(operation, schemas)))));
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static List<Parameter> parameters(Map<String, Object> operation) {
        List<Map<String, Object>> declared =
                (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
        return declared.stream()
                .map(p -> new Parameter(
                        (String) p.get("name"), (String) p.get("in"), Boolean.TRUE.equals(p.get("required")), (Map<
                                        String, Object>)
                                p.getOrDefault("schema", Map.of())))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> bodyMediaType(Map<String, Object> operation) {
        Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
        if (body == null) {
            return Optional.empty();
        }
        Map<String, Object> content = (Map<String, Object>) body.getOrDefault("content", Map.of());
        return content.keySet().stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private static List<BodyField> bodyFields(Map<String, Object> operation, Map<String, Object> schemas) {
        Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
        if (body == null) {
            return List.of();
        }
        Map<String, Object> content = (Map<String, Object>) body.getOrDefault("content", Map.of());
        Map<String, Object> json = (Map<String, Object>) content.get("application/json");
        if (json == null) {
            return List.of();
        }
        Map<String, Object> schema = resolve((Map<String, Object>) json.get("schema"), schemas);
        Map<String, Map<String, Object>> properties =
                (Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of());
        List<BodyField> fields = new ArrayList<>();
        properties.forEach((name, property) -> fields.add(new BodyField(name, resolve(property, schemas))));
        return fields;
    }

    /** Follows a {@code $ref} into {@code components.schemas}; the property's own keys win over the target's. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> schemas) {
        if (schema == null) {
            return Map.of();
        }
        Object ref = schema.get("$ref");
        if (!(ref instanceof String reference)) {
            return schema;
        }
        String name = reference.substring(reference.lastIndexOf('/') + 1);
        Map<String, Object> resolved = new LinkedHashMap<>((Map<String, Object>) schemas.getOrDefault(name, Map.of()));
        schema.forEach((key, value) -> {
            if (!key.equals("$ref")) {
                resolved.put(key, value);
            }
        });
        return resolved;
    }
}
