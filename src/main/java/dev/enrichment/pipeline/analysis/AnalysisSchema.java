package dev.enrichment.pipeline.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enrichment.preference.PreferenceTypes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON schema every window analysis answer follows (chunks and merges included), and its vocabularies.
 *
 * <p>It keeps to what OpenAI's strict mode and Anthropic's structured outputs both accept: every property required,
 * {@code additionalProperties: false}, enums, descriptions. Numeric ranges and array lengths are left to the
 * descriptions and {@link AnswerValidator}, because {@code minimum}/{@code maximum}/{@code maxItems} are rejected by
 * some providers behind OpenRouter.
 */
final class AnalysisSchema {

    static final String NAME = "window_analysis";

    static final List<String> TONES = List.of("positive", "negative", "neutral", "mixed");

    static final List<String> ENTITY_TYPES = List.of(
            "name",
            "location",
            "occupation",
            "education",
            "hobby",
            "food",
            "drink",
            "place",
            "pet",
            "skill",
            "goal",
            "other");

    static final List<String> RELATIONSHIP_TYPES = List.of(
            "is_named",
            "lives_in",
            "from",
            "works_as",
            "studied_at",
            "likes",
            "loves",
            "enjoys",
            "dislikes",
            "hates",
            "owns",
            "has",
            "visited",
            "does",
            "practices",
            "wants",
            "needs",
            "plans_to",
            "learned",
            "knows");

    static final Map<String, Object> SCHEMA = object(properties(
                    "summary",
                            string("3-5 sentences in the third person (\"The user ...\") about the whole conversation"),
                    "key_topics",
                            array(string("a short topic of a few words"))
                                    .with("description", "1-5 main topics, most important first"),
                    "emotional_tone", enumeration(TONES, "the user's overall emotional tone"),
                    "confidence", number("0 to 1: how well the conversation supports this analysis"),
                    "facts",
                            array(
                                            object(
                                                    properties(
                                                            "entity_name",
                                                                    string(
                                                                            "what the fact is about, e.g. \"Portland\" or \"marine biology\""),
                                                            "entity_type", enumeration(ENTITY_TYPES, null),
                                                            "relationship_type",
                                                                    enumeration(
                                                                            RELATIONSHIP_TYPES,
                                                                            "how the user relates to the entity"),
                                                            "confidence", number("0 to 1"),
                                                            "reasoning",
                                                                    string(
                                                                            "one short sentence: why the user's own words support this fact"))))
                                    .with(
                                            "description",
                                            "facts the user states about themselves; empty when there are none"),
                    "preferences",
                            array(object(properties(
                                            "preference_type", enumeration(PreferenceTypes.ALL, null),
                                            "preference_value", string("the preferred value, e.g. \"Mark\""),
                                            "confidence", number("0 to 1"),
                                            "is_explicit", bool("true when the user said it outright"),
                                            "is_preference_change",
                                                    bool("true when the user changes an earlier preference"),
                                            "reasoning", string("one short sentence: where it came from"))))
                                    .with(
                                            "description",
                                            "how the user wants to be addressed or talked to; empty when none")))
            .frozen();

    /** The schema as compact JSON, for prompts that cannot send it as {@code response_format}. */
    static final String SCHEMA_JSON = toJson(SCHEMA);

    static final String BATCH_NAME = "window_analyses";

    /**
     * Several windows analysed in one call: one analysis per window, each the window schema's object plus the
     * {@code window_id} the prompt gave it, so that every part is validated on its own.
     */
    static final Map<String, Object> BATCH_SCHEMA = batchSchema();

    static final String BATCH_SCHEMA_JSON = toJson(BATCH_SCHEMA);

    static final String ROLLUP_NAME = "summary_rollup";

    /** A week's or month's rollup of day summaries: the window analysis's summary fields, no facts or preferences. */
    static final Map<String, Object> ROLLUP_SCHEMA = object(properties(
                    "summary", string("3-6 sentences in the third person (\"The user ...\") about the whole period"),
                    "key_topics",
                            array(string("a short topic of a few words"))
                                    .with("description", "1-5 main topics of the period, most important first"),
                    "emotional_tone", enumeration(TONES, "the user's overall emotional tone over the period"),
                    "confidence", number("0 to 1: how well the day summaries support this recap")))
            .frozen();

    static final String ROLLUP_SCHEMA_JSON = toJson(ROLLUP_SCHEMA);

    private AnalysisSchema() {}

    @SuppressWarnings("unchecked")
    private static Map<String, Object> batchSchema() {
        Node part = new Node()
                .with(
                        "window_id",
                        string("the window id the prompt gives this conversation")
                                .frozen());
        part.putAll((Map<String, Object>) SCHEMA.get("properties"));
        return object(properties(
                        "windows",
                        array(object(part))
                                .with("description", "one analysis per conversation, each with its window_id")))
                .frozen();
    }

    private static Node object(Node properties) {
        Node node = new Node().with("type", "object").with("properties", properties.frozen());
        node.with("required", List.copyOf(properties.keySet())).with("additionalProperties", false);
        return node;
    }

    private static Node properties(Object... namesAndSchemas) {
        Node node = new Node();
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            node.with((String) namesAndSchemas[i], ((Node) namesAndSchemas[i + 1]).frozen());
        }
        return node;
    }

    private static Node string(String description) {
        return described(new Node().with("type", "string"), description);
    }

    private static Node number(String description) {
        return described(new Node().with("type", "number"), description);
    }

    private static Node bool(String description) {
        return described(new Node().with("type", "boolean"), description);
    }

    private static Node enumeration(List<String> values, String description) {
        return described(new Node().with("type", "string").with("enum", values), description);
    }

    private static Node array(Node items) {
        return new Node().with("type", "array").with("items", items.frozen());
    }

    private static Node described(Node node, String description) {
        return description == null ? node : node.with("description", description);
    }

    private static String toJson(Map<String, Object> schema) {
        try {
            return new ObjectMapper().writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the analysis schema cannot be written as JSON", e);
        }
    }

    /** An insertion-ordered schema node: models read the keys in the order they are sent. */
    private static final class Node extends LinkedHashMap<String, Object> {

        Node with(String key, Object value) {
            put(key, value);
            return this;
        }

        // A plain copy, so nothing but standard collections reaches Jackson (native images included).
        Map<String, Object> frozen() {
            return Collections.unmodifiableMap(new LinkedHashMap<>(this));
        }
    }
}
