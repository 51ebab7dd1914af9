package dev.enrichment.pipeline.analysis;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enrichment.fact.NewFact;
import dev.enrichment.preference.NewPreference;
import dev.enrichment.preference.PreferenceTypes;
import io.quarkus.logging.Log;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a model answer and checks it against {@link AnalysisSchema}. The top-level shape must be right or the whole
 * answer is rejected; a single fact or preference that is wrong is dropped on its own. Problems are described by
 * field name only: the descriptions go into logs, exceptions and the retry prompt, never the answer's text.
 */
final class AnswerValidator {

    static final int MIN_SUMMARY_CHARS = 40;
    /**
     * 3-5 sentences fit many times over; a longer "summary" is a runaway answer (seen: 200 KB), and the bots put
     * summaries into their own prompts.
     */
    static final int MAX_SUMMARY_CHARS = 4_000;

    static final int MAX_KEY_TOPICS = 5;
    static final int MAX_NAME_CHARS = 200;

    private static final Pattern FENCED = Pattern.compile("```(?:json|JSON)?\\s*(.*?)\\s*```", Pattern.DOTALL);

    private static final ObjectMapper JSON = JsonMapper.builder()
            // Parse errors must not quote the answer: it is derived from conversation text.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private AnswerValidator() {}

    static Answer validate(String content) throws InvalidAnswerException {
        JsonNode root = parse(unfenced(content));
        if (!root.isObject()) {
            throw new InvalidAnswerException("the answer must be one JSON object");
        }
        return new Answer(
                summary(root),
                keyTopics(root),
                tone(root),
                confidence(root),
                items(root, "facts", AnswerValidator::fact, AnswerValidator::factKey, NewFact::confidence),
                items(
                        root,
                        "preferences",
                        AnswerValidator::preference,
                        AnswerValidator::preferenceKey,
                        NewPreference::confidence));
    }

    /**
     * A batch answer's parts ({@link AnalysisSchema#BATCH_SCHEMA}) by window id, each without its id, to be validated
     * one by one with {@link #validate}. None when the answer is not the expected object; a window answered twice is
     * left out, trusted in neither answer.
     */
    static Map<String, JsonNode> batchParts(String content) {
        Map<String, JsonNode> parts = new HashMap<>();
        JsonNode root;
        try {
            root = parse(unfenced(content));
        } catch (InvalidAnswerException e) {
            return parts;
        }
        JsonNode windows = root.get("windows");
        if (windows == null || !windows.isArray()) {
            return parts;
        }
        Set<String> twice = new HashSet<>();
        for (JsonNode part : windows) {
            if (part.isObject() && part.path("window_id").isTextual()) {
                ObjectNode analysis = ((ObjectNode) part).deepCopy();
                String id = analysis.remove("window_id").asText().strip();
                if (parts.putIfAbsent(id, analysis) != null) {
                    twice.add(id);
                }
            }
        }
        parts.keySet().removeAll(twice);
        return parts;
    }

    /** A rollup's answer ({@link AnalysisSchema#ROLLUP_SCHEMA}): the summary fields, checked as in a window's. */
    static Answer validateRollup(String content) throws InvalidAnswerException {
        JsonNode root = parse(unfenced(content));
        if (!root.isObject()) {
            throw new InvalidAnswerException("the answer must be one JSON object");
        }
        return new Answer(summary(root), keyTopics(root), tone(root), confidence(root), List.of(), List.of());
    }

    private static String unfenced(String content) throws InvalidAnswerException {
        String text = content == null ? "" : content.strip();
        if (text.isEmpty()) {
            throw new InvalidAnswerException("the answer is empty");
        }
        if (!text.startsWith("{")) {
            Matcher fenced = FENCED.matcher(text);
            if (fenced.find()) {
                return fenced.group(1);
            }
        }
        return text;
    }

