package dev.enrichment.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns a job's records into the JSON of {@code enrichment_jobs} and back: snake_case, instants as ISO-8601, absent
 * values left out. The mapper is our own rather than the application's so that stored jobs stay readable when the
 * REST API's Jackson settings change.
 */
final class JobJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JobJson() {
    }

    /** The JSON of a record, a list or a map of them; null for null. */
    static JsonNode tree(Object value) {
        return value == null ? null : MAPPER.valueToTree(value);
    }

    /** Stored JSON read as {@code type}; empty for a missing value. */
    static <T> Optional<T> read(JsonNode json, Class<T> type) {
        return json == null || json.isNull() ? Optional.empty() : Optional.of(MAPPER.convertValue(json, type));
    }

    /** A stored per-bot table, bot to row, sorted by bot; empty for a missing value. */
    static <T> Map<String, T> table(JsonNode json, Class<T> row) {
        return json == null || json.isNull() ? new TreeMap<>() : MAPPER.convertValue(json,
                MAPPER.getTypeFactory().constructMapType(TreeMap.class, String.class, row));
    }
}