    private static JsonNode parse(String text) throws InvalidAnswerException {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidAnswerException(
                    at == null
                            ? "the answer is not valid JSON"
                            : "the answer is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr()
                                    + ")");
        }
    }

    private static String summary(JsonNode root) throws InvalidAnswerException {
        JsonNode node = required(root, "summary");
        if (!node.isTextual()) {
            throw new InvalidAnswerException("summary must be a string");
        }
        String summary = node.asText().strip();
        if (summary.isEmpty()) {
            throw new InvalidAnswerException("summary is empty");
        }
        if (summary.length() < MIN_SUMMARY_CHARS) {
            throw new InvalidAnswerException(
                    "summary is shorter than " + MIN_SUMMARY_CHARS + " characters; write 3-5 full sentences");
        }
        if (summary.length() > MAX_SUMMARY_CHARS) {
            throw new InvalidAnswerException(
                    "summary is longer than " + MAX_SUMMARY_CHARS + " characters; write 3-5 sentences");
        }
        return summary;
    }

    private static List<String> keyTopics(JsonNode root) throws InvalidAnswerException {
        JsonNode node = required(root, "key_topics");
        if (!node.isArray()) {
            throw new InvalidAnswerException("key_topics must be an array of strings");
        }
        Map<String, String> byLowerCase = new LinkedHashMap<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new InvalidAnswerException("key_topics must be an array of strings");
            }
            String topic = item.asText().strip();
            if (!topic.isEmpty()) {
                byLowerCase.putIfAbsent(topic.toLowerCase(Locale.ROOT), topic);
            }
        }
        if (byLowerCase.isEmpty()) {
            throw new InvalidAnswerException("key_topics must hold 1-5 non-blank topics");
        }
        List<String> topics = List.copyOf(byLowerCase.values());
        if (topics.size() > MAX_KEY_TOPICS) {
            // The model ranks them most important first, so extra ones are cut rather than paid for with a retry.
            Log.debugf("Answer had %d distinct key topics; keeping the first %d", topics.size(), MAX_KEY_TOPICS);
            return topics.subList(0, MAX_KEY_TOPICS);
        }
        return topics;
    }

    private static String tone(JsonNode root) throws InvalidAnswerException {
        JsonNode node = required(root, "emotional_tone");
        String tone = node.isTextual() ? node.asText().strip().toLowerCase(Locale.ROOT) : "";
        if (!AnalysisSchema.TONES.contains(tone)) {
            throw new InvalidAnswerException(
                    "emotional_tone must be one of " + String.join(", ", AnalysisSchema.TONES));
        }
        return tone;
    }

    private static double confidence(JsonNode root) throws InvalidAnswerException {
        JsonNode node = required(root, "confidence");
        if (!node.isNumber() || node.asDouble() < 0 || node.asDouble() > 1) {
            throw new InvalidAnswerException("confidence must be a number from 0 to 1");
        }
        return node.asDouble();
    }

    private static JsonNode required(JsonNode root, String field) throws InvalidAnswerException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidAnswerException("required field " + field + " is missing");
        }
        return node;
    }

    /** The valid items of one array, duplicates folded into the most confident one, in first-seen order. */
    private static <T> List<T> items(
            JsonNode root,
            String field,
            Function<JsonNode, Item<T>> reader,
            Function<T, String> key,
            ToDoubleFunction<T> confidence)
            throws InvalidAnswerException {
        JsonNode node = required(root, field);
        if (!node.isArray()) {
            throw new InvalidAnswerException(field + " must be an array");
        }
        Map<String, T> kept = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode element : node) {
            Item<T> item = element.isObject() ? reader.apply(element) : Item.dropped("not an object");
            if (item.value() == null) {
                Log.debugf("Dropped %s[%d] of the answer: %s", field, index, item.dropReason());
            } else {
                kept.merge(
                        key.apply(item.value()),
                        item.value(),
                        (first, second) ->
                                confidence.applyAsDouble(second) > confidence.applyAsDouble(first) ? second : first);
            }
            index++;
        }
        return new ArrayList<>(kept.values());
    }

    private static Item<NewFact> fact(JsonNode node) {
        String name = text(node, "entity_name");
        if (name == null || name.isEmpty()) {
            return Item.dropped("entity_name is missing or blank");
        }
        if (name.length() > MAX_NAME_CHARS) {
            return Item.dropped("entity_name is longer than " + MAX_NAME_CHARS + " characters");
        }
        String entityType = vocabulary(node, "entity_type", AnalysisSchema.ENTITY_TYPES);
        if (entityType == null) {
            return Item.dropped("entity_type is not in the vocabulary");
        }
        String relationship = vocabulary(node, "relationship_type", AnalysisSchema.RELATIONSHIP_TYPES);
        if (relationship == null) {
            return Item.dropped("relationship_type is not in the vocabulary");
        }
        Double confidence = unitInterval(node);
        if (confidence == null) {
            return Item.dropped("confidence is not a number from 0 to 1");
        }
        String reasoning = reasoning(node);
        if (reasoning == null) {
            return Item.dropped("reasoning is not a string");
        }
        return Item.of(new NewFact(name, entityType, relationship, confidence, reasoning));
    }

    private static Item<NewPreference> preference(JsonNode node) {
        String type = vocabulary(node, "preference_type", PreferenceTypes.ALL);
        if (type == null) {
            return Item.dropped("preference_type is not in the vocabulary");
        }
        String value = text(node, "preference_value");
        if (value == null || value.isEmpty()) {
            return Item.dropped("preference_value is missing or blank");
        }
        if (value.length() > MAX_NAME_CHARS) {
            return Item.dropped("preference_value is longer than " + MAX_NAME_CHARS + " characters");
        }
        Double confidence = unitInterval(node);
        if (confidence == null) {
            return Item.dropped("confidence is not a number from 0 to 1");
        }
        JsonNode explicit = node.get("is_explicit");
        JsonNode change = node.get("is_preference_change");
        if (explicit == null || !explicit.isBoolean() || change == null || !change.isBoolean()) {
            return Item.dropped("is_explicit and is_preference_change must be booleans");
        }
        String reasoning = reasoning(node);
        if (reasoning == null) {
            return Item.dropped("reasoning is not a string");
        }
        return Item.of(
                new NewPreference(type, value, confidence, explicit.booleanValue(), change.booleanValue(), reasoning));
    }

    private static String factKey(NewFact fact) {
        return fact.entityName().toLowerCase(Locale.ROOT)
                + '\u0000'
                + fact.entityType()
                + '\u0000'
                + fact.relationshipType();
    }

    private static String preferenceKey(NewPreference preference) {
        return preference.type() + '\u0000' + preference.value().toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText().strip() : null;
    }

    private static String vocabulary(JsonNode node, String field, List<String> allowed) {
        String value = text(node, field);
        String normalised = value == null ? null : value.toLowerCase(Locale.ROOT);
        return normalised != null && allowed.contains(normalised) ? normalised : null;
    }

    private static Double unitInterval(JsonNode node) {
        JsonNode value = node.get("confidence");
        if (value == null || !value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
            return null;
        }
        return value.asDouble();
    }

    /** The item's reasoning; a missing one is tolerated as empty, since it is only kept as metadata. */
    private static String reasoning(JsonNode node) {
        JsonNode value = node.get("reasoning");
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isTextual() ? value.asText().strip() : null;
    }

    /** One array element: the value, or why it was dropped. */
    private record Item<T>(T value, String dropReason) {

        static <T> Item<T> of(T value) {
            return new Item<>(value, null);
        }

        static <T> Item<T> dropped(String reason) {
            return new Item<>(null, reason);
        }
    }
}
